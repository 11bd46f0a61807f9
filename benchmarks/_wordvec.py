"""wordvec's systems: a ``TextClassifier`` configuration, or the best of several on validation.

Everything is the public ``TextClassifier``: ``fit`` gets the training texts (and the task's
validation texts when it has them; otherwise TextClassifier holds out its own 10 % of train),
``predict`` gets raw test texts. ``Select`` trains every candidate, keeps the one with the best
validation accuracy (the task's validation split, never the test split) and counts the
training time of all candidates.
"""

from __future__ import annotations

import inspect
from typing import Any

from _data import Task


def has_presets() -> bool:
    """Whether ``TextClassifier`` takes ``preset=`` yet.

    Example:
        >>> isinstance(has_presets(), bool)
        True
    """
    from wordvec.training.classifier import TextClassifier

    return "preset" in inspect.signature(TextClassifier.__init__).parameters


def import_stack() -> None:
    """Import Keras (JAX) and wordvec's modules, so that import time is not training time.

    Example:
        >>> import_stack()
    """
    from wordvec._backend import import_keras

    import_keras()
    import wordvec.models.heads  # noqa: F401
    import wordvec.text  # noqa: F401
    import wordvec.training.classifier  # noqa: F401
    import wordvec.vectors  # noqa: F401


def describe(params: dict[str, Any]) -> str:
    """A short text for a parameter dict, e.g. ``head=cnn, maxlen=20``.

    Example:
        >>> describe({"preset": "fast", "maxlen": 20})
        'preset=fast, maxlen=20'
    """
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"


class Wordvec:
    """``TextClassifier(**params)``, fitted on the task's train (and validation) texts.

    Example:
        >>> Wordvec(head="cnn").note
        'head=cnn'
    """

    def __init__(self, **params: Any) -> None:
        self.params = params
        self.note = describe(params)

    def prepare(self) -> None:
        import_stack()

    def fit(self, task: Task, quick: bool = False) -> None:
        from wordvec.training.classifier import TextClassifier

        self.model = TextClassifier(**self.params)
        options: dict[str, Any] = {"epochs": 2} if quick else {}
        if task.validation is not None:
            options["validation_data"] = task.validation
        self.model.fit(*task.train, **options)
        val = self.model.metrics_.get("val")
        if val:
            self.val_accuracy = float(val["accuracy"])
            self.note += f"; val acc {self.val_accuracy:.3f}"

    def predict(self, texts: list[str]) -> list[str]:
        return self.model.predict(texts)


def last_words(text: str, count: int) -> str:
    """The last ``count`` words of a text (Keras' word split), as ``pad_sequences`` keeps them.

    Example:
        >>> last_words("A film. Great, really great!", 3)
        'great really great'
    """
    from wordvec.text import text_to_word_sequence

    return " ".join(text_to_word_sequence(text)[-count:])


class LastWords:
    """Any system, shown only the last ``count`` words of every text (train and test alike).

    Seed 000's maxlen-20 model sees the last 20 ids of each review (``pad_sequences`` cuts
    ``pre`` by default); this gives wordvec's models no more than that. Cutting the texts is
    part of the training and prediction time.

    Example:
        >>> LastWords(Wordvec(preset="fast"), 20).note
        'last 20 words; preset=fast'
    """

    def __init__(self, inner: Any, count: int) -> None:
        self.inner, self.count = inner, count
        self.note = f"last {count} words; {inner.note}"

    def prepare(self) -> None:
        self.inner.prepare()

    def _cut(self, pair: tuple[list[str], list[str]] | None):
        if pair is None:
            return None
        return [last_words(t, self.count) for t in pair[0]], pair[1]

    def fit(self, task: Task, quick: bool = False) -> None:
        cut = Task(task.key, task.title, self._cut(task.train), self._cut(task.test),
                   self._cut(task.validation))
        self.inner.fit(cut, quick)
        self.note = f"last {self.count} words; {self.inner.note}"

    def predict(self, texts: list[str]) -> list[str]:
        return self.inner.predict([last_words(t, self.count) for t in texts])


class Select:
    """Train each candidate configuration, keep the best on the task's validation split.

    Example:
        >>> s = Select([{"head": "average"}, {"head": "cnn"}])
        >>> len(s.candidates)
        2
    """

    def __init__(self, candidates: list[dict[str, Any]]) -> None:
        self.candidates = candidates
        self.note = ""

    def prepare(self) -> None:
        import_stack()

    def fit(self, task: Task, quick: bool = False) -> None:
        if task.validation is None:
            raise ValueError(f"task {task.key} has no validation split to select on")
        tried = []
        for params in self.candidates:
            system = Wordvec(**params)
            system.fit(task, quick)
            tried.append((system.val_accuracy, system))
        best = max(tried, key=lambda pair: pair[0])[1]
        self.chosen = best
        scores = "; ".join(f"{describe(s.params)}: {acc:.3f}" for acc, s in tried)
        self.note = f"chose {describe(best.params)} (val acc of each: {scores})"

    def predict(self, texts: list[str]) -> list[str]:
        return self.chosen.predict(texts)
