"""Seeded splits: stratified hold-outs (scikit-learn) and the seeds' shuffle protocols."""

from __future__ import annotations

import numpy as np

from wordvec.data._corpus import Split
from wordvec.errors import DatasetError

Size = float | int


def shuffled(count: int, seed: int) -> np.ndarray:
    """``np.random.seed(seed); np.random.shuffle(np.arange(count))``, as the seeds do.

    Example:
        >>> shuffled(5, seed=0).tolist()
        [2, 0, 1, 3, 4]
    """
    return np.random.RandomState(seed).permutation(count)


def stratified(split: Split, size: Size, seed: int, what: str) -> tuple[Split, Split]:
    """Hold out ``size`` (a fraction or a count) of ``split``, stratified by label, seeded.

    Example:
        >>> rest, held = stratified(Split(list("abcdef"), list("xxxyyy")), 2, 0, "test")
        >>> sorted(held.labels)
        ['x', 'y']
    """
    from sklearn.model_selection import train_test_split

    _check_size(size, len(split), what)
    try:
        keep, held = train_test_split(
            np.arange(len(split)), test_size=size, random_state=seed, stratify=split.labels
        )
    except ValueError as exc:
        detail = " ".join(str(exc).split())
        raise DatasetError(f"cannot hold out a stratified {what} split of {size}: "
                           f"{detail}") from None
    return split.take(keep), split.take(held)


def tail(split: Split, size: Size, seed: int, what: str) -> tuple[Split, Split]:
    """The Keras blog's protocol: shuffle with numpy, hold out the last ``size`` texts.

    A float ``size`` holds out ``int(size * len(split))`` texts, as the blog does.

    Example:
        >>> rest, held = tail(Split(list("abcde"), list("xxyyy")), 0.4, 0, "test")
        >>> held.texts
        ['d', 'e']
    """
    _check_size(size, len(split), what)
    count = int(size * len(split)) if isinstance(size, float) else size
    order = shuffled(len(split), seed)
    return split.take(order[: len(split) - count]), split.take(order[len(split) - count:])


def samples(
    split: Split, train_samples: int | None, validation_samples: int | None, seed: int
) -> tuple[Split, Split | None]:
    """Seed 000's protocol: shuffle, the first ``train_samples`` train, the next ones validate.

    Without ``train_samples`` all texts but the last ``validation_samples`` train.

    Example:
        >>> train, val = samples(Split(list("abcde"), list("xxyyy")), 2, 1, seed=0)
        >>> train.texts, val.texts
        (['c', 'a'], ['b'])
    """
    total = len(split)
    for name, value in (("train_samples", train_samples),
                        ("validation_samples", validation_samples)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 1):
            raise DatasetError(f"{name} must be a positive whole number, got {value!r}")
    wanted = (train_samples or 0) + (validation_samples or 0)
    if wanted > total:
        raise DatasetError(f"train_samples + validation_samples = {wanted:,} is more than the "
                           f"{total:,} training texts")
    order = shuffled(total, seed)
    first = train_samples if train_samples is not None else total - (validation_samples or 0)
    validation = None
    if validation_samples is not None:
        validation = split.take(order[first: first + validation_samples])
    return split.take(order[:first]), validation


def _check_size(size: Size, total: int, what: str) -> None:
    name = f"{what}_size"
    if isinstance(size, bool) or not isinstance(size, int | float):
        raise DatasetError(f"{name} must be a fraction or a count, got {size!r}")
    if isinstance(size, float) and not 0.0 < size < 1.0:
        raise DatasetError(f"{name} as a fraction must be between 0 and 1, got {size}")
    if isinstance(size, int) and not 0 < size < total:
        raise DatasetError(f"{name} as a count must be between 1 and {total - 1:,} "
                           f"(there are {total:,} texts), got {size}")
