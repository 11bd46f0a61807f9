"""Word n-gram features for bag models: word ids as they are, longer n-grams hashed (numpy only).

Feature ids of a text whose word ids (from ``Tokenizer.texts_to_sequences``) are ``a_1 .. a_m``:

- every word id ``a_i`` itself (ids ``1 .. vocab_size - 1``);
- every n-gram ``(a_i, ..., a_{i+n-1})`` for ``2 <= n <= ngrams`` as
  ``vocab_size + ngram_hash((a_i, ..., a_{i+n-1})) % buckets``.

Each feature is kept once per text (a binary bag). ``NgramFeatures`` learns which features
occur in at least ``min_df`` training texts and numbers them ``1 .. size - 1`` from the most
to the least frequent (0 is never a feature), so a model's tables stay small and ``id < k``
selects the ``k - 1`` most frequent features.

Example:
    >>> from wordvec.text.ngrams import NgramFeatures
    >>> features = NgramFeatures(vocab_size=5, ngrams=2, buckets=1000, min_df=1)
    >>> bags = features.fit_transform([[1, 2, 2], [3]])
    >>> bags.lengths.tolist(), features.size
    ([4, 1], 6)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

_P = 0x9E3779B97F4A7C15
_Q = 0xBF58476D1CE4E5B9
_SHIFT = 29
_MASK = (1 << 64) - 1
_MAX_ID = 2**31 - 1  # feature ids are sorted and stored as int32
_CHUNK_CELLS = 1 << 18  # n-gram cells per block of texts (small blocks stay in cache)


def ngram_hash(ids: Sequence[int]) -> int:
    """The 64-bit hash of a word-id n-gram (the definition ``ngram_ids`` vectorises).

    ``h = a_1 * P``, then ``h = (h + a_k) * Q`` for each next id (all mod 2**64), finally
    ``h ^ (h >> 29)``; ``P`` and ``Q`` are the odd constants of splitmix64.

    Example:
        >>> ngram_hash([3, 7]) == ngram_hash([3, 7]) != ngram_hash([7, 3])
        True
    """
    h = (ids[0] * _P) & _MASK
    for a in ids[1:]:
        h = ((h + a) * _Q) & _MASK
    return h ^ (h >> _SHIFT)


@dataclass(frozen=True)
class Ragged:
    """Variable-length rows as one flat ``values`` array and the ``lengths`` of the rows.

    Example:
        >>> bags = Ragged(np.array([5, 6, 7], "int32"), np.array([2, 1]))
        >>> bags.row(0).tolist(), bags.take([1, 0]).values.tolist()
        ([5, 6], [7, 5, 6])
    """

    values: np.ndarray
    lengths: np.ndarray

    def __len__(self) -> int:
        return len(self.lengths)

    @property
    def offsets(self) -> np.ndarray:
        """Start of every row in ``values``, plus the end of the last row."""
        return np.concatenate([[0], np.cumsum(self.lengths)]).astype(np.int64)

    def row(self, i: int) -> np.ndarray:
        """The values of row ``i``."""
        start = int(self.lengths[:i].sum())
        return self.values[start:start + int(self.lengths[i])]

    def take(self, indices: Sequence[int] | np.ndarray) -> Ragged:
        """The rows at ``indices``, in that order."""
        indices = np.asarray(indices, dtype=np.int64)
        lengths = self.lengths[indices]
        return Ragged(self.values[gather_positions(self.offsets[indices], lengths)], lengths)


def gather_positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Positions ``starts[i] .. starts[i] + lengths[i] - 1`` of every row, concatenated.

    Example:
        >>> gather_positions(np.array([10, 3]), np.array([2, 3])).tolist()
        [10, 11, 3, 4, 5]
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    ends = np.cumsum(lengths)
    shift = np.repeat(np.asarray(starts, dtype=np.int64) - (ends - lengths), lengths)
    return shift + np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)


def ngram_ids(
    sequences: Sequence[Sequence[int]] | Ragged, vocab_size: int, ngrams: int, buckets: int
) -> Ragged:
    """Every text's distinct feature ids (words and hashed n-grams), sorted, as a ``Ragged``.

    ``sequences`` are word id lists (or a ``Ragged`` of them); word ids must be in
    ``1 .. vocab_size - 1``.

    Example:
        >>> bags = ngram_ids([[1, 2, 1, 2], []], vocab_size=3, ngrams=2, buckets=10)
        >>> bags.lengths.tolist()  # 1, 2, (1 2) and (2 1); the empty text has none
        [4, 0]
    """
    by_length, order = ngram_ids_by_length(sequences, vocab_size, ngrams, buckets)
    return by_length.take(np.argsort(order, kind="stable"))


def ngram_ids_by_length(
    sequences: Sequence[Sequence[int]] | Ragged, vocab_size: int, ngrams: int, buckets: int,
    lookup: np.ndarray | None = None,
) -> tuple[Ragged, np.ndarray]:
    """Like :func:`ngram_ids` but with the texts from the shortest to the longest (no final
    reordering, which costs as much as the hashing): returns the ``Ragged`` and ``order``,
    the index of each of its rows in ``sequences``. With ``lookup`` every feature id ``f``
    becomes ``lookup[f]`` and those mapped to 0 are dropped.

    Example:
        >>> bags, order = ngram_ids_by_length([[1, 2], [2]], vocab_size=3, ngrams=1, buckets=1)
        >>> bags.values.tolist(), order.tolist()
        ([2, 1, 2], [1, 0])
    """
    _check_space(vocab_size, ngrams, buckets)
    words, lengths = _flat_words(sequences)
    if words.size and (words.min() < 1 or words.max() >= vocab_size):
        raise ValueError(f"word ids must be in 1..{vocab_size - 1}, got {words.min()}..."
                         f"{words.max()}")
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    order = np.argsort(lengths, kind="stable")
    pieces, piece_lengths = [np.zeros(0, np.int32)], [np.zeros(0, np.int64)]
    for block in _blocks(lengths[order], ngrams):
        rows = order[block]
        values, counts = _block_features(words, starts[rows], lengths[rows], vocab_size,
                                         ngrams, buckets, lookup)
        pieces.append(values)
        piece_lengths.append(counts)
    return Ragged(np.concatenate(pieces), np.concatenate(piece_lengths)), order


def _flat_words(sequences: Sequence[Sequence[int]] | Ragged) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(sequences, Ragged):
        return sequences.values.astype(np.int64), sequences.lengths.astype(np.int64)
    lengths = np.fromiter(map(len, sequences), dtype=np.int64, count=len(sequences))
    words = np.fromiter(chain.from_iterable(sequences), dtype=np.int64, count=int(lengths.sum()))
    return words, lengths


def _check_space(vocab_size: int, ngrams: int, buckets: int) -> None:
    if ngrams < 1:
        raise ValueError(f"ngrams must be at least 1, got {ngrams}")
    if vocab_size < 2 or buckets < 1:
        raise ValueError(f"need vocab_size >= 2 and buckets >= 1, got {vocab_size}, {buckets}")
    if vocab_size + (buckets if ngrams > 1 else 0) > _MAX_ID:
        raise ValueError(f"vocab_size + buckets must stay below 2**31, got "
                         f"{vocab_size} + {buckets}")


def _blocks(sorted_lengths: np.ndarray, ngrams: int) -> list[slice]:
    """Runs of texts (shortest first) whose padded n-gram matrix stays under the cell budget."""
    blocks, start = [], 0
    for stop in range(1, len(sorted_lengths) + 1):
        width = max(int(sorted_lengths[stop - 1]), 1) * ngrams
        if (stop - start) * width > _CHUNK_CELLS and stop - 1 > start:
            blocks.append(slice(start, stop - 1))
            start = stop - 1
    if start < len(sorted_lengths):
        blocks.append(slice(start, len(sorted_lengths)))
    return blocks


def _block_features(words, starts, lengths, vocab_size, ngrams, buckets, lookup):
    """Features of a block of texts via a padded (texts x tokens) matrix, deduplicated by rows."""
    width = max(int(lengths.max()), 1)
    tokens = np.zeros((len(lengths), width), dtype=np.int64)
    column = np.arange(width)
    filled = column[None, :] < lengths[:, None]
    tokens[filled] = words[gather_positions(starts, lengths)]
    features = np.zeros((len(lengths), width * ngrams), dtype=np.int32)
    features[:, :width] = tokens
    as_u64 = tokens.astype(np.uint64)
    pow2 = buckets & (buckets - 1) == 0
    with np.errstate(over="ignore"):
        h = as_u64 * np.uint64(_P)
        for n in range(2, ngrams + 1):
            h = (h[:, :-1] + as_u64[:, n - 1:]) * np.uint64(_Q)
            mixed = h ^ (h >> np.uint64(_SHIFT))
            mixed = mixed & np.uint64(buckets - 1) if pow2 else mixed % np.uint64(buckets)
            grams = mixed.astype(np.int32) + np.int32(vocab_size)
            grams *= tokens[:, n - 1:] != 0  # 0 where the n-gram runs into the padding
            start = (n - 1) * width
            features[:, start:start + grams.shape[1]] = grams
    features.sort(axis=1)
    features[:, 1:][features[:, 1:] == features[:, :-1]] = 0
    if lookup is not None:  # 0 (padding, duplicates) maps to 0; flat take is the fastest gather
        features = np.take(lookup, features.ravel()).reshape(features.shape)
    keep = features != 0
    return features[keep], keep.sum(axis=1)


class NgramFeatures:
    """Word and hashed n-gram features, numbered compactly by what training texts contain.

    ``fit`` keeps the features that occur in at least ``min_df`` training texts (at most
    ``max_features`` of them, the most frequent, when given) and numbers them ``1 .. size-1``
    by decreasing document frequency (ties: increasing raw id); ``transform`` maps texts to
    those numbers and drops the rest. ``kept`` (the raw ids, in number order) and
    ``get_config()`` are all it takes to rebuild it.

    Example:
        >>> features = NgramFeatures(vocab_size=4, ngrams=2, buckets=100, min_df=2)
        >>> bags = features.fit_transform([[1, 2], [1, 2, 3], [3]])
        >>> features.size, features.transform([[2, 1, 3]]).lengths.tolist()
        (5, [3])
    """

    def __init__(
        self,
        vocab_size: int,
        ngrams: int = 2,
        buckets: int = 2**22,
        min_df: int = 2,
        max_features: int | None = None,
        kept: np.ndarray | None = None,
    ) -> None:
        _check_space(vocab_size, ngrams, buckets)
        if min_df < 1:
            raise ValueError(f"min_df must be at least 1, got {min_df}")
        self.vocab_size = vocab_size
        self.ngrams = ngrams
        self.buckets = buckets
        self.min_df = min_df
        self.max_features = max_features
        self.kept: np.ndarray | None = None
        self._lookup: np.ndarray | None = None
        if kept is not None:
            self._set_kept(np.asarray(kept, dtype=np.int64))

    @property
    def space(self) -> int:
        """Number of raw feature ids (words, then n-gram buckets)."""
        return self.vocab_size + (self.buckets if self.ngrams > 1 else 0)

    @property
    def size(self) -> int:
        """Number of rows a model's feature table needs (kept features + the unused 0)."""
        if self.kept is None:
            raise ValueError("NgramFeatures is not fitted: call fit(sequences) first")
        return len(self.kept) + 1

    def fit(self, sequences: Sequence[Sequence[int]]) -> NgramFeatures:
        """Choose the kept features from training sequences; returns ``self``."""
        self.fit_transform(sequences)
        return self

    def fit_transform(self, sequences: Sequence[Sequence[int]] | Ragged) -> Ragged:
        """``fit`` then ``transform`` the same sequences (hashing them once)."""
        raw, order = ngram_ids_by_length(sequences, self.vocab_size, self.ngrams, self.buckets)
        df = np.bincount(raw.values, minlength=self.space)
        keep = np.flatnonzero(df >= self.min_df)
        keep = keep[np.argsort(-df[keep], kind="stable")][: self.max_features]
        self._set_kept(keep)
        ids = np.take(self._lookup, raw.values)
        kept = ids != 0
        rows = np.repeat(np.arange(len(raw)), raw.lengths)
        compact = Ragged(ids[kept], np.bincount(rows[kept], minlength=len(raw)).astype(np.int64))
        return compact.take(np.argsort(order, kind="stable"))

    def transform(self, sequences: Sequence[Sequence[int]] | Ragged) -> Ragged:
        """Each text's kept features, numbered ``1 .. size-1`` (order within a text unspecified)."""
        bags, order = self.transform_by_length(sequences)
        return bags.take(np.argsort(order, kind="stable"))

    def transform_by_length(self, sequences: Sequence[Sequence[int]] | Ragged
                            ) -> tuple[Ragged, np.ndarray]:
        """Like :meth:`transform` with the texts from the shortest to the longest and ``order``,
        each row's index in ``sequences`` (see :func:`ngram_ids_by_length`); skips a reordering."""
        if self._lookup is None:
            raise ValueError("NgramFeatures is not fitted: call fit(sequences) first")
        return ngram_ids_by_length(sequences, self.vocab_size, self.ngrams, self.buckets,
                                   self._lookup)

    def get_config(self) -> dict[str, int | None]:
        """The settings as plain values (``NgramFeatures(**config, kept=kept)`` rebuilds it)."""
        return {"vocab_size": self.vocab_size, "ngrams": self.ngrams, "buckets": self.buckets,
                "min_df": self.min_df, "max_features": self.max_features}

    def _set_kept(self, kept: np.ndarray) -> None:
        if kept.size and (kept.min() < 1 or kept.max() >= self.space):
            raise ValueError(f"kept feature ids must be in 1..{self.space - 1}")
        ordered = np.sort(kept)
        if (ordered[1:] == ordered[:-1]).any():
            raise ValueError("kept feature ids must be distinct")
        self.kept = kept
        self._lookup = np.zeros(self.space, dtype=np.int32)
        self._lookup[kept] = np.arange(1, len(kept) + 1, dtype=np.int32)
