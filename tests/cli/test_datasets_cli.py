"""`wordvec datasets list | download | info`, run in-process through the real entry point."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections import Counter

import numpy as np
import pytest

from wordvec.data.registry import REGISTRY, DatasetEntry

from ..data.conftest import load_helper

BAD = load_helper("bad_sources")


def test_list_json_shows_every_entry_and_what_is_here(cli, monkeypatch, tmp_path):
    result = cli("datasets", "list", "--json")
    assert result.code == 0, result.err
    rows = {row["name"]: row for row in json.loads(result.out)}
    assert set(rows) == set(REGISTRY)
    assert rows["bbc"]["embedded"] and rows["bbc"]["cached"]
    assert not rows["imdb"]["cached"] and rows["imdb"]["download_bytes"] == 84_125_825
    home = tmp_path / "home"
    (home / "datasets").mkdir(parents=True)
    (home / "datasets" / "aclImdb_v1.tar.gz").write_bytes(b"x")
    monkeypatch.setenv("WORDVEC_HOME", str(home))
    rows = {row["name"]: row for row in json.loads(cli("datasets", "list", "--json").out)}
    assert rows["imdb"]["cached"]


def test_list_table(cli):
    result = cli("datasets", "list")
    assert result.code == 0
    for name in REGISTRY:
        assert name in result.out


def test_info_json_counts_and_token_lengths(cli, tmp_path):
    files = {f"{label}/{i}.txt": " ".join(["word"] * (i + 1 + 3 * (label == "b")))
             for label in ("a", "b") for i in range(10)}
    root = BAD.write_tree(tmp_path / "toy", files)
    (root / "a" / "empty.txt").write_bytes(b"")
    result = cli("datasets", "info", root, "--json", "--seed", "1", "--validation-size", "0.25")
    assert result.code == 0, result.err
    info = json.loads(result.out)
    assert info["classes"] == ["a", "b"]
    assert list(info["splits"]) == ["train", "validation", "test"]
    assert {k: v["count"] for k, v in info["splits"].items()} == {
        "train": 12, "validation": 4, "test": 4}
    assert info["splits"]["test"]["per_class"] == {"a": 2, "b": 2}
    from wordvec.data import load_dataset

    test = load_dataset(root, seed=1, validation_size=0.25).split("test")
    lengths = [len(t.split()) for t in test.texts]
    assert info["splits"]["test"]["tokens"] == pytest.approx({
        "mean": np.mean(lengths), "median": np.median(lengths),
        "p95": np.percentile(lengths, 95)}, abs=0.01)
    assert info["report"]["empty"] == ["a/empty.txt"]
    assert info["report"]["files_read"] == 21


def test_info_table_shows_classes_and_report_lines(cli):
    result = cli("datasets", "info", "bbc")
    assert result.code == 0, result.err
    for fragment in ("business", "tech", "1,780", "445", "tokens median",
                     "decoded 1 file with replacement", "sports/199.txt"):
        assert fragment in result.out


def test_info_csv_columns_options(cli, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("body,topic\n" + "".join(f"text {i},{'xy'[i % 2]}\n" for i in range(10)),
                    encoding="utf-8")
    result = cli("datasets", "info", path, "--json", "--text-column", "body",
                 "--label-column", "topic")
    assert result.code == 0, result.err
    assert json.loads(result.out)["classes"] == ["x", "y"]
    cli("datasets", "info", path).assert_error("no text column", "columns found: body, topic")


@pytest.mark.parametrize("build", BAD.BAD_SOURCES, ids=lambda f: f.__name__)
def test_info_bad_source_one_line_exit_2(cli, build, tmp_path):
    source, fragments = build(tmp_path)
    cli("datasets", "info", source).assert_error(*fragments)


def test_download_errors(cli):
    cli("datasets", "download", "nope").assert_error("unknown dataset 'nope'", "imdb")
    cli("datasets", "download", "20newsgroups").assert_error("no published sha256",
                                                            "--dataset PATH")


def test_download_embedded_is_a_no_op(cli):
    result = cli("datasets", "download", "bbc", "--json")
    assert result.code == 0
    assert json.loads(result.out)["path"].endswith("bbcnews/data")


@pytest.fixture
def served(tmp_path):
    """A small class-folder archive served over HTTP on 127.0.0.1, registered as 'toy'."""
    files = {f"toy/{label}/{i}.txt": f"{label} words {i}" for label in "ab" for i in range(5)}
    (tmp_path / "srv").mkdir()
    archive = BAD.write_tar(tmp_path / "srv" / "toy.tar.gz", files)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(archive.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    data = archive.read_bytes()
    yield DatasetEntry("toy", "toy archive", 10,
                       url=f"http://127.0.0.1:{server.server_address[1]}/toy.tar.gz",
                       filename="toy.tar.gz", sha256=hashlib.sha256(data).hexdigest(),
                       size=len(data))
    server.shutdown()
    server.server_close()


def test_download_then_load_from_the_cache(cli, monkeypatch, served):
    monkeypatch.setitem(REGISTRY, "toy", served)
    result = cli("datasets", "download", "toy", "--json")
    assert result.code == 0, result.err
    path = json.loads(result.out)["path"]
    assert path.endswith("datasets/toy.tar.gz")
    rows = {row["name"]: row for row in json.loads(cli("datasets", "list", "--json").out)}
    assert rows["toy"]["cached"]
    info = json.loads(cli("datasets", "info", "toy", "--json").out)
    assert info["source"] == "toy"
    assert Counter({k: v["count"] for k, v in info["splits"].items()}) == {"train": 8, "test": 2}


def test_load_dataset_downloads_a_missing_registry_archive(monkeypatch, served):
    from wordvec.data import load_dataset

    monkeypatch.setitem(REGISTRY, "toy", served)
    ds = load_dataset("toy", test_size=None)
    assert ds.name == "toy" and len(ds.split("train")) == 10
