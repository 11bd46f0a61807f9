"""A fast, streaming, read-only tar reader for data archives (gzip, bzip2, xz or none).

``tarfile``'s stream mode spends most of its time in per-member Python bookkeeping; reading
IMDB's 100,000 members with it takes twice as long as this reader, which decompresses in large
chunks and parses only the header fields a data reader needs (ustar name and prefix, GNU long
names, pax ``path`` / ``linkpath`` / ``size``). Every member is checked: a truncated stream, a
bad header checksum or a compressed stream cut short raises ``TarFormatError``.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Iterator
from pathlib import Path

_BLOCK = 512
_CHUNK = 1 << 20
FILE, DIRECTORY, LINK, SYMLINK, OTHER = "file", "dir", "link", "symlink", "other"
_TYPES = {b"0": FILE, b"\0": FILE, b"7": FILE, b"5": DIRECTORY, b"1": LINK, b"2": SYMLINK}


class TarFormatError(Exception):
    """The archive is truncated or not a valid tar stream."""


class _Stream:
    """Decompressed bytes of a file, read exactly, across concatenated compressed members."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        head = self._file.read(6)
        self._file.seek(0)
        self._kind = ("gz" if head[:2] == b"\x1f\x8b" else "bz2" if head[:3] == b"BZh"
                      else "xz" if head == b"\xfd7zXZ\x00" else "raw")
        self._decomp = self._new()
        self._buffer = bytearray()
        self._pos = 0
        self._exhausted = False

    def _new(self):
        if self._kind == "gz":
            return zlib.decompressobj(wbits=31)
        if self._kind == "bz2":
            return bz2.BZ2Decompressor()
        return lzma.LZMADecompressor() if self._kind == "xz" else None

    def _fill(self, wanted: int) -> None:
        if self._pos > _CHUNK:
            del self._buffer[: self._pos]
            self._pos = 0
        while len(self._buffer) - self._pos < wanted and not self._exhausted:
            raw = self._file.read(_CHUNK)
            if self._decomp is None:
                self._buffer += raw
                self._exhausted = not raw
                continue
            if not raw:
                if not self._decomp.eof:
                    raise TarFormatError("compressed stream ends early")
                self._exhausted = True
                continue
            self._buffer += self._decomp.decompress(raw)
            while self._decomp.eof and self._decomp.unused_data:  # concatenated members
                rest = self._decomp.unused_data
                self._decomp = self._new()
                self._buffer += self._decomp.decompress(rest)

    @property
    def compressed_and_complete(self) -> bool:
        """True once a compressed stream has ended cleanly (its checksum verified)."""
        return self._exhausted and self._decomp is not None

    def read(self, size: int) -> bytes:
        self._fill(size)
        data = bytes(self._buffer[self._pos: self._pos + size])
        self._pos += len(data)
        return data

    def drain(self) -> None:
        """Decompress what is left, so that a cut compressed stream is still noticed."""
        while not self._exhausted:
            self._pos = len(self._buffer)
            self._fill(_CHUNK)

    def close(self) -> None:
        self._file.close()


def iter_tar(path: Path) -> Iterator[tuple[str, str, str, bytes]]:
    """Yield ``(kind, name, linkname, data)`` for every member of a tar archive, in order.

    ``kind`` is ``"file"``, ``"dir"``, ``"link"``, ``"symlink"`` or ``"other"``; ``data`` is
    the content of files (empty for the others).

    Example:
        >>> for kind, name, _, data in iter_tar(Path("aclImdb.tar.gz")):  # doctest: +SKIP
        ...     print(kind, name, len(data))
        file aclImdb/README 4311
    """
    stream = _Stream(path)
    try:
        yield from _members(stream)
    except (zlib.error, OSError, EOFError, lzma.LZMAError) as exc:
        raise TarFormatError(str(exc) or type(exc).__name__) from None
    finally:
        stream.close()


def _members(stream: _Stream) -> Iterator[tuple[str, str, str, bytes]]:
    long_name = long_link = None
    pax: dict[str, str] = {}
    while True:
        header = stream.read(_BLOCK)
        if not header and stream.compressed_and_complete:
            return  # some writers omit the end-of-archive marker; the stream's CRC passed
        if len(header) < _BLOCK:
            raise TarFormatError("archive ends in the middle of a header" if header
                                 else "archive ends without its end-of-archive marker")
        if header == bytes(_BLOCK):
            stream.drain()  # the compressed stream must still end cleanly (its CRC checked)
            return
        _check(header)
        size = _number(header[124:136])
        if pax.get("size"):
            size = int(pax["size"])
        padded = -size % _BLOCK
        data = stream.read(size)
        if len(data) < size or len(stream.read(padded)) < padded:
            raise TarFormatError("archive ends in the middle of a member")
        flag = header[156:157]
        if flag in (b"L", b"K"):
            text = data.rstrip(b"\0").decode("utf-8", "surrogateescape")
            long_name, long_link = (text, long_link) if flag == b"L" else (long_name, text)
            continue
        if flag == b"x":
            try:
                pax = _pax(data)
            except ValueError:
                raise TarFormatError("bad pax extended header") from None
            continue
        if flag == b"g":
            continue
        name = pax.get("path") or long_name or _name(header)
        link = pax.get("linkpath") or long_link or _text(header[157:257])
        long_name = long_link = None
        pax = {}
        kind = _TYPES.get(flag, OTHER)
        if kind == DIRECTORY or (flag == b"\0" and name.endswith("/")):
            kind, name = DIRECTORY, name.rstrip("/")  # as tarfile reports folders
        yield kind, name, link, data


def _check(header: bytes) -> None:
    try:
        stored = _number(header[148:156])
    except TarFormatError:
        stored = -1
    unsigned = sum(header[:148]) + 256 + sum(header[156:])
    if stored == unsigned:
        return
    signed = unsigned - 2 * sum(b for b in header[:148] + header[156:] if b > 127)
    if stored != signed:
        raise TarFormatError("bad tar header checksum (not a tar archive, or damaged)")


def _number(field: bytes) -> int:
    if field[:1] in (b"\x80", b"\xff"):  # base-256 (GNU) for large values
        value = int.from_bytes(field[1:], "big")
        return value - (1 << (8 * len(field) - 8)) if field[:1] == b"\xff" else value
    digits = field.rstrip(b"\0 ").lstrip(b" \0")
    try:
        return int(digits, 8) if digits else 0
    except ValueError:
        raise TarFormatError(f"bad number in tar header: {field!r}") from None


def _text(field: bytes) -> str:
    return field.split(b"\0", 1)[0].decode("utf-8", "surrogateescape")


def _name(header: bytes) -> str:
    name = _text(header[:100])
    if header[257:262] == b"ustar":
        prefix = _text(header[345:500])
        if prefix:
            return f"{prefix}/{name}"
    return name


def _pax(data: bytes) -> dict[str, str]:
    """Parse pax extended header records: ``"<length> <key>=<value>\\n"``."""
    records: dict[str, str] = {}
    pos = 0
    while pos < len(data) and data[pos:pos + 1] != b"\0":
        space = data.index(b" ", pos)
        length = int(data[pos:space])
        key, _, value = data[space + 1: pos + length - 1].partition(b"=")
        records[key.decode("utf-8")] = value.decode("utf-8", "surrogateescape")
        pos += length
    return records
