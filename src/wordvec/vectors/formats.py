"""Vector file formats: detection, reading and writing of GloVe, word2vec (text, binary), fastText.

``glove``: ``word v1 .. vd`` lines, no header. ``word2vec`` and ``fasttext`` (``.vec``): the same
lines after a ``count dim`` header. ``word2vec-binary``: header, then raw float32 rows.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import numpy as np

from wordvec._io import atomic_file
from wordvec.errors import VectorsError
from wordvec.vectors.binary_format import read_binary, write_binary
from wordvec.vectors.rows import RowSpec
from wordvec.vectors.sources import Source, compression, open_source, resolve
from wordvec.vectors.text_format import TextReader, parse_lines
from wordvec.vectors.vectors import LoadReport

FORMATS = ("glove", "word2vec", "fasttext", "word2vec-binary")
_ALIASES = {"auto": "auto", "txt": "glove", "text": "word2vec", "vec": "fasttext",
            "bin": "word2vec-binary", "binary": "word2vec-binary", "w2v": "word2vec"}
_HEADER = re.compile(rb"\s*(\d+)\s+(\d+)\s*")
_PEEK = 1 << 16
_FASTTEXT_MODEL = (793712314).to_bytes(4, "little")  # fastText's FASTTEXT_FILEFORMAT_MAGIC


def normalise_format(name: str) -> str:
    """The canonical format name for ``name`` (aliases: txt, text, vec, bin, binary).

    Example:
        >>> normalise_format("bin")
        'word2vec-binary'
    """
    key = name.lower()
    if key in FORMATS or key == "auto":
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    raise VectorsError(f"unknown vectors format {name!r} (choose from auto, {', '.join(FORMATS)})")


def detect_format(head: bytes, filename: str = "") -> str:
    """Guess the format from the first bytes of a (decompressed) file and its name.

    Example:
        >>> detect_format(b"the 0.1 0.2\\n")
        'glove'
        >>> detect_format(b"2 2\\nthe 0.1 0.2\\n", "x.vec")
        'fasttext'
    """
    if head.startswith(_FASTTEXT_MODEL):
        raise VectorsError(f"{filename or 'file'} is a fastText model (.bin), not a vectors file: "
                           "use the .vec file published with it")
    first, newline, rest = head.partition(b"\n")
    match = _HEADER.fullmatch(first)
    if not match:
        return "glove"
    dim = int(match.group(2))
    if filename.endswith(".bin"):
        return "word2vec-binary"
    line = rest.partition(b"\n")[0] if b"\n" in rest else rest
    try:
        words, _, _ = parse_lines(line, 2, dim, filename)
        text = len(words) == 1
    except VectorsError:
        text = False
    if not text and (b"\n" in rest or len(rest) > dim * 4):
        return "word2vec-binary"
    return "fasttext" if filename.endswith(".vec") else "word2vec"


def read_vectors(
    spec: str | os.PathLike | Source, *, format: str = "auto", dtype: str = "float32",
    limit: int | None = None, on_error: str = "raise", unicode_errors: str = "replace",
    out: Path | None = None,
) -> tuple[list[str], np.ndarray, LoadReport]:
    """Parse a vectors file: ``(words, matrix, report)``.

    With ``out`` the matrix is streamed into that ``.npy`` file and returned memory-mapped.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "toy.txt"
        >>> _ = path.write_text("a 1 2\\nb 3 4\\n")
        >>> words, matrix, report = read_vectors(path)
        >>> words, matrix.shape, report.format
        (['a', 'b'], (2, 2), 'glove')
    """
    started = time.perf_counter()
    source = spec if isinstance(spec, Source) else resolve(spec)
    fmt = normalise_format(format)
    dtype = check_dtype(dtype)
    if limit is not None and limit < 0:
        raise VectorsError(f"limit must be zero or more, got {limit}")
    if on_error not in ("raise", "skip"):
        raise VectorsError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    try:
        codecs.lookup_error(unicode_errors)
    except LookupError:
        raise VectorsError(f"unknown unicode_errors handler {unicode_errors!r}") from None
    stream, size = open_source(source)
    try:
        with stream:
            head = stream.read(_PEEK)
            if fmt == "auto":
                fmt = detect_format(head.lstrip(b"\xef\xbb\xbf"), source.inner_name)
            replay = _Prefixed(head, stream)
            rows = RowSpec(dtype, limit, out, unicode_errors)
            if fmt == "word2vec-binary":
                builder = read_binary(replay, source.display, rows=rows, on_error=on_error)
                skipped = 0
            else:
                plain = source.member is None and compression(source.path) is None
                reader = TextReader(replay, source.display, header=fmt != "glove", rows=rows,
                                    on_error=on_error, size=size,
                                    path=source.path if plain else None)
                builder = reader.read()
                skipped = reader.skipped
    except (OSError, EOFError, ValueError) as exc:
        if isinstance(exc, VectorsError):
            raise
        raise VectorsError(f"cannot read vectors file {source.display}: {exc}") from None
    words, matrix, duplicates = builder.finish()
    report = LoadReport(
        source=str(source.path) + (f":{source.member}" if source.member else ""), format=fmt,
        rows=len(words), dim=int(matrix.shape[1]), duplicates=duplicates, skipped=skipped,
        repaired=builder.repaired, seconds=time.perf_counter() - started,
    )
    return words, matrix, report


def write_vectors(
    path: str | os.PathLike, words: Sequence[str], matrix: np.ndarray, *,
    format: str | None = None, precision: int | None = None,
) -> str:
    """Write vectors atomically in ``format`` (from the name when ``None``); ``.gz``/``.bz2``/
    ``.xz`` compress. Text values keep float32 precision unless ``precision`` digits are given.
    Returns the format written.

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "toy.vec"
        >>> write_vectors(out, ["a"], np.float32([[0.5, 1.25]]))
        'fasttext'
        >>> out.read_text()
        '1 2\\na 0.5 1.25\\n'
    """
    path = Path(path)
    fmt = normalise_format(format) if format else _format_from_name(path.name)
    if fmt == "auto":
        fmt = _format_from_name(path.name)
    with atomic_file(path, "wb") as raw, _compressor(raw, path.name) as handle:
        if fmt == "word2vec-binary":
            write_binary(handle, list(words), matrix)
        else:
            if fmt != "glove":
                handle.write(f"{len(words)} {matrix.shape[1]}\n".encode())
            _write_text_rows(handle, words, matrix, precision)
    return fmt


def _write_text_rows(
    handle: IO[bytes], words: Sequence[str], matrix: np.ndarray, precision: int | None,
) -> None:
    step = 20000
    for start in range(0, len(words), step):
        block = np.asarray(matrix[start:start + step], dtype=np.float32)
        digits = np.full(len(block), precision or 6)
        if precision is None:  # shortest of 6 / 9 significant digits that round-trips float32
            short = np.array([[float(f"{x:.6g}") for x in row] for row in block.tolist()])
            digits[(short.astype(np.float32) != block).any(axis=1)] = 9
        fmts = {d: " ".join([f"%.{d}g"] * block.shape[1]) for d in set(digits.tolist())}
        lines = [
            f"{word} {fmts[d] % tuple(row)}\n"
            for word, d, row in zip(words[start:start + step], digits.tolist(), block.tolist(),
                                    strict=True)
        ]
        handle.write("".join(lines).encode("utf-8", "surrogatepass"))


def _format_from_name(name: str) -> str:
    stem = re.sub(r"\.(gz|bz2|xz)$", "", name.lower())
    if stem.endswith(".bin"):
        return "word2vec-binary"
    if stem.endswith(".vec"):
        return "fasttext"
    if stem.endswith(".w2v") or stem.endswith(".word2vec"):
        return "word2vec"
    return "glove"


def _compressor(raw: IO[bytes], name: str) -> IO[bytes]:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0)
    if lowered.endswith(".bz2"):
        return bz2.BZ2File(raw, "wb")
    if lowered.endswith(".xz"):
        return lzma.LZMAFile(raw, "wb")
    return _NoClose(raw)


class _Prefixed:
    """A read-only stream that replays ``head`` before the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = head, stream

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.stream.read(size)
        if 0 <= size <= len(self.head):
            out, self.head = self.head[:size], self.head[size:]
            return out
        out, self.head = self.head, b""
        return out + self.stream.read(-1 if size < 0 else size - len(out))

    def readline(self) -> bytes:
        line = b""
        while not line.endswith(b"\n"):
            if not self.head:
                self.head = self.stream.read(_PEEK)
                if not self.head:
                    return line
            part, newline, self.head = self.head.partition(b"\n")
            line += part + newline
        return line


class _NoClose:
    """Context wrapper that leaves the underlying handle for ``atomic_file`` to close."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.write = handle.write

    def __enter__(self) -> _NoClose:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def check_dtype(dtype: str | np.dtype) -> str:
    """``"float32"`` or ``"float16"`` for any spelling of them; ``VectorsError`` otherwise.

    Example:
        >>> check_dtype(np.float16)
        'float16'
    """
    try:
        name = np.dtype(dtype).name
    except TypeError:
        name = str(dtype)
    if name not in ("float32", "float16"):
        raise VectorsError(f"dtype must be 'float32' or 'float16', got {dtype!r}")
    return name
