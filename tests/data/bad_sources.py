"""Bad dataset sources, one builder per kind of mistake, shared by the library and CLI tests.

Each builder takes a fresh directory and returns ``(path, fragments)``: the source to load
and the words the one-line error message must contain.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path


def write_tree(root: Path, files: dict[str, bytes | str]) -> Path:
    """Create ``files`` (relative path -> content) under ``root``; return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    return root


def write_tar(path: Path, files: dict[str, bytes | str], mode: str = "w:gz") -> Path:
    """A tar archive of ``files`` (relative path -> content), written with the standard library."""
    with tarfile.open(path, mode) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def write_zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


TWO_CLASSES = {f"{label}/{i}.txt": f"{label} text number {i}"
               for label in ("neg", "pos") for i in range(5)}


def missing(tmp: Path):
    return tmp / "no_such_dir", ["does not exist", "no_such_dir"]


def empty_folder(tmp: Path):
    (tmp / "empty").mkdir()
    return tmp / "empty", ["no recognised layout", "empty"]


def no_layout(tmp: Path):
    return write_tree(tmp / "loose", {"a.txt": "x", "b.txt": "y"}), ["no recognised layout"]


def one_class(tmp: Path):
    return write_tree(tmp / "one", {"sport/1.txt": "goal", "sport/2.txt": "match"}), [
        "only one class", "'sport'"]


def csv_without_columns(tmp: Path):
    path = tmp / "data.csv"
    path.write_text("body,tag\nhello,x\nbye,y\n", encoding="utf-8")
    return path, ["no text column", "columns found: body, tag"]


def jsonl_bad_row(tmp: Path):
    path = tmp / "data.jsonl"
    path.write_text('{"text": "a", "label": "x"}\n{"text": "b", "label": "y"}\n{oops\n',
                    encoding="utf-8")
    return path, ["line 3", "not valid JSON"]


def truncated_archive(tmp: Path):
    files = {f"{k}": ("lorem ipsum dolor " * 400 + k) for k in TWO_CLASSES}
    data = write_tar(tmp / "full.tar.gz", files).read_bytes()
    path = tmp / "cut.tar.gz"
    path.write_bytes(data[: len(data) // 2])
    return path, ["truncated or corrupt", "cut.tar.gz"]


def truncated_zip(tmp: Path):
    data = write_zip(tmp / "full.zip", TWO_CLASSES).read_bytes()
    path = tmp / "cut.zip"
    path.write_bytes(data[: len(data) - 40])
    return path, ["truncated or corrupt", "cut.zip"]


def traversing_archive(tmp: Path):
    files = {**TWO_CLASSES, "../evil.txt": "gotcha"}
    return write_tar(tmp / "evil.tar.gz", files), ["escapes the archive", "../evil.txt"]


def absolute_zip_member(tmp: Path):
    files = {**TWO_CLASSES, "/etc/evil.txt": "gotcha"}
    return write_zip(tmp / "evil.zip", files), ["escapes the archive", "/etc/evil.txt"]


def escaping_symlink(tmp: Path):
    path = write_tar(tmp / "link.tar", TWO_CLASSES, mode="w")
    with tarfile.open(path, "a") as archive:
        info = tarfile.TarInfo("pos/link.txt")
        info.type = tarfile.SYMTYPE
        info.linkname = "../../outside.txt"
        archive.addfile(info)
    return path, ["link escapes the archive", "pos/link.txt"]


def unknown_format(tmp: Path):
    path = tmp / "data.xml"
    path.write_text("<doc>hi</doc>", encoding="utf-8")
    return path, ["no recognised format", "data.xml"]


BAD_SOURCES = [missing, empty_folder, no_layout, one_class, csv_without_columns, jsonl_bad_row,
               truncated_archive, truncated_zip, traversing_archive, absolute_zip_member,
               escaping_symlink, unknown_format]
