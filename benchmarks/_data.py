"""The benchmark tasks: which texts train, which validate, which are scored.

Every task is read from the shared data folder (``$WORDVEC_SHARED_DATA`` or
``../shared/data`` beside the repository) with wordvec's own ``load_dataset``:

- ``imdb``: the official IMDB split, 25,000 reviews to train, 25,000 to test.
- ``20ng``: 20 Newsgroups with seed 002's protocol (numpy shuffle, last 20 % held out); the
  held-out 20 % is the blog's validation set, called ``test`` here, and is what is scored.
- ``imdb-maxlen20``: seed 000's first experiment: IMDB train shuffled (seed 113, as
  ``keras.datasets.imdb``), its last 20 % is the validation set (Keras' ``validation_split``),
  scored on the official test split.
- ``imdb-200``: seed 000's GloVe experiment: train shuffled, the first 200 reviews train, the
  next 10,000 validate, scored on the official test split.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ARCHIVES = {"imdb": "aclImdb.tar.gz", "20ng": "20_newsgroup.tar.gz"}
_KERAS_IMDB_SEED = 113  # keras.datasets.imdb.load_data(seed=113) shuffles train with it
SEED000_SAMPLES = (200, 10000)  # seed 000's training_samples, validation_samples


@dataclass
class Task:
    """One benchmark setting: train, optional validation and scored test texts with labels.

    ``pool`` holds every training text the seed recipe's Tokenizer was fitted on (seed 000
    fits it on all 25,000 training reviews before it takes its samples); ``unlabelled`` the
    dataset's unlabelled texts when asked for (IMDB's 50,000 unsup reviews).

    Example:
        >>> t = Task("toy", "Toy", (["a", "b"], ["x", "y"]), (["a"], ["x"]))
        >>> t.classes, len(t.train[0])
        (['x', 'y'], 2)
    """

    key: str
    title: str
    train: tuple[list[str], list[str]]
    test: tuple[list[str], list[str]]
    validation: tuple[list[str], list[str]] | None = None
    pool: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        """The sorted class names of the training labels."""
        return sorted(set(self.train[1]))

    def sizes(self) -> str:
        """``train/validation/test`` sizes, e.g. ``25,000/-/25,000``."""
        val = f"{len(self.validation[0]):,}" if self.validation else "-"
        return f"{len(self.train[0]):,}/{val}/{len(self.test[0]):,}"


TITLES = {
    "imdb": "IMDB (25k/25k)",
    "20ng": "20 Newsgroups (seed 002 split)",
    "imdb-maxlen20": "IMDB, seed 000 maxlen 20",
    "imdb-200": "IMDB, seed 000 200 samples",
}
TASKS = tuple(TITLES)


def shared_data() -> Path:
    """``$WORDVEC_SHARED_DATA`` or ``../shared/data`` beside the repository.

    Example:
        >>> shared_data().name  # doctest: +SKIP
        'data'
    """
    env = os.environ.get("WORDVEC_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def load_task(key: str, quick: bool = False, unlabelled: bool = False) -> Task:
    """Read one task from the shared data; ``quick`` keeps a small stratified sample;
    ``unlabelled`` also keeps the unlabelled texts (off: they cost memory the benchmark counts).

    Example:
        >>> task = load_task("20ng")  # doctest: +SKIP
        >>> task.sizes()  # doctest: +SKIP
        '15,998/-/3,999'
    """
    from wordvec.data import load_dataset
    from wordvec.data._splits import samples, shuffled

    ds = load_dataset(shared_data() / ARCHIVES["20ng" if key == "20ng" else "imdb"], seed=0)
    train, test = _pair(ds.split("train")), _pair(ds.split("test"))
    task = Task(key, TITLES[key], train, test,
                unlabelled=list(ds.unlabelled) if unlabelled else [])
    if key == "imdb-200":  # load_dataset(train_samples=200, validation_samples=10000) does this
        head, val = samples(ds.split("train"), *SEED000_SAMPLES, seed=0)
        task.train, task.validation, task.pool = _pair(head), _pair(val), train[0]
    elif key == "imdb-maxlen20":
        order = shuffled(len(train[0]), _KERAS_IMDB_SEED)
        texts, labels = _take(train, order)
        cut = len(texts) - int(0.2 * len(texts))  # Keras: the last 20 % validate
        task.train, task.validation = (texts[:cut], labels[:cut]), (texts[cut:], labels[cut:])
        task.pool = texts
    return _subsample(task) if quick else task


def _pair(split) -> tuple[list[str], list[str]]:
    return list(split.texts), list(split.labels)


def _take(pair: tuple[list[str], list[str]], order) -> tuple[list[str], list[str]]:
    return [pair[0][i] for i in order], [pair[1][i] for i in order]


def _subsample(task: Task, train: int = 2000, test: int = 1000, validation: int = 500) -> Task:
    """A smoke-run copy: at most ``train``/``validation``/``test`` texts, stratified, seeded."""

    def cut(pair, size):
        if pair is None or len(pair[0]) <= size:
            return pair
        from sklearn.model_selection import train_test_split

        try:
            keep, _ = train_test_split(range(len(pair[0])), train_size=size, random_state=0,
                                       stratify=pair[1])
        except ValueError:  # a class too small to stratify: take a seeded random sample
            keep, _ = train_test_split(range(len(pair[0])), train_size=size, random_state=0)
        return _take(pair, sorted(keep))

    return Task(task.key, task.title, cut(task.train, train), cut(task.test, test),
                cut(task.validation, validation), pool=task.pool[: max(train, 5000)])
