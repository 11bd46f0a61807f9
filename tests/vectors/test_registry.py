"""The registry of named vector sets and what happens when one is asked for."""

from __future__ import annotations

import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import load_vectors
from wordvec.vectors.registry import REGISTRY, lookup, names

EXPECTED = {
    "glove-6b-50d", "glove-6b-100d", "glove-6b-200d", "glove-6b-300d", "glove-42b-300d",
    "glove-840b-300d", "glove-twitter-27b-25d", "glove-twitter-27b-50d",
    "glove-twitter-27b-100d", "glove-twitter-27b-200d", "fasttext-crawl-300d-2m",
    "word2vec-google-news-300",
}


def test_every_named_set_is_described() -> None:
    assert set(names()) == EXPECTED
    for entry in REGISTRY.values():
        assert entry.dim in (25, 50, 100, 200, 300) and entry.words > 0
        assert str(entry.dim) in entry.name.replace("2m", "")
        if entry.format == "embedded":
            continue
        assert entry.url.startswith("https://") and entry.filename in entry.url
        assert entry.size > 100_000_000
        assert entry.sha256 is None or len(entry.sha256) == 64
        if entry.filename.endswith(".zip"):
            assert entry.member and entry.member.endswith((".txt", ".vec"))


def test_lookup_is_case_insensitive() -> None:
    assert lookup("GloVe-6B-300d") is REGISTRY["glove-6b-300d"]
    assert lookup("glove-6b-301d") is None


def test_missing_checksum_refuses_download_with_a_way_out(monkeypatch) -> None:
    from dataclasses import replace

    from wordvec.vectors import registry

    entry = replace(REGISTRY["glove-6b-100d"], sha256=None)
    monkeypatch.setitem(registry.REGISTRY, "glove-6b-100d", entry)
    with pytest.raises(VectorsError, match=r"no sha256 recorded for glove.6B.zip.*"
                                           r"--vectors PATH/glove.6B.zip:glove.6B.100d.txt"):
        load_vectors("glove-6b-100d")


def test_recorded_checksums_are_sha256_hex() -> None:
    downloadable = [e for e in REGISTRY.values() if e.url is not None]
    assert downloadable
    for entry in downloadable:
        assert entry.sha256 is not None and len(entry.sha256) == 64, entry.name
        int(entry.sha256, 16)


def test_named_sets_go_through_the_downloader(monkeypatch, tmp_path) -> None:
    """With a checksum, the set is fetched by wordvec.data.download and its member read."""
    import zipfile
    from dataclasses import replace

    from wordvec.data import download as downloader
    from wordvec.vectors import registry

    archive = tmp_path / "glove.6B.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("glove.6B.100d.txt", "the " + " ".join(["0.5"] * 100) + "\n")
        zf.writestr("glove.6B.50d.txt", "x 1\n")
    seen = []

    def fake_download(resource, **kwargs):
        seen.append(resource)
        return archive

    entry = replace(REGISTRY["glove-6b-100d"], sha256="0" * 64)
    monkeypatch.setitem(registry.REGISTRY, "glove-6b-100d", entry)
    monkeypatch.setattr(downloader, "download", fake_download)
    v = load_vectors("glove-6b-100d")
    assert v.name == "glove-6b-100d" and v.vocab == ["the"] and v.dim == 100
    assert seen[0].url == entry.url and seen[0].sha256 == "0" * 64
