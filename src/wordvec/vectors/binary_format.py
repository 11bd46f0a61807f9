"""word2vec binary vectors: ``count dim`` header, then ``word<space><dim float32>`` per row.

Words are found with ``bytes.find`` in large chunks and the vectors of a whole chunk are gathered
with one numpy indexing operation.
"""

from __future__ import annotations

from typing import IO

import numpy as np

from wordvec.errors import VectorsError
from wordvec.vectors.rows import RowBuilder, RowSpec
from wordvec.vectors.text_format import parse_header

CHUNK_BYTES = 8 << 20


def read_binary(
    stream: IO[bytes], name: str, *, rows: RowSpec | None = None, on_error: str = "raise",
) -> RowBuilder:
    """Read a word2vec binary stream into a ``RowBuilder``.

    Example:
        >>> import io
        >>> data = b"2 2\\n" + b"a " + np.float32([1, 2]).tobytes() + b"\\nb " \\
        ...     + np.float32([3, 4]).tobytes() + b"\\n"
        >>> read_binary(io.BytesIO(data), "toy.bin").finish()[0]
        ['a', 'b']
    """
    spec = rows or RowSpec()
    declared, dim = parse_header(stream.readline(), name)
    wanted = declared if spec.limit is None else min(declared, spec.limit)
    builder = spec.builder(dim, wanted, wanted)
    width = dim * 4
    buf = b""
    eof = False
    while not builder.full:
        if not eof:
            more = stream.read(CHUNK_BYTES)
            eof = not more
            buf += more
        words, starts, used = _scan(buf, width, builder.room or 0)
        if words:
            raw = np.frombuffer(buf, dtype=np.uint8)
            gather = raw[np.asarray(starts)[:, None] + np.arange(width)]
            builder.add_raw(words, gather.view("<f4").reshape(len(words), dim))
            buf = buf[used:]
        elif eof:
            break
    if not builder.full and on_error == "raise":
        raise VectorsError(
            f"{name}: header announces {declared} rows, file ends after {builder.rows} "
            "(truncated or not word2vec binary)"
        )
    return builder


def _scan(buf: bytes, width: int, room: int) -> tuple[list[bytes], list[int], int]:
    """Complete rows in ``buf``: their words, the offsets of their vectors, bytes used."""
    words: list[bytes] = []
    starts: list[int] = []
    pos = 0
    size = len(buf)
    find = buf.find
    while len(words) < room:
        space = find(b" ", pos)
        if space < 0 or size - space - 1 < width:
            break
        words.append(buf[pos:space].lstrip(b"\n"))
        starts.append(space + 1)
        pos = space + 1 + width
    return words, starts, pos


def write_binary(handle: IO[bytes], words: list[str], matrix: np.ndarray) -> None:
    """Write word2vec binary (as the C tool: a newline after each vector).

    Example:
        >>> import io
        >>> out = io.BytesIO(); write_binary(out, ["a"], np.float32([[1, 2]]))
        >>> out.getvalue()[:6]
        b'1 2\\na '
    """
    handle.write(f"{len(words)} {matrix.shape[1]}\n".encode())
    step = 65536
    for start in range(0, len(words), step):
        block = np.asarray(matrix[start:start + step], dtype="<f4")
        handle.write(b"".join(
            word.encode("utf-8") + b" " + row.tobytes() + b"\n"
            for word, row in zip(words[start:start + step], block, strict=True)
        ))
