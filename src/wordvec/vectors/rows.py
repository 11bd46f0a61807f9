"""Accumulate parsed rows into one growing matrix, then decode, repair and de-duplicate words.

The matrix grows with ``ndarray.resize`` (``realloc``; large blocks are remapped, not copied), so
peak memory stays close to the final matrix instead of doubling on each growth.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_MIN_CAPACITY = 1024


class RowBuilder:
    """Collect ``(word bytes, vector)`` rows up to ``limit``; ``finish`` returns vocab + matrix.

    Example:
        >>> b = RowBuilder(dim=2, dtype="float32", capacity=1)
        >>> b.add([b"a", b"b", b"a"], np.array([[1, 2], [3, 4], [5, 6]]))
        >>> words, matrix, duplicates, repaired = b.finish()
        >>> words, matrix.tolist(), duplicates
        (['a', 'b'], [[1.0, 2.0], [3.0, 4.0]], 1)
    """

    def __init__(
        self, dim: int, dtype: str | np.dtype = "float32", capacity: int = 0,
        limit: int | None = None,
    ) -> None:
        self.dim = dim
        self.limit = limit
        if limit is not None:
            capacity = min(capacity, limit)
        self.matrix = np.empty((max(capacity, _MIN_CAPACITY), dim), dtype=np.dtype(dtype))
        self.words: list[bytes] = []

    @property
    def rows(self) -> int:
        """Rows added so far."""
        return len(self.words)

    @property
    def room(self) -> int | None:
        """How many more rows ``limit`` allows (``None``: no limit)."""
        return None if self.limit is None else max(self.limit - self.rows, 0)

    @property
    def full(self) -> bool:
        """True when ``limit`` rows were added."""
        return self.room == 0

    def add(self, words: Sequence[bytes], values: np.ndarray) -> None:
        """Append rows (``values`` has one row per word; cut at ``limit``)."""
        room = self.room
        if room is not None and len(words) > room:
            words, values = words[:room], values[:room]
        start, end = self.rows, self.rows + len(words)
        if end > self.matrix.shape[0]:
            self._grow(end)
        self.matrix[start:end] = values
        self.words.extend(words)

    def _grow(self, need: int) -> None:
        size = max(need, int(self.matrix.shape[0] * 1.25))
        if self.limit is not None:
            size = min(size, max(self.limit, need))
        self.matrix.resize((size, self.dim), refcheck=False)

    def finish(self, unicode_errors: str = "replace") -> tuple[list[str], np.ndarray, int, int]:
        """``(words, matrix, duplicates dropped, words repaired)``; the first duplicate is kept."""
        words, repaired = decode_words(self.words, unicode_errors)
        self.words = []
        matrix = self.matrix
        matrix.resize((len(words), self.dim), refcheck=False)
        self.matrix = np.empty((0, self.dim), dtype=matrix.dtype)
        duplicates = 0
        if len(set(words)) != len(words):
            words, matrix, duplicates = _drop_duplicates(words, matrix)
        return words, matrix, duplicates, repaired


def decode_words(raw: Sequence[bytes], unicode_errors: str = "replace") -> tuple[list[str], int]:
    """Decode UTF-8 words; invalid bytes are handled by ``unicode_errors`` and counted.

    Example:
        >>> decode_words([b"caf\\xc3\\xa9", b"bad\\xff"])
        (['café', 'bad�'], 1)
    """
    joined = b"\n".join(raw)
    if joined.count(b"\n") == max(len(raw) - 1, 0):
        try:
            return (joined.decode("utf-8").split("\n") if raw else []), 0
        except UnicodeDecodeError:
            pass
    words, repaired = [], 0
    for word in raw:
        try:
            words.append(word.decode("utf-8"))
        except UnicodeDecodeError:
            words.append(word.decode("utf-8", unicode_errors))
            repaired += 1
    return words, repaired


def _drop_duplicates(words: list[str], matrix: np.ndarray) -> tuple[list[str], np.ndarray, int]:
    first: dict[str, int] = {}
    for i, word in enumerate(words):
        first.setdefault(word, i)
    keep = np.fromiter(first.values(), dtype=np.int64, count=len(first))
    # keep is increasing and keep[j] >= j: copying forward block by block never overwrites a
    # row that is still to be read.
    step = 65536
    for start in range(0, len(keep), step):
        matrix[start:start + step] = matrix[keep[start:start + step]]
    matrix.resize((len(keep), matrix.shape[1]), refcheck=False)
    return list(first), matrix, len(words) - len(keep)
