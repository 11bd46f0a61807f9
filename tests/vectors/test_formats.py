"""Reading files: formats, compression, limit, dtype, duplicates, malformed rows, the cache."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import load_vectors
from wordvec.vectors.cache import cache_root


@pytest.fixture(scope="module")
def embedded5k():
    return load_vectors("glove-6b-50d", limit=5000)


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_glove_text_equals_embedded_values(glove_text, embedded5k) -> None:
    v = load_vectors(glove_text, cache=False)
    assert v.report.format == "glove" and v.vocab == embedded5k.vocab
    np.testing.assert_array_equal(v.matrix, embedded5k.matrix)  # '%.6g' round-trips these


@pytest.mark.parametrize("kind", ["gz", "bz2", "xz", "zip-member", "zip-single"])
def test_compressed_sources(glove_text, embedded5k, tmp_path, kind) -> None:
    data = glove_text.read_bytes()
    if kind in ("gz", "bz2", "xz"):
        opener = {"gz": gzip.open, "bz2": bz2.open, "xz": lzma.open}[kind]
        spec = tmp_path / f"vectors.{kind}"  # no .txt: the format comes from the content
        with opener(spec, "wb") as handle:
            handle.write(data)
    else:
        archive = tmp_path / "glove.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("glove.5k.50d.txt", data)
            if kind == "zip-member":
                zf.writestr("other.txt", b"x 1\n")
        spec = f"{archive}:glove.5k.50d.txt" if kind == "zip-member" else archive
    v = load_vectors(spec, cache=False)
    assert v.vocab == embedded5k.vocab
    np.testing.assert_array_equal(v.matrix, embedded5k.matrix)
    cached = load_vectors(spec)
    assert load_vectors(spec).report.cached and cached.vocab == v.vocab


def test_zip_member_errors(tmp_path) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", b"x 1\n")
        zf.writestr("b.txt", b"y 2\n")
    with pytest.raises(VectorsError, match=r"holds 2 files, choose one as two.zip:MEMBER"):
        load_vectors(archive)
    with pytest.raises(VectorsError, match=r"no member 'c.txt' in two.zip \(members: a.txt, b.txt"):
        load_vectors(f"{archive}:c.txt")
    assert load_vectors(f"{archive}:b.txt").vocab == ["y"]


@pytest.mark.parametrize("cache", [False, True])
def test_limit_and_float16(glove_text, embedded5k, cache) -> None:
    v = load_vectors(glove_text, limit=123, dtype="float16", cache=cache)
    assert len(v) == 123 and v.matrix.dtype == np.float16
    assert v.vocab == embedded5k.vocab[:123]
    np.testing.assert_array_equal(v.matrix, embedded5k.matrix[:123].astype(np.float16))
    assert len(load_vectors(glove_text, limit=0, cache=cache)) == 0
    with pytest.raises(VectorsError, match="dtype must be 'float32' or 'float16'"):
        load_vectors(glove_text, dtype="int8", cache=cache)


def test_limit_on_header_and_binary_files(gensim_data) -> None:
    for name in ("lee_fasttext.vec", "euclidean_vectors.bin", "word2vec_pre_kv_c"):
        full = load_vectors(gensim_data / name, cache=False)
        part = load_vectors(gensim_data / name, limit=7, cache=False)
        assert part.vocab == full.vocab[:7]
        np.testing.assert_array_equal(part.matrix, full.matrix[:7])
        assert len(load_vectors(gensim_data / name, limit=0, cache=False)) == 0


@pytest.mark.parametrize("cache", [False, True])
def test_duplicates_keep_the_first_row(tmp_path, cache) -> None:
    path = _write(tmp_path / "dup.txt", "a 1 2\nb 3 4\na 5 6\nc 7 8\nb 9 9\n")
    v = load_vectors(path, cache=cache)
    assert v.vocab == ["a", "b", "c"] and v.report.duplicates == 2
    assert v.matrix.tolist() == [[1, 2], [3, 4], [7, 8]]
    assert v["b"].tolist() == [3, 4]


def test_rows_of_differing_dimension_name_the_line(glove_text, tmp_path) -> None:
    lines = glove_text.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3456] = lines[3456].rsplit(" ", 1)[0] + "\n"  # 49 values on line 3457
    path = tmp_path / "bad.txt"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(VectorsError, match=r"bad.txt line 3457: expected 50 values, found 49"):
        load_vectors(path)
    v = load_vectors(path, on_error="skip")
    assert len(v) == 4999 and v.report.skipped == 1
    assert lines[3456].split()[0] not in v


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a 1 2\nb 3 x\n", r"line 2: values are not all numbers"),
        ("2 2\na 1 2\nb 3\n", r"line 3: expected 2 values, found 1"),
        ("a 1 2\nb 3 4 5\n", r"line 2: expected 2 values, found 3"),
        ("word\n", r"no vectors found"),
    ],
)
def test_malformed_rows(tmp_path, text, message) -> None:
    path = _write(tmp_path / "m.txt", text)
    with pytest.raises(VectorsError, match=message):
        load_vectors(path, cache=False)


def test_skip_counts_every_bad_row(tmp_path) -> None:
    path = _write(tmp_path / "m.txt", "a 1 2\nb 3 x\nc 4\nd 5 6\n")
    v = load_vectors(path, on_error="skip", cache=False)
    assert v.vocab == ["a", "d"] and v.report.skipped == 2


def test_line_endings_blank_lines_bom_and_trailing_spaces(tmp_path) -> None:
    text = "\ufeffa 1 2 \r\n\r\nb 3 4\r\nc 5 6"
    v = load_vectors(_write(tmp_path / "w.txt", text), cache=False)
    assert v.vocab == ["a", "b", "c"]
    assert v.matrix.tolist() == [[1, 2], [3, 4], [5, 6]]


def test_invalid_utf8_repaired_and_counted(tmp_path) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(b"caf\xc3\xa9 1 2\nbad\xff 3 4\n\xfe\xfe 5 6\n")
    v = load_vectors(path, cache=False)
    assert v.vocab == ["café", "bad\ufffd", "\ufffd\ufffd"] and v.report.repaired == 2
    ignored = load_vectors(path, cache=False, unicode_errors="ignore")
    assert ignored.vocab == ["café", "bad", ""]


def test_explicit_format_and_bad_options(gensim_data, tmp_path) -> None:
    path = gensim_data / "lee_fasttext.vec"
    assert load_vectors(path, format="word2vec", cache=False).report.format == "word2vec"
    with pytest.raises(VectorsError, match="unknown vectors format 'csv'"):
        load_vectors(path, format="csv")
    with pytest.raises(VectorsError, match="on_error must be 'raise' or 'skip'"):
        load_vectors(path, on_error="ignore")
    with pytest.raises(VectorsError, match="limit must be zero or more"):
        load_vectors(path, limit=-1)


def test_missing_paths(tmp_path) -> None:
    with pytest.raises(VectorsError, match="vectors file not found: .*nope.txt"):
        load_vectors(tmp_path / "nope.txt")
    with pytest.raises(VectorsError, match="is a directory"):
        load_vectors(tmp_path)


def test_cache_is_fast_complete_and_invalidated(glove_text, tmp_path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes(glove_text.read_bytes())
    first = load_vectors(path)
    assert not first.report.cached and isinstance(first.matrix, np.memmap)
    started = time.perf_counter()
    second = load_vectors(path)
    assert time.perf_counter() - started < 0.1
    assert second.report.cached and second.vocab == first.vocab
    np.testing.assert_array_equal(second.matrix, first.matrix)
    entries = [p for p in cache_root().iterdir()]
    assert len(entries) == 1 and not entries[0].name.startswith(".")
    assert sorted(p.name for p in entries[0].iterdir()) == ["meta.json", "vectors.npy",
                                                            "vocab.txt"]
    path.write_text("zz 1 " + " ".join(["0"] * 49) + "\n", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    changed = load_vectors(path)
    assert changed.vocab == ["zz"] and not changed.report.cached


def test_failed_parse_leaves_no_cache_entry(tmp_path) -> None:
    path = _write(tmp_path / "bad.txt", "a 1 2\nb 3\n")
    with pytest.raises(VectorsError):
        load_vectors(path)
    root = cache_root()
    assert not root.exists() or list(root.iterdir()) == []


def test_unwritable_cache_still_loads(tmp_path, monkeypatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "vectors").write_text("not a folder")  # the cache folder cannot be created
    monkeypatch.setenv("WORDVEC_HOME", str(home))
    v = load_vectors(_write(tmp_path / "g.txt", "a 1 2\n"))
    assert v.vocab == ["a"] and "cache not written" in v.report.notes[0]
