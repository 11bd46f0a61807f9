"""Padding and truncating id sequences into one matrix (``keras.utils.pad_sequences``)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

from wordvec.errors import WordvecError

_SIDES = ("pre", "post")


def _check_side(name: str, value: Any) -> None:
    if not isinstance(value, str) or value not in _SIDES:
        raise WordvecError(f"{name} must be 'pre' or 'post', got {value!r}")


def _lengths(sequences: Sequence[Any]) -> np.ndarray:
    try:
        return np.fromiter(map(len, sequences), dtype=np.int64, count=len(sequences))
    except TypeError as e:
        bad = next(s for s in sequences if not hasattr(s, "__len__"))
        raise WordvecError(f"sequences must be a list of sequences, found {bad!r}") from e


def _is_text_dtype(dtype: Any) -> bool:
    return dtype is object or np.issubdtype(dtype, np.str_) or np.issubdtype(dtype, np.bytes_)


def pad_sequences(
    sequences: Sequence[Sequence[Any]],
    maxlen: int | None = None,
    dtype: Any = "int32",
    padding: str = "pre",
    truncating: str = "pre",
    value: Any = 0.0,
) -> np.ndarray:
    """Pad (or cut) every sequence to ``maxlen`` and stack them: ``keras.utils.pad_sequences``.

    ``maxlen`` defaults to the longest sequence. ``padding`` says on which side ``value`` is
    added, ``truncating`` on which side longer sequences lose items ("pre" or "post").
    Sequences of vectors (a 2-D array per sample) are supported like in Keras.

    Example:
        >>> pad_sequences([[1], [2, 3], [4, 5, 6]]).tolist()
        [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
        >>> pad_sequences([[1], [2, 3, 4]], maxlen=2, padding="post", truncating="post").tolist()
        [[1, 0], [2, 3]]
        >>> pad_sequences([[1, 2]], maxlen=3, dtype="float32", value=-1.0).tolist()
        [[-1.0, 1.0, 2.0]]
    """
    _check_side("padding", padding)
    _check_side("truncating", truncating)
    if not hasattr(sequences, "__len__"):
        raise WordvecError(f"sequences must be a list of sequences, got {type(sequences).__name__}")
    if maxlen is not None and (isinstance(maxlen, bool) or not isinstance(maxlen, int | np.integer)
                               or maxlen < 0):
        raise WordvecError(f"maxlen must be None or an integer >= 0, got {maxlen!r}")
    if isinstance(value, str) and not _is_text_dtype(dtype):
        raise WordvecError(f"dtype {dtype!r} cannot hold the string padding value {value!r}; "
                           "use dtype=object")
    lengths = _lengths(sequences)
    if maxlen is None:
        maxlen = int(lengths.max()) if len(lengths) else 0
    first = next((s for s, n in zip(sequences, lengths, strict=True) if n), None)
    sample_shape = np.asarray(first).shape[1:] if first is not None else ()
    x = np.full((len(sequences), maxlen, *sample_shape), value, dtype=dtype)
    if maxlen == 0 or first is None:
        return x
    kept = np.minimum(lengths, maxlen)
    if not sample_shape and not _is_text_dtype(dtype):
        pieces: Any = sequences
        if kept.sum() < lengths.sum():
            cut = slice(-maxlen, None) if truncating == "pre" else slice(maxlen)
            pieces = (seq[cut] for seq in sequences)
        try:
            flat = np.fromiter(chain.from_iterable(pieces), dtype=x.dtype, count=int(kept.sum()))
        except (OverflowError, TypeError, ValueError):
            flat = None  # items numpy only casts array-wise (e.g. NaN to int): Keras' way below
        if flat is not None:
            columns = np.arange(maxlen)
            if padding == "pre":
                x[columns >= (maxlen - kept)[:, None]] = flat
            else:
                x[columns < kept[:, None]] = flat
            return x
    _fill_each(x, sequences, lengths, padding, truncating, sample_shape)
    return x


def _fill_each(
    x: np.ndarray,
    sequences: Sequence[Any],
    lengths: np.ndarray,
    padding: str,
    truncating: str,
    sample_shape: tuple,
) -> None:
    maxlen = x.shape[1]
    for i, (seq, n) in enumerate(zip(sequences, lengths, strict=True)):
        if not n:
            continue
        trunc = np.asarray(seq[-maxlen:] if truncating == "pre" else seq[:maxlen], dtype=x.dtype)
        if trunc.shape[1:] != sample_shape:
            raise WordvecError(f"sequence {i} has items of shape {trunc.shape[1:]}, "
                               f"expected {sample_shape} like the first non-empty one")
        if padding == "post":
            x[i, : len(trunc)] = trunc
        else:
            x[i, maxlen - len(trunc) :] = trunc
