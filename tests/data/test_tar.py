"""The fast tar reader against the standard library's tarfile, format by format."""

from __future__ import annotations

import io
import tarfile

import pytest

from wordvec.data._tar import TarFormatError, iter_tar

from .conftest import tarfile_members as _reference


def _archive(path, fmt, mode):
    long_dir = "d" * 120
    files = {
        "short.txt": b"hello",
        f"{long_dir}/nested/{'n' * 90}.txt": b"long name " * 100,
        "unicod\u00e9/\u65e5\u672c.txt": "\u00e9t\u00e9".encode(),
        "empty.txt": b"",
        "big.bin": bytes(range(256)) * 300,
    }
    with tarfile.open(path, mode, format=fmt) as archive:
        archive.addfile(_dir("folder"))
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("folder/link")
        link.type, link.linkname = tarfile.SYMTYPE, "../short.txt"
        archive.addfile(link)
        hard = tarfile.TarInfo("folder/hard")
        hard.type, hard.linkname = tarfile.LNKTYPE, "short.txt"
        archive.addfile(hard)
    return path


def _dir(name):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    return info


FORMATS = {"gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT}


@pytest.mark.parametrize("fmt", ["gnu", "pax"])
@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz"])
def test_same_members_as_tarfile(tmp_path, fmt, mode):
    path = _archive(tmp_path / "a.tar", FORMATS[fmt], mode)
    assert list(iter_tar(path)) == _reference(path)


def test_ustar_prefix_field(tmp_path):
    path = tmp_path / "u.tar"
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo("p" * 80 + "/" + "q" * 80 + "/file.txt")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"abc"))
    assert list(iter_tar(path)) == _reference(path)


def test_concatenated_gzip_members(tmp_path):
    import gzip

    raw = _archive(tmp_path / "a.tar", tarfile.GNU_FORMAT, "w").read_bytes()
    half = len(raw) // 2
    path = tmp_path / "two.tar.gz"
    path.write_bytes(gzip.compress(raw[:half]) + gzip.compress(raw[half:]))
    assert list(iter_tar(path)) == _reference(tmp_path / "a.tar")


@pytest.mark.parametrize("cut", [0.3, 0.7, 0.999])
def test_truncated_archives_are_errors(tmp_path, cut):
    data = _archive(tmp_path / "a.tar.gz", tarfile.GNU_FORMAT, "w:gz").read_bytes()
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(TarFormatError):
        list(iter_tar(path))


def test_uncompressed_archive_cut_at_a_member_boundary(tmp_path):
    path = tmp_path / "cut.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("only.txt")
        info.size = 5
        archive.addfile(info, io.BytesIO(b"hello"))
    path.write_bytes(path.read_bytes()[:1024])  # the member's header and content, no marker
    with pytest.raises(TarFormatError, match="end-of-archive marker"):
        list(iter_tar(path))


def test_not_a_tar_archive(tmp_path):
    path = tmp_path / "x.tar"
    path.write_bytes(b"this is not a tar archive at all " * 40)
    with pytest.raises(TarFormatError, match="checksum"):
        list(iter_tar(path))


def test_20newsgroups_archive_same_as_tarfile(newsgroups_archive, newsgroups_by_tarfile):
    assert list(iter_tar(newsgroups_archive)) == newsgroups_by_tarfile
