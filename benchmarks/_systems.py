"""Which systems exist, and which run on which task (``--datasets`` / ``--systems``).

A system is an object with ``prepare()`` (imports its libraries, untimed), ``fit(task,
quick)``, ``predict(texts) -> labels`` and a ``note`` string; ``SYSTEMS`` maps its name to a
factory taking the task key. To add one, add a factory here (and to a group's list in
``_group_jobs`` if it should run by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from _anchors import FastText, TfidfLR
from _seeds import SeedRecipe
from _wordvec import LastWords, Select, Wordvec, has_presets

ANCHORS = ("fasttext-unigram", "fasttext-bigram", "fasttext-tutorial", "tfidf-lr")
GROUPS = ("imdb", "20ng", "seeds")
SEED_GROUPS = ("seed000-maxlen20", "seed000-glove200", "seed002-conv")


# TextClassifier configurations tried for the seed settings; the best on validation is kept.
_PRESETS = [{"preset": "fast"}, {"preset": "accurate"}]
_GLOVE = [
    {},  # average of fine-tuned glove-6b-50d
    {"trainable": False, "learning_rate": 0.01, "epochs": 100, "patience": 10},
]


def _best(task: str) -> Any:
    """wordvec's best for a seed setting: chosen on the task's validation split."""
    candidates = (_PRESETS if has_presets() else []) + _GLOVE
    if task == "imdb-maxlen20":  # the seed's constraint: the last 20 words of each review
        return LastWords(Select(candidates), 20)
    return Select(candidates)


SYSTEMS: dict[str, Callable[[str], Any]] = {
    "fasttext-unigram": lambda task: FastText(),
    "fasttext-bigram": lambda task: FastText(wordNgrams=2, epoch=10),
    "fasttext-tutorial": lambda task: FastText(lr=1.0, epoch=25, wordNgrams=2),
    "tfidf-lr": lambda task: TfidfLR(),
    "wordvec-fast": lambda task: Wordvec(preset="fast"),
    "wordvec-accurate": lambda task: Wordvec(preset="accurate"),
    "wordvec-default": lambda task: Wordvec(),
    "wordvec-cnn": lambda task: Wordvec(head="cnn"),
    "wordvec-best": _best,
    "seed000-maxlen20": lambda task: SeedRecipe.seed000_maxlen20(),
    "seed000-glove200": lambda task: SeedRecipe.seed000_glove200(),
    "seed002-conv": lambda task: SeedRecipe.seed002_conv(),
}
# Systems that only make sense on some tasks; the others run anywhere, except on
# imdb-maxlen20, whose 20-word limit only the systems listed for it respect.
ONLY_ON = {"seed000-maxlen20": ("imdb-maxlen20",), "seed000-glove200": ("imdb-200",),
           "seed002-conv": ("20ng",), "wordvec-best": ("imdb-maxlen20", "imdb-200")}


def wordvec_defaults() -> tuple[str, ...]:
    """The wordvec systems that run by default: the presets once ``TextClassifier`` has them.

    Example:
        >>> wordvec_defaults() in {("wordvec-fast", "wordvec-accurate"),
        ...                        ("wordvec-default", "wordvec-cnn")}
        True
    """
    return ("wordvec-fast", "wordvec-accurate") if has_presets() else ("wordvec-default",
                                                                        "wordvec-cnn")


def _group_jobs(group: str) -> list[tuple[str, str]]:
    wordvec = wordvec_defaults()
    if group in ("imdb", "20ng"):
        return [(group, s) for s in ANCHORS + wordvec]
    if group == "seed000-maxlen20":
        return [("imdb-maxlen20", "seed000-maxlen20"), ("imdb-maxlen20", "wordvec-best")]
    if group == "seed000-glove200":
        return [("imdb-200", s) for s in ("seed000-glove200", "wordvec-best", "tfidf-lr",
                                          "fasttext-bigram")]
    if group == "seed002-conv":
        return [("20ng", "seed002-conv"), ("20ng", wordvec[-1])]
    if group == "seeds":
        return [job for name in SEED_GROUPS for job in _group_jobs(name)]
    raise ValueError(f"unknown dataset {group!r}; choose from {', '.join(GROUPS + SEED_GROUPS)}")


def plan(groups: list[str], systems: list[str] | None = None) -> list[tuple[str, str]]:
    """The (task, system) jobs for ``--datasets`` groups, optionally only ``systems``.

    With ``systems`` every named system runs on every task of the groups it applies to.

    Example:
        >>> plan(["imdb"], ["tfidf-lr", "seed002-conv"])
        [('imdb', 'tfidf-lr')]
    """
    unknown = sorted(set(systems or ()) - set(SYSTEMS))
    if unknown:
        raise ValueError(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
    jobs: list[tuple[str, str]] = []
    for group in groups:
        default = _group_jobs(group)
        if systems is None:
            wanted = default
        else:
            tasks = list(dict.fromkeys(task for task, _ in default))
            wanted = [(t, s) for t in tasks for s in systems if _applies(s, t)]
        jobs += [job for job in wanted if job not in jobs]
    order = ("imdb", "20ng", "imdb-maxlen20", "imdb-200")
    return sorted(jobs, key=lambda job: order.index(job[0]))


def _applies(system: str, task: str) -> bool:
    if task == "imdb-maxlen20":
        return task in ONLY_ON.get(system, ())
    return task in ONLY_ON.get(system, (task,))
