"""Text vectors (GloVe without header; word2vec / fastText ``.vec`` with ``count dim`` header).

A plain file is parsed by pyarrow's CSV reader reading the file itself; other streams (and the
rest of a file after a line Arrow refuses) are read in blocks of whole lines, each parsed by
Arrow too. Numbers are parsed as float64 then rounded, like ``np.float32(str)``. A block that
Arrow refuses is re-read line by line to name the bad line (or skip and count it).
"""

from __future__ import annotations

import io  # noqa: F401 - used in the docstring example
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import numpy as np

from wordvec.errors import VectorsError
from wordvec.vectors.arrow_csv import parse_block, stream_file
from wordvec.vectors.rows import RowBuilder, RowSpec

BLOCK_BYTES = 4 << 20


class TextReader:
    """Parse the lines of a text vectors stream into a ``RowBuilder``.

    Example:
        >>> reader = TextReader(io.BytesIO(b"a 1 2\\nb 3 4\\n"), "toy.txt", header=False)
        >>> words, matrix, duplicates = reader.read().finish()
        >>> words, matrix.tolist()
        (['a', 'b'], [[1.0, 2.0], [3.0, 4.0]])
    """

    def __init__(
        self, stream: IO[bytes], name: str, *, header: bool, rows: RowSpec | None = None,
        on_error: str = "raise", size: int | None = None, path: Path | None = None,
    ) -> None:
        if on_error not in ("raise", "skip"):
            raise VectorsError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
        self.stream, self.name, self.header = stream, name, header
        self.spec = rows or RowSpec()
        self.limit, self.on_error, self.size = self.spec.limit, on_error, size
        self.path = path  # a plain file Arrow may read directly
        self.skipped = 0
        self.declared_rows: int | None = None
        self.dim = 0

    def read(self) -> RowBuilder:
        """Read every line (up to ``limit`` or the header's count) into a ``RowBuilder``."""
        blocks = _line_blocks(self.stream)
        line_no, pending = self._start(blocks)
        wanted = self.limit
        if self.declared_rows is not None:
            wanted = self.declared_rows if wanted is None else min(self.declared_rows, wanted)
        builder = self.spec.builder(self.dim, self._capacity(pending), wanted)
        if self.path is not None and _streamable(pending):
            consumed, finished = stream_file(self.path, self.dim, line_no - 1, builder)
            if finished:
                pending = b""
            else:
                line_no, pending = _skip_lines(blocks, pending, line_no, consumed)
        while pending:
            room = builder.room
            if room is not None and pending.count(b"\n") > room:
                cut = _after_lines(pending, room)
                part, pending = pending[:cut], pending[cut:]
            else:
                part, pending = pending, b""
            line_no += self._parse_block(part, line_no, builder)
            if builder.full:
                break
            if not pending:
                pending = next(blocks, b"")
        if self.declared_rows is not None and not builder.full and self.on_error == "raise":
            raise VectorsError(
                f"{self.name}: header announces {self.declared_rows} rows, file ends after "
                f"{builder.rows + self.skipped}"
            )
        return builder

    def _start(self, blocks: Iterator[bytes]) -> tuple[int, bytes]:
        block = next(blocks, b"")
        if block.startswith(b"\xef\xbb\xbf"):
            block = block[3:]
        line_no = 1
        if self.header:
            head, _, block = block.partition(b"\n")
            self.declared_rows, self.dim = parse_header(head, self.name)
            line_no = 2
        else:
            for line in block.split(b"\n", 64):
                parts = line.rstrip().split(b" ")
                if parts != [b""]:
                    self.dim = len(parts) - 1
                    break
            if self.dim < 1:
                raise VectorsError(f"{self.name}: no vectors found (first line has no values)")
        return line_no, block

    def _capacity(self, block: bytes) -> int:
        if self.declared_rows is not None:
            return self.declared_rows
        lines = max(block.count(b"\n"), 1)
        if self.size is None or not block:
            return lines
        return int(self.size / (len(block) / lines) * 1.05) + 16

    def _parse_block(self, block: bytes, line_no: int, builder: RowBuilder) -> int:
        """Parse ``block`` into ``builder``; return the number of lines it held."""
        try:
            words, batches = parse_block(block, self.dim)
        except Exception:  # noqa: BLE001 - any refusal: re-read line by line
            words, values, skipped = parse_lines(block, line_no, self.dim, self.name,
                                                 self.on_error)
            self.skipped += skipped
            builder.add_raw(words, values)
            return block.count(b"\n")
        start = 0
        for batch in batches:
            builder.add_raw(words[start:start + len(batch)], batch)
            start += len(batch)
        return len(words)  # blank lines are refused by the fast path, so rows == lines


