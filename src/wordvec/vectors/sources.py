"""Open a vectors source as a binary stream: plain, ``.gz``, ``.bz2``, ``.xz`` or a ``.zip`` member.

A zip member is chosen as ``archive.zip:member.txt``; a zip holding a single file needs no member.
Compression is recognised by its magic bytes, not by the file name.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from wordvec.errors import VectorsError

_MAGIC = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\xfd7zXZ\x00": "xz", b"PK\x03\x04": "zip"}


@dataclass(frozen=True)
class Source:
    """A resolved vectors source: the file on disk and, for a zip, the member inside it.

    Example:
        >>> Source(Path("glove.6B.zip"), "glove.6B.50d.txt").display
        'glove.6B.zip:glove.6B.50d.txt'
    """

    path: Path
    member: str | None = None

    @property
    def display(self) -> str:
        """How the source is named in messages."""
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    @property
    def inner_name(self) -> str:
        """The name of the file holding the vectors (the member for a zip)."""
        return self.member or self.path.name


def resolve(spec: str | os.PathLike) -> Source:
    """Turn ``path`` or ``archive.zip:member`` into a ``Source``; ``VectorsError`` if missing.

    Example:
        >>> resolve("/no/such/file.txt")
        Traceback (most recent call last):
        wordvec.errors.VectorsError: vectors file not found: /no/such/file.txt
    """
    path = Path(spec).expanduser()
    if path.is_file():
        return Source(path)
    text = str(spec)
    if ":" in text:
        archive, member = text.rsplit(":", 1)
        archive_path = Path(archive).expanduser()
        if member and archive_path.is_file():
            return Source(archive_path, member)
    if path.is_dir():
        raise VectorsError(f"vectors path is a directory, not a file: {path}")
    raise VectorsError(f"vectors file not found: {spec}")


def compression(path: Path) -> str | None:
    """``"gzip"``, ``"bz2"``, ``"xz"``, ``"zip"`` or ``None``, from the file's first bytes.

    Example:
        >>> compression(Path(__file__)) is None
        True
    """
    with open(path, "rb") as handle:
        head = handle.read(6)
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def open_source(source: Source) -> tuple[IO[bytes], int | None]:
    """Open ``source`` for binary reading; also return its uncompressed size when known.

    Example:
        >>> stream, size = open_source(Source(Path(__file__)))
        >>> len(stream.read(3)), size > 0
        (3, True)
        >>> stream.close()
    """
    kind = compression(source.path)
    if source.member is not None and kind != "zip":
        raise VectorsError(f"not a zip archive, cannot read member {source.member!r}: "
                           f"{source.path}")
    try:
        if kind == "zip":
            return _open_zip_member(source)
        if kind == "gzip":
            return gzip.open(source.path, "rb"), None
        if kind == "bz2":
            return bz2.open(source.path, "rb"), None
        if kind == "xz":
            return lzma.open(source.path, "rb"), None
        return open(source.path, "rb"), source.path.stat().st_size
    except (OSError, zipfile.BadZipFile) as exc:
        raise VectorsError(f"cannot open vectors file {source.path}: {exc}") from None


def _open_zip_member(source: Source) -> tuple[IO[bytes], int | None]:
    archive = zipfile.ZipFile(source.path)
    files = [info for info in archive.infolist() if not info.is_dir()]
    if source.member is None:
        if len(files) != 1:
            listing = ", ".join(info.filename for info in files[:8])
            archive.close()
            raise VectorsError(
                f"zip archive holds {len(files)} files, choose one as "
                f"{source.path.name}:MEMBER (members: {listing})"
            )
        info = files[0]
    else:
        try:
            info = archive.getinfo(source.member)
        except KeyError:
            listing = ", ".join(info.filename for info in files[:8])
            archive.close()
            raise VectorsError(
                f"no member {source.member!r} in {source.path.name} (members: {listing})"
            ) from None
    stream = archive.open(info)
    archive.close()  # the member stream keeps the file open until it is closed itself
    return stream, info.file_size
