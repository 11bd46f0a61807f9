"""``Dataset`` and ``load_dataset``: labelled text from a registry name, folder, archive or file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from wordvec.data import _splits
from wordvec.data._corpus import UNSPLIT, Corpus, Split
from wordvec.data.report import LoadReport
from wordvec.errors import DatasetError

_ORDER = ("train", "validation", "test")


@dataclass
class Dataset:
    """Labelled texts in named splits, the class names, unlabelled texts and a load report.

    Splits partition the labelled texts. Predefined splits (IMDB's train/test folders) keep
    file order (sorted paths); held-out splits come out in a seeded random order.

    Example:
        >>> ds = Dataset("toy", {"train": Split(["good", "bad"], ["pos", "neg"])})
        >>> ds.classes, ds.splits, ds.split("train").labels
        (('neg', 'pos'), ('train',), ['pos', 'neg'])
    """

    name: str
    parts: dict[str, Split]
    unlabelled: list[str] = field(default_factory=list)
    report: LoadReport = field(default_factory=LoadReport)
    source: str = ""

    @property
    def classes(self) -> tuple[str, ...]:
        """The sorted class names found in any split."""
        return tuple(sorted({label for part in self.parts.values() for label in part.labels}))

    @property
    def splits(self) -> tuple[str, ...]:
        """Split names in the order train, validation, test (then any others)."""
        known = [name for name in _ORDER if name in self.parts]
        return tuple(known + sorted(set(self.parts) - set(_ORDER)))

    def split(self, name: str) -> Split:
        """The texts and labels of one split; an unknown name raises ``DatasetError``.

        Example:
            >>> Dataset("toy", {"train": Split(["a"], ["x"])}).split("test")
            Traceback (most recent call last):
            wordvec.errors.DatasetError: dataset 'toy' has no split 'test' (splits: train)
        """
        if name not in self.parts:
            raise DatasetError(f"dataset {self.name!r} has no split {name!r} "
                               f"(splits: {', '.join(self.splits)})")
        return self.parts[name]

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(self.parts[name]):,}" for name in self.splits)
        return f"Dataset({self.name!r}, classes={len(self.classes)}, {sizes})"


def load_dataset(
    source: str | os.PathLike,
    *,
    seed: int = 0,
    test_size: float | int | None = 0.2,
    validation_size: float | int | None = None,
    train_samples: int | None = None,
    validation_samples: int | None = None,
    progress: bool = True,
    **reader_options,
) -> Dataset:
    """Load labelled text from a registry name (``bbc``, ``imdb``, ``20newsgroups``) or a path.

    A path may be a folder, a tar/zip archive (read in place) or a CSV / TSV / JSON Lines /
    fastText file; its layout is detected (see ``wordvec.data.layouts``, ``wordvec.data.formats``).

    - No test split in the source: ``test_size`` (fraction or count) is held out, stratified
      and seeded; for 20 Newsgroups the Keras blog's protocol is used instead (numpy shuffle
      with ``seed``, the last 20 % held out -- the blog's validation set, called ``test`` here).
      ``test_size=None`` keeps everything in ``train``.
    - ``validation_size`` (fraction or count) carves ``validation`` from train, stratified.
    - ``train_samples`` / ``validation_samples``: seed 000's protocol -- shuffle train with
      ``seed``, keep the first ``train_samples`` as train and the next ``validation_samples``
      as ``validation`` (without ``train_samples``: the last ``validation_samples``).
    - ``reader_options``: ``encoding``, ``remove_quotes`` / ``remove_signatures`` (20
      Newsgroups), ``text_column`` / ``label_column`` / ``delimiter`` (CSV, TSV, JSON Lines).
    - ``progress``: show a download progress bar (stderr) when a registry name needs one.

    Example:
        >>> ds = load_dataset("bbc", seed=0)
        >>> ds.classes
        ('business', 'entertainment', 'politics', 'sports', 'tech')
        >>> len(ds.split("train")), len(ds.split("test"))
        (1780, 445)
    """
    from wordvec.data.readers import read_source
    from wordvec.data.registry import resolve

    name, path, label = resolve(source, progress=progress)
    corpus = read_source(path, **reader_options)
    parts = _holdout(corpus, test_size, seed)
    parts = _validation(parts, validation_size, train_samples, validation_samples, seed)
    dataset = Dataset(name, parts, corpus.unlabelled, corpus.report, label)
    if len(dataset.classes) < 2:
        found = f"only one class {dataset.classes[0]!r}" if dataset.classes else "no texts"
        raise DatasetError(f"{found} in {dataset.source}; a classifier needs at least two classes")
    return dataset


def _holdout(corpus: Corpus, test_size, seed: int) -> dict[str, Split]:
    parts = dict(corpus.splits)
    if UNSPLIT in parts:
        everything = parts.pop(UNSPLIT)
        parts.setdefault("train", Split([], []))
        parts["train"] = Split(parts["train"].texts + everything.texts,
                               parts["train"].labels + everything.labels)
    if "train" not in parts or not parts["train"].texts:
        raise DatasetError(f"no training texts found (splits found: {', '.join(parts) or 'none'})")
    if "test" in parts or test_size is None or len(set(parts["train"].labels)) < 2:
        return parts
    hold = _splits.tail if corpus.holdout == "shuffle" else _splits.stratified
    parts["train"], parts["test"] = hold(parts["train"], test_size, seed, "test")
    return parts


def _validation(parts: dict[str, Split], validation_size, train_samples, validation_samples,
                seed: int) -> dict[str, Split]:
    if validation_size is None and train_samples is None and validation_samples is None:
        return parts
    if "validation" in parts:
        raise DatasetError("the source already has a validation split; do not pass "
                           "validation_size, train_samples or validation_samples")
    if validation_size is not None and validation_samples is not None:
        raise DatasetError("pass validation_size or validation_samples, not both")
    train = parts["train"]
    if validation_size is not None:
        train, parts["validation"] = _splits.stratified(train, validation_size, seed,
                                                        "validation")
    if train_samples is not None or validation_samples is not None:
        train, validation = _splits.samples(train, train_samples, validation_samples, seed)
        if validation is not None:
            parts["validation"] = validation
    parts["train"] = train
    return {name: parts[name] for name in _ORDER if name in parts}


def dataset_name(path: Path) -> str:
    """A short name for a path: the file or folder name without archive suffixes.

    Example:
        >>> dataset_name(Path("/data/aclImdb.tar.gz"))
        'aclImdb'
    """
    name = path.name
    for suffix in (".gz", ".bz2", ".xz", ".tar", ".tgz", ".zip", ".csv", ".tsv", ".jsonl",
                   ".ndjson", ".json", ".txt"):
        name = name.removesuffix(suffix)
    return name or path.name
