"""Bad input to `wordvec train`: one line on stderr, exit 2, no bundle left behind."""

from __future__ import annotations

import pytest


def _train(cli, dataset, out, *extra):
    return cli("train", "--dataset", dataset, "--epochs", "1", "--out", out, *extra)


def test_missing_dataset_path(cli, tmp_path):
    result = _train(cli, tmp_path / "no-such-dir", tmp_path / "out")
    result.assert_error("no-such-dir")
    assert not (tmp_path / "out").exists()


def test_empty_dataset_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    _train(cli, tmp_path / "empty", tmp_path / "out").assert_error("empty")
    assert not (tmp_path / "out").exists()


def test_only_one_class(cli, tmp_path):
    folder = tmp_path / "one" / "sport"
    folder.mkdir(parents=True)
    for i in range(10):
        (folder / f"{i}.txt").write_text(f"goal number {i}")
    result = _train(cli, tmp_path / "one", tmp_path / "out")
    result.assert_error("class")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("vectors", ["glove-7b-13d", "missing-vectors.txt"])
def test_unknown_or_missing_vectors(cli, corpus_folder, tmp_path, vectors):
    result = _train(cli, corpus_folder, tmp_path / "out", "--vectors", vectors)
    result.assert_error(vectors)
    assert not (tmp_path / "out").exists()


def test_vectors_rows_of_different_dimensions(cli, corpus_folder, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("bank 0.1 0.2 0.3\nshares 0.4 0.5\ngoal 0.1 0.2 0.3\n")
    result = _train(cli, corpus_folder, tmp_path / "out", "--vectors", bad)
    result.assert_error("line 2")
    assert not (tmp_path / "out").exists()


def test_unknown_model_head(cli, corpus_folder, tmp_path):
    result = _train(cli, corpus_folder, tmp_path / "out", "--vectors", "none", "--model", "gpt")
    result.assert_error("gpt")
