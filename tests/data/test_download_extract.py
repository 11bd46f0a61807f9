"""safe_extract(): real archives built in tmp_path; hostile members refused, nothing left behind."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from wordvec.data.download import safe_extract
from wordvec.errors import DatasetError

FILES = {"corpus/pos/1.txt": b"good film", "corpus/neg/2.txt": b"bad film", "README": b"hi"}


def _tar(path: Path, members: list[tuple[str, bytes | None, str | None]], mode: str = "w:gz"):
    """members: (name, data, symlink target); data None + target -> symlink, both None -> dir."""
    with tarfile.open(path, mode) as tar:
        for name, data, link in members:
            info = tarfile.TarInfo(name)
            if link is not None:
                info.type, info.linkname = tarfile.SYMTYPE, link
                tar.addfile(info)
            elif data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _assert_nothing_left(tmp_path: Path, target: Path, before: set[str]) -> None:
    assert not target.exists()
    assert {p.name for p in tmp_path.iterdir()} == before  # no temp dir, no escaped file


@pytest.mark.parametrize(
    ("suffix", "mode"), [(".tar.gz", "w:gz"), (".tgz", "w:gz"), (".tar", "w"), (".tar.xz", "w:xz")]
)
def test_tar_extracts_all_files(tmp_path, suffix, mode):
    archive = _tar(tmp_path / f"data{suffix}", [(n, d, None) for n, d in FILES.items()], mode)
    target = safe_extract(archive, tmp_path / "out")
    assert target == tmp_path / "out"
    assert _tree(target) == FILES


def test_zip_extracts_all_files(tmp_path):
    target = safe_extract(_zip(tmp_path / "data.zip", FILES), tmp_path / "out")
    assert _tree(target) == FILES


def test_symlink_inside_target_is_kept(tmp_path):
    archive = _tar(
        tmp_path / "a.tar.gz",
        [("d/file.txt", b"x", None), ("d/sub", None, None), ("d/sub/link", None, "../file.txt")],
    )
    target = safe_extract(archive, tmp_path / "out")
    assert (target / "d/sub/link").is_symlink()
    assert (target / "d/sub/link").read_bytes() == b"x"


def test_existing_target_is_replaced_whole(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "stale.txt").write_text("old")
    safe_extract(_zip(tmp_path / "data.zip", FILES), tmp_path / "out")
    assert _tree(tmp_path / "out") == FILES


@pytest.mark.parametrize(
    ("members", "why"),
    [
        ([("ok.txt", b"1", None), ("../evil", b"2", None)], "'\\.\\.'"),
        ([("ok.txt", b"1", None), ("a/../../evil", b"2", None)], "'\\.\\.'"),
        ([("/tmp/evil", b"2", None)], "absolute path"),
        ([("link", None, "../../outside")], "link pointing outside"),
        ([("link", None, "/etc")], "link to an absolute path"),
        ([("link", None, "/tmp"), ("link/evil", b"2", None)], "link to an absolute path"),
    ],
    ids=["dotdot", "nested-dotdot", "absolute", "symlink-out", "symlink-abs", "write-thru-link"],
)
def test_hostile_tar_is_refused(tmp_path, members, why):
    archive = _tar(tmp_path / "evil.tar.gz", members)
    before = {p.name for p in tmp_path.iterdir()}
    with pytest.raises(DatasetError, match=f"refusing to extract .*evil.tar.gz: member .*{why}"):
        safe_extract(archive, tmp_path / "out")
    _assert_nothing_left(tmp_path, tmp_path / "out", before)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil", "'\\.\\.'"),
        ("/abs/evil", "absolute"),
        ("a\\..\\..\\evil", "'\\.\\.'"),
        ("C:/evil", "absolute"),
    ],
)
def test_hostile_zip_is_refused(tmp_path, name, why):
    archive = _zip(tmp_path / "evil.zip", {"ok.txt": b"1", name: b"2"})
    before = {p.name for p in tmp_path.iterdir()}
    with pytest.raises(DatasetError, match=f"member .*{why}"):
        safe_extract(archive, tmp_path / "out")
    _assert_nothing_left(tmp_path, tmp_path / "out", before)


def test_refused_archive_leaves_existing_target_untouched(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("keep")
    with pytest.raises(DatasetError):
        safe_extract(_zip(tmp_path / "evil.zip", {"../evil": b"2"}), tmp_path / "out")
    assert _tree(tmp_path / "out") == {"keep.txt": b"keep"}


@pytest.mark.parametrize("kind", ["tar.gz", "zip"])
def test_truncated_archive_is_a_dataset_error(tmp_path, kind):
    big = {f"f{i}.txt": bytes(range(256)) * 200 for i in range(5)}
    if kind == "zip":
        whole = _zip(tmp_path / "whole.zip", big)
    else:
        whole = _tar(tmp_path / "whole.tar.gz", [(n, d, None) for n, d in big.items()])
    cut = tmp_path / f"cut.{kind}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    before = {p.name for p in tmp_path.iterdir()}
    with pytest.raises(DatasetError, match=f"cannot extract .*cut.{kind}: truncated or corrupt"):
        safe_extract(cut, tmp_path / "out")
    _assert_nothing_left(tmp_path, tmp_path / "out", before)


def test_unsupported_or_missing_archive(tmp_path):
    (tmp_path / "data.rar").write_bytes(b"Rar!")
    with pytest.raises(DatasetError, match="unsupported archive type: .*data.rar"):
        safe_extract(tmp_path / "data.rar", tmp_path / "out")
    with pytest.raises(DatasetError, match="archive not found: .*nope.zip"):
        safe_extract(tmp_path / "nope.zip", tmp_path / "out")
