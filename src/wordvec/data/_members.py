"""The files of a folder or an archive as ``(path parts, bytes)``, read in place.

Archives are never extracted: a tar archive is read in one sequential streaming pass
(``wordvec.data._tar``), a zip archive member by member. Members whose path is absolute or
climbs out with ``..``, and links that leave the archive, are refused.
"""

from __future__ import annotations

import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from wordvec.data._tar import FILE, LINK, SYMLINK, TarFormatError, iter_tar
from wordvec.errors import DatasetError

Member = tuple[tuple[str, ...], bytes]

TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_JUNK = {"__MACOSX", "Thumbs.db", "desktop.ini"}


def archive_kind(path: Path) -> str | None:
    """``"tar"``, ``"zip"`` or ``None``, by file name first and then by content.

    Example:
        >>> archive_kind(Path("aclImdb_v1.tar.gz"))
        'tar'
    """
    name = path.name.lower()
    if name.endswith(TAR_SUFFIXES):
        return "tar"
    if name.endswith(".zip"):
        return "zip"
    if not path.is_file():
        return None
    if zipfile.is_zipfile(path):
        return "zip"
    try:
        return "tar" if tarfile.is_tarfile(path) else None
    except (OSError, EOFError, zlib.error):
        return None


def iter_members(path: Path) -> Iterator[Member]:
    """Every regular file under a folder or inside an archive, with its relative path parts.

    Hidden files (``.DS_Store``) and ``__MACOSX`` folders are left out. Folders are walked
    in sorted order; archive members come in archive order.

    Example:
        >>> for parts, data in iter_members(Path("aclImdb.tar.gz")):  # doctest: +SKIP
        ...     print(parts, len(data))
        ('aclImdb', 'README') 4311
    """
    kind = "folder" if path.is_dir() else archive_kind(path)
    if kind == "folder":
        yield from _folder_members(path)
    elif kind == "tar":
        yield from _guard(_tar_members(path), path)
    elif kind == "zip":
        yield from _guard(_zip_members(path), path)
    else:
        raise DatasetError(f"not a folder or a tar/zip archive: {path}")


def _keep(parts: tuple[str, ...]) -> bool:
    return bool(parts) and not any(p.startswith(".") or p in _JUNK for p in parts)


def _folder_members(root: Path) -> Iterator[Member]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder).relative_to(root).parts
        for name in sorted(files):
            parts = (*base, name)
            full = Path(folder, name)
            if _keep(parts) and full.is_file():
                yield parts, full.read_bytes()


def _safe_parts(name: str, archive: Path) -> tuple[str, ...]:
    parts = tuple(p for p in name.replace("\\", "/").split("/") if p not in ("", "."))
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise DatasetError(f"archive member escapes the archive: {name!r} in {archive}")
    return parts


def _tar_members(path: Path) -> Iterator[Member]:
    for kind, name, linkname, data in iter_tar(path):
        parts = _safe_parts(name, path)
        if kind in (LINK, SYMLINK):
            link = PurePosixPath(linkname)
            resolved = PurePosixPath(*parts[:-1]) / link if kind == SYMLINK else link
            if link.is_absolute() or _climbs(resolved):
                raise DatasetError(
                    f"archive link escapes the archive: {name!r} -> {linkname!r} in {path}"
                )
        elif kind == FILE and _keep(parts):
            yield parts, data


def _climbs(path: PurePosixPath) -> bool:
    depth = 0
    for part in path.parts:
        depth += -1 if part == ".." else 0 if part == "." else 1
        if depth < 0:
            return True
    return False


def _zip_members(path: Path) -> Iterator[Member]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts = _safe_parts(info.filename, path)
            if not info.is_dir() and _keep(parts):
                yield parts, archive.read(info)


def _guard(members: Iterator[Member], path: Path) -> Iterator[Member]:
    """Turn the many ways a damaged archive fails into one DatasetError."""
    try:
        yield from members
    except (TarFormatError, zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise DatasetError(f"archive is truncated or corrupt: {path} ({detail})") from None
