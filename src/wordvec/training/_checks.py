"""Argument checks and data splits shared by ``TextClassifier``'s training and inference."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from wordvec.errors import WordvecError

OOV_POLICIES = ("zeros", "random", "mean")
_MAX_AUTO_MAXLEN = 1000


def check_params(params: dict[str, Any]) -> None:
    """Raise ``WordvecError`` naming the first bad hyper-parameter of a ``TextClassifier``.

    Example:
        >>> check_params({"head": "nope"})
        Traceback (most recent call last):
        ...
        wordvec.errors.WordvecError: unknown model head 'nope'; choose one of flatten, \
average, cnn, rnn, nbsvm, bag
    """
    from wordvec.models.bag import BAG_HEADS
    from wordvec.models.heads import HEADS

    heads = (*HEADS, *BAG_HEADS)
    if params["head"] not in heads:
        raise WordvecError(f"unknown model head {params['head']!r}; choose one of "
                           f"{', '.join(heads)}")
    if params["oov"] not in OOV_POLICIES:
        raise WordvecError(f"unknown oov policy {params['oov']!r}; choose one of "
                           f"{', '.join(OOV_POLICIES)}")
    for name in ("epochs", "batch_size", "patience", "embedding_dim", "ngrams", "buckets",
                 "min_df"):
        if params[name] < 1:
            raise WordvecError(f"{name} must be at least 1, got {params[name]}")
    for name in ("maxlen", "max_features"):
        if params[name] is not None and params[name] < 1:
            raise WordvecError(f"{name} must be at least 1, got {params[name]}")
    if not 0.0 <= params["dropout"] < 1.0:
        raise WordvecError(f"dropout must be in [0, 1), got {params['dropout']}")
    _check_ensemble(params["ensemble"], params["head"])


def _check_ensemble(ensemble: Any, head: str) -> None:
    from wordvec.models.bag import BAG_HEADS
    from wordvec.training.bag_training import MEMBER_KEYS

    if ensemble is None:
        return
    if head not in BAG_HEADS or not isinstance(ensemble, dict) or ensemble.get(
            "head") not in BAG_HEADS:
        raise WordvecError(f"ensemble must be a dict with a bag head (one of "
                           f"{', '.join(BAG_HEADS)}) next to a bag head, got {ensemble!r}")
    unknown = sorted(set(ensemble) - set(MEMBER_KEYS))
    if unknown:
        raise WordvecError(f"unknown ensemble settings {', '.join(unknown)}; choose among "
                           f"{', '.join(MEMBER_KEYS)}")


def vectors_name(vectors: Any) -> str | None:
    """How ``vectors`` is written in a bundle's config: its name, path or ``custom``.

    Example:
        >>> vectors_name(None), vectors_name("glove-6b-50d")
        (None, 'glove-6b-50d')
    """
    if vectors is None or isinstance(vectors, str):
        return vectors
    if isinstance(vectors, os.PathLike):
        return os.fspath(vectors)
    return getattr(vectors, "name", "custom")


def auto_maxlen(lengths: Sequence[int], head: str) -> int:
    """The 95th percentile of the training lengths, rounded up to 8, in 8..1000 (cnn: >= 129).

    Example:
        >>> auto_maxlen([10] * 20, "average"), auto_maxlen([10] * 20, "cnn")
        (16, 129)
    """
    from wordvec.models.heads import _CNN_MIN_MAXLEN

    maxlen = int(np.ceil(np.percentile(lengths, 95) / 8.0) * 8) if lengths else 8
    maxlen = max(8, min(_MAX_AUTO_MAXLEN, maxlen))
    return max(maxlen, _CNN_MIN_MAXLEN) if head == "cnn" else maxlen


def check_texts(texts: Sequence[str]) -> list[str]:
    """``texts`` as a list, refusing a single string or non-string items.

    Example:
        >>> check_texts(("a", "b"))
        ['a', 'b']
    """
    if isinstance(texts, str):
        raise WordvecError("texts must be a list of strings, not a single string")
    texts = list(texts)
    bad = next((t for t in texts if not isinstance(t, str)), None)
    if bad is not None:
        raise WordvecError(f"texts must be strings, got {type(bad).__name__}: {bad!r:.40}")
    return texts


def check_texts_labels(texts: Sequence[str], labels: Sequence[str]) -> tuple[list, list]:
    """Checked texts and labels (as strings) of equal, non-zero length.

    Example:
        >>> check_texts_labels(["a"], [1])
        (['a'], ['1'])
    """
    texts = check_texts(texts)
    labels = [str(label) for label in labels]
    if len(texts) != len(labels):
        raise WordvecError(f"got {len(texts)} texts but {len(labels)} labels")
    if not texts:
        raise WordvecError("no texts to train or evaluate on")
    return texts, labels


def validation_split(texts, labels, fraction, validation_data, seed):
    """Training and validation data: given, or a stratified seeded ``fraction`` of the texts.

    Example:
        >>> train, val = validation_split(["a", "b"], ["x", "y"], 0.0, None, 0)
        >>> val is None
        True
    """
    if validation_data is not None:
        return (texts, labels), check_texts_labels(*validation_data)
    if not fraction:
        return (texts, labels), None
    if not 0.0 < fraction < 1.0:
        raise WordvecError(f"validation_split must be between 0 and 1, got {fraction}")
    from wordvec.data import Split
    from wordvec.data._splits import stratified

    train, val = stratified(Split(texts, labels), fraction, seed, "validation")
    return (train.texts, train.labels), (val.texts, val.labels)
