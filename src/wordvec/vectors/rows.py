"""Accumulate parsed rows into a matrix, in memory or streamed into a ``.npy`` file.

In memory the matrix grows with ``ndarray.resize`` (``realloc``: large blocks are remapped, not
copied). Streamed to a file, rows are appended as they are parsed and the result is
memory-mapped, so parsing a file never holds more than one block of text in memory.
Duplicate words keep their first row.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_MIN_CAPACITY = 1024
_HEADER_BYTES = 128  # fixed .npy header size, rewritten with the final shape


@dataclass(frozen=True)
class RowSpec:
    """How parsed rows are stored: dtype, row limit, optional ``.npy`` output, UTF-8 repair.

    Example:
        >>> RowSpec(limit=10).builder(dim=3, capacity=100).limit
        10
    """

    dtype: str = "float32"
    limit: int | None = None
    out: Path | None = None
    unicode_errors: str = "replace"

    def builder(self, dim: int, capacity: int, limit: int | None = None) -> RowBuilder:
        """A ``RowBuilder`` for ``dim`` values per row (``limit`` overrides the spec's)."""
        return RowBuilder(dim, self.dtype, capacity, self.limit if limit is None else limit,
                          self.out, self.unicode_errors)


class RowBuilder:
    """Collect ``(word, vector)`` rows up to ``limit``; ``finish`` returns words + matrix.

    With ``out`` (a ``.npy`` path) rows go to that file and ``finish`` memory-maps it.

    Example:
        >>> b = RowBuilder(dim=2, dtype="float32", capacity=1)
        >>> b.add(["a", "b", "a"], np.array([[1, 2], [3, 4], [5, 6]]))
        >>> words, matrix, duplicates = b.finish()
        >>> words, matrix.tolist(), duplicates
        (['a', 'b'], [[1.0, 2.0], [3.0, 4.0]], 1)
    """

    def __init__(
        self, dim: int, dtype: str | np.dtype = "float32", capacity: int = 0,
        limit: int | None = None, out: Path | None = None, unicode_errors: str = "replace",
    ) -> None:
        self.dim = dim
        self.unicode_errors = unicode_errors
        self.repaired = 0
        self.dtype = np.dtype(dtype)
        self.limit = limit
        self.out = out
        self.words: list[str] = []
        if out is not None:
            self._file = open(out, "wb")  # noqa: SIM115 - closed in finish()
            self._file.write(b"\0" * _HEADER_BYTES)
            self.matrix = np.empty((0, dim), dtype=self.dtype)
            return
        if limit is not None:
            capacity = min(capacity, limit)
        self.matrix = np.empty((max(capacity, _MIN_CAPACITY), dim), dtype=self.dtype)

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

    def add(self, words: Sequence[str], values: np.ndarray) -> None:
        """Append rows (``values`` has one row per word; cut at ``limit``)."""
        room = self.room
        if room is not None and len(words) > room:
            words, values = words[:room], values[:room]
        if self.out is not None:
            self._file.write(np.ascontiguousarray(values, dtype=self.dtype).tobytes())
        else:
            start, end = self.rows, self.rows + len(words)
            if end > self.matrix.shape[0]:
                self._grow(end)
            self.matrix[start:end] = values
        self.words.extend(words)

    def add_raw(self, raw: Sequence[bytes], values: np.ndarray) -> None:
        """Append rows whose words are still UTF-8 bytes (invalid bytes repaired, counted)."""
        room = self.room
        if room is not None and len(raw) > room:
            raw, values = raw[:room], values[:room]
        words, repaired = decode_words(raw, self.unicode_errors)
        self.repaired += repaired
        self.add(words, values)

    def _grow(self, need: int) -> None:
        size = max(need, int(self.matrix.shape[0] * 1.25))
        if self.limit is not None:
            size = min(size, max(self.limit, need))
        self.matrix.resize((size, self.dim), refcheck=False)

    def finish(self) -> tuple[list[str], np.ndarray, int]:
        """``(words, matrix, duplicates dropped)``; the first row of a duplicate word is kept."""
        words, self.words = self.words, []
        if self.out is not None:
            self._file.close()
            matrix = _finish_file(self.out, len(words), self.dim, self.dtype)
        else:
            matrix, self.matrix = self.matrix, np.empty((0, self.dim), dtype=self.dtype)
            matrix.resize((len(words), self.dim), refcheck=False)
        keep = _first_occurrences(words)
        if keep is None:
            return words, matrix, 0
        # keep is increasing and keep[j] >= j: copying forward block by block never overwrites
        # a row that is still to be read.
        step = 65536
        for start in range(0, len(keep), step):
            chunk = keep[start:start + step]
            matrix[start:start + len(chunk)] = matrix[chunk]
        kept = [words[i] for i in keep.tolist()]
        if self.out is not None:
            del matrix
            matrix = _finish_file(self.out, len(kept), self.dim, self.dtype, truncate=True)
        else:
            matrix.resize((len(kept), self.dim), refcheck=False)
        return kept, matrix, len(words) - len(kept)

    def abort(self) -> None:
        """Close the output file after an error (the caller removes it)."""
        if self.out is not None and not self._file.closed:
            self._file.close()


def _first_occurrences(words: list[str]) -> np.ndarray | None:
    """Rows to keep when some word repeats (first occurrence), else ``None``.

    Hashes are compared first, so the common duplicate-free case needs no set of strings.
    """
    hashes = np.fromiter(map(hash, words), dtype=np.int64, count=len(words))
    hashes.sort()
    if not (hashes[1:] == hashes[:-1]).any():
        return None
    first: dict[str, int] = {}
    for i, word in enumerate(words):
        first.setdefault(word, i)
    if len(first) == len(words):
        return None
    return np.fromiter(first.values(), dtype=np.int64, count=len(first))


def _finish_file(
    path: Path, rows: int, dim: int, dtype: np.dtype, truncate: bool = False,
) -> np.ndarray:
    """Write the final header (and length) of a streamed ``.npy``; memory-map it writable."""
    header = np.lib.format.header_data_from_array_1_0(np.empty((0, dim), dtype=dtype))
    header["shape"] = (rows, dim)
    text = repr(header).encode("latin1")
    pad = _HEADER_BYTES - 10 - len(text) - 1
    blob = b"\x93NUMPY\x01\x00" + (_HEADER_BYTES - 10).to_bytes(2, "little") + text
    blob += b" " * pad + b"\n"
    with open(path, "r+b") as handle:
        handle.write(blob)
    if truncate:
        os.truncate(path, _HEADER_BYTES + rows * dim * dtype.itemsize)
    return np.load(path, mmap_mode="r+", allow_pickle=False)


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
