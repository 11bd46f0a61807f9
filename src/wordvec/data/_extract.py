"""Safe archive extraction: nothing lands outside the target, nothing half-extracted is left."""

from __future__ import annotations

import lzma
import re
import tarfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from wordvec._io import atomic_directory
from wordvec.errors import DatasetError

_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_CORRUPT = (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error, lzma.LZMAError)
_WHY = {
    tarfile.AbsolutePathError: "has an absolute path",
    tarfile.OutsideDestinationError: "would land outside the target",
    tarfile.AbsoluteLinkError: "is a link to an absolute path",
    tarfile.LinkOutsideDestinationError: "is a link pointing outside the target",
    tarfile.SpecialFileError: "is a device or other special file",
}


def safe_extract(archive: Path, target: Path) -> Path:
    """Extract a .tar(.gz|.bz2|.xz)/.tgz/.zip ``archive`` into the directory ``target``.

    Members with absolute paths or ``..`` components, links leaving the target and special
    files are refused with :class:`DatasetError` (tar members go through tarfile's ``"data"``
    filter). Extraction happens in a temporary sibling renamed into place at the end, so
    ``target`` is complete or untouched; an existing ``target`` is replaced.

    Example:
        >>> root = safe_extract(Path("aclImdb_v1.tar.gz"), Path("imdb"))  # doctest: +SKIP
        >>> sorted(p.name for p in root.iterdir())  # doctest: +SKIP
        ['aclImdb']
    """
    archive, target = Path(archive), Path(target)
    if not archive.is_file():
        raise DatasetError(f"archive not found: {archive}")
    name = archive.name.lower()
    if name.endswith(".zip"):
        extract = _extract_zip
    elif name.endswith(_TAR_SUFFIXES):
        extract = _extract_tar
    else:
        kinds = ", ".join((".zip", *_TAR_SUFFIXES))
        raise DatasetError(f"unsupported archive type: {archive} (expected one of {kinds})")
    try:
        with atomic_directory(target) as tmp:
            extract(archive, tmp)
    except _CORRUPT as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise DatasetError(
            f"cannot extract {archive}: truncated or corrupt archive ({detail})"
        ) from None
    return target


def _unsafe_name(name: str) -> str | None:
    """Why a member name may not be extracted (absolute or with ``..``), else None."""
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "has an absolute path"
    if ".." in re.split(r"[/\\]", name):
        return "has a '..' component"
    return None


def _refuse(archive: Path, member: str, why: str) -> DatasetError:
    return DatasetError(f"refusing to extract {archive}: member {member!r} {why}")


def _extract_tar(archive: Path, dest: Path) -> None:
    def member_filter(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        why = _unsafe_name(member.name)
        if why:
            raise _refuse(archive, member.name, why)
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError as exc:
            raise _refuse(archive, member.name, _WHY.get(type(exc), str(exc))) from None

    with tarfile.open(archive, "r:*") as tar:
        tar.extractall(dest, filter=member_filter)


def _extract_zip(archive: Path, dest: Path) -> None:
    root = dest.resolve()
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            why = _unsafe_name(info.filename)
            if why is None and not (root / PurePosixPath(info.filename)).resolve().is_relative_to(
                root
            ):
                why = "would land outside the target"
            if why:
                raise _refuse(archive, info.filename, why)
        zf.extractall(dest)
