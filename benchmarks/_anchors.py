"""The anchors wordvec is measured against: fastText and TF-IDF + logistic regression.

- ``fasttext-unigram``: ``fasttext.train_supervised`` with its defaults (5 epochs, lr 0.1,
  dim 100, word unigrams), 2 threads.
- ``fasttext-bigram``: the same with ``wordNgrams=2, epoch=10``.
- ``fasttext-tutorial``: the settings fastText's text classification tutorial ends with,
  ``lr=1.0, epoch=25, wordNgrams=2`` (the defaults underfit 20 Newsgroups badly).
  Both get text normalised as fastText's tutorial does (lowercase, the characters
  ``. ! ? , ' / ( )`` split off as tokens, one text per line), the training lines in a seeded
  random order (fastText reads its file in order, and IMDB's comes sorted by class); writing
  that file to a temporary folder is part of the training time, normalising is part of
  prediction time.
- ``tfidf-lr``: ``TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)`` (otherwise
  scikit-learn's defaults: lowercase, ``token_pattern`` of 2+ word characters) and
  ``LogisticRegression(C=1.0, max_iter=1000)`` (lbfgs; multinomial for more than two classes).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import random
import re
import tempfile

from _data import Task

_PUNCT = re.compile(r"([.!?,'/()])")
_SPACE = re.compile(r"\s+")
FASTTEXT_THREADS = 2


def _release_freed_memory() -> None:
    """Give freed heap pages back to the OS (glibc ``malloc_trim``) before fastText trains.

    fastText 0.9.2 (this wheel) reads memory it has not written, which is harmless in a fresh
    process (the OS hands out zeroed pages) but not after Python has freed memory: with the
    training texts loaded, ``train_supervised`` then fails with "Encountered NaN" or learns
    from garbage (reproduced here by freeing NaN-filled arrays first). After ``malloc_trim``
    its results match a fresh process's exactly (checked with ``thread=1``).
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def fasttext_line(text: str) -> str:
    """A text as fastText's tutorial prepares it: punctuation split off, lowercase, one line.

    Example:
        >>> fasttext_line("Great film!\\nReally (truly) good.")
        'great film ! really ( truly ) good .'
    """
    return _SPACE.sub(" ", _PUNCT.sub(r" \1 ", text)).strip().lower()


def _label(name: str) -> str:
    return "__label__" + _SPACE.sub("_", name)


class FastText:
    """fastText supervised training from a temporary file, 2 threads.

    Example:
        >>> system = FastText(wordNgrams=2, epoch=10)  # doctest: +SKIP
        >>> system.fit(task); system.predict(["a fine film"])  # doctest: +SKIP
        ['pos']
    """

    def __init__(self, **options) -> None:
        self.options = {"thread": FASTTEXT_THREADS, "verbose": 0, **options}
        self.note = ", ".join(f"{k}={v}" for k, v in options.items()) or "defaults"

    def prepare(self) -> None:
        import fasttext  # noqa: F401

    def fit(self, task: Task, quick: bool = False) -> None:
        import fasttext

        texts, labels = task.train
        self._names = {_label(name): name for name in task.classes}
        with tempfile.TemporaryDirectory(prefix="wordvec-bench-") as tmp:
            path = os.path.join(tmp, "train.txt")
            order = random.Random(0).sample(range(len(texts)), len(texts))
            with open(path, "w", encoding="utf-8") as out:
                for i in order:
                    out.write(f"{_label(labels[i])} {fasttext_line(texts[i])}\n")
            _release_freed_memory()
            self.model = fasttext.train_supervised(input=path, **self.options)

    def predict(self, texts: list[str]) -> list[str]:
        predicted, _ = self.model.predict([fasttext_line(t) for t in texts], k=1)
        return [self._names[labels[0]] for labels in predicted]


class TfidfLR:
    """TF-IDF over word 1-2 grams, then scikit-learn's logistic regression.

    Example:
        >>> system = TfidfLR()
        >>> system.fit(Task("toy", "Toy", (["good film", "bad film"] * 5, ["p", "n"] * 5),
        ...                 ([], [])))
        >>> system.predict(["good film"])
        ['p']
    """

    note = "1-2 grams, min_df=2, sublinear_tf; C=1.0, max_iter=1000"

    def prepare(self) -> None:
        import sklearn.feature_extraction.text  # noqa: F401
        import sklearn.linear_model  # noqa: F401

    def fit(self, task: Task, quick: bool = False) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        features = self.vectorizer.fit_transform(task.train[0])
        self.model = LogisticRegression(C=1.0, max_iter=1000).fit(features, task.train[1])

    def predict(self, texts: list[str]) -> list[str]:
        return [str(label) for label in self.model.predict(self.vectorizer.transform(texts))]