def parse_header(line: bytes, name: str) -> tuple[int, int]:
    """``(rows, dim)`` from a word2vec header line.

    Example:
        >>> parse_header(b"3000000 300", "w2v.txt")
        (3000000, 300)
    """
    parts = line.split()
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        raise VectorsError(f"{name} line 1: expected a 'count dimension' header, "
                           f"found {line[:60]!r}")
    rows, dim = int(parts[0]), int(parts[1])
    if dim < 1:
        raise VectorsError(f"{name} line 1: dimension must be positive, found {dim}")
    return rows, dim


def parse_lines(
    block: bytes, line_no: int, dim: int, name: str, on_error: str = "raise",
) -> tuple[list[bytes], np.ndarray, int]:
    """Parse lines one by one (gensim's rule: strip the end, split on spaces).

    Returns ``(words, values, skipped)``; a bad line raises ``VectorsError`` naming it unless
    ``on_error="skip"``.

    Example:
        >>> parse_lines(b"a 1 2\\nb 3\\n", 1, 2, "x.txt", "skip")[2]
        1
    """
    words: list[bytes] = []
    rows: list[np.ndarray] = []
    skipped = 0
    for offset, line in enumerate(block.split(b"\n")):
        parts = line.rstrip().split(b" ")
        if parts == [b""]:
            continue
        problem = None
        if len(parts) != dim + 1:
            problem = f"expected {dim} values, found {len(parts) - 1}"
        else:
            try:
                rows.append(np.array([float(x) for x in parts[1:]], dtype=np.float64))
                words.append(parts[0])
            except ValueError:
                problem = "values are not all numbers"
        if problem is None:
            continue
        if on_error == "skip":
            skipped += 1
            continue
        raise VectorsError(f"{name} line {line_no + offset}: {problem}")
    values = np.array(rows, dtype=np.float64).reshape(len(rows), dim)
    return words, values, skipped


def _streamable(first: bytes) -> bool:
    """Whether Arrow can read the file itself: no BOM, no space before the line ends."""
    line = first.partition(b"\n")[0]
    return not first.startswith(b"\xef\xbb\xbf") and not line.rstrip(b"\r").endswith(b" ")


def _skip_lines(
    blocks: Iterator[bytes], pending: bytes, line_no: int, count: int,
) -> tuple[int, bytes]:
    """Drop ``count`` lines (already parsed) from ``pending`` and the following blocks."""
    line_no += count
    while count:
        lines = pending.count(b"\n")
        if lines > count:
            return line_no, pending[_after_lines(pending, count):]
        count -= lines
        pending = next(blocks, b"")
        if not pending:
            return line_no, b""
    return line_no, pending


def _line_blocks(stream: IO[bytes], size: int | None = None) -> Iterator[bytes]:
    """Blocks of whole lines (the last one may lack its final newline)."""
    size = size or BLOCK_BYTES
    rest = b""
    while True:
        chunk = stream.read(size)
        if not chunk:
            if rest:
                yield rest + b"\n"
            return
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        rest = data[cut:]
        yield data[:cut]


def _after_lines(block: bytes, count: int) -> int:
    """The offset just after the first ``count`` lines of ``block``."""
    pos = 0
    for _ in range(count):
        pos = block.index(b"\n", pos) + 1
    return pos
