"""End to end: `wordvec train` on a class folder, then `predict` and `evaluate` the bundle."""

from __future__ import annotations

import json
import shutil

import pytest


@pytest.fixture(scope="module")
def trained(corpus_folder, tmp_path_factory):
    from wordvec.cli.main import main

    out = tmp_path_factory.mktemp("runs") / "topics"
    main(["train", "--dataset", str(corpus_folder), "--vectors", "none", "--epochs", "15",
          "--batch-size", "16", "--out", str(out), "--seed", "1"])
    return out


def test_train_writes_a_bundle_with_validation_and_test_metrics(trained):
    metrics = json.loads((trained / "metrics.json").read_text())
    assert {"val", "test", "train_seconds"} <= set(metrics)
    assert metrics["test"]["accuracy"] >= 0.9
    assert json.loads((trained / "labels.json").read_text()) == ["money", "sport", "tech"]


def test_train_json_output(cli, corpus_folder, tmp_path):
    result = cli("train", "--dataset", corpus_folder, "--vectors", "none", "--epochs", "2",
                 "--out", tmp_path / "b", "--json")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["bundle"] == str(tmp_path / "b")
    assert set(payload["test"]) == {"accuracy", "macro_f1"}


def test_predict_prints_the_label(cli, trained):
    result = cli("predict", trained, "the bank said shares and profit rose in the market")
    assert result.code == 0, result.err
    label, probability = result.out.split()
    assert label == "money"
    assert 0.34 < float(probability) <= 1.0


def test_predict_top_k_json_from_file_and_stdin(cli, trained, tmp_path, monkeypatch):
    import io

    file = tmp_path / "texts.txt"
    file.write_text("goal team coach league\n\nchip software network users\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("bank shares profit\n"))
    result = cli("predict", trained, "-", "--file", file, "--top-k", "3", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [r["label"] for r in rows] == ["money", "sport", "tech"]
    for row in rows:
        probabilities = [t["probability"] for t in row["top"]]
        assert probabilities == sorted(probabilities, reverse=True)
        assert sum(probabilities) == pytest.approx(1.0, abs=1e-3)


def test_evaluate_reproduces_the_test_split(cli, trained):
    result = cli("evaluate", trained, "--json")
    assert result.code == 0, result.err
    metrics = json.loads(result.out)
    saved = json.loads((trained / "metrics.json").read_text())["test"]
    assert metrics["accuracy"] == pytest.approx(saved["accuracy"])
    assert len(metrics["confusion_matrix"]) == 3


def test_predict_without_text_fails_cleanly(cli, trained):
    cli("predict", trained).assert_error("no text to classify")


@pytest.mark.parametrize("missing", ["model.keras", "labels.json"])
def test_predict_with_an_incomplete_bundle_fails_cleanly(cli, trained, tmp_path, missing):
    copy = tmp_path / "copy"
    shutil.copytree(trained, copy)
    (copy / missing).unlink()
    cli("predict", copy, "some text").assert_error("incomplete", missing)


def test_predict_with_a_newer_bundle_fails_cleanly(cli, trained, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(trained, copy)
    config = json.loads((copy / "config.json").read_text())
    config["bundle_format"] += 1
    (copy / "config.json").write_text(json.dumps(config))
    cli("predict", copy, "some text").assert_error("newer wordvec")


def test_missing_bundle_fails_cleanly(cli, tmp_path):
    cli("predict", tmp_path / "nope", "text").assert_error("not found")


def test_train_from_csv_with_named_columns_and_few_shot_samples(cli, corpus, tmp_path):
    import csv

    path = tmp_path / "topics.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "body", "topic"])
        writer.writerows((i, t, y) for i, (t, y) in enumerate(zip(*corpus, strict=True)))
    result = cli("train", "--dataset", path, "--text-column", "body", "--label-column", "topic",
                 "--vectors", "none", "--epochs", "2", "--train-samples", "30",
                 "--validation-samples", "20", "--out", tmp_path / "b", "--json")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    total = len(corpus[0])
    test_size = round(total * 0.2)
    assert payload["texts"] == {"train": 30, "validation": 20, "test": test_size}


def test_train_csv_without_the_named_column_fails_cleanly(cli, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("body,topic\nhello,a\nworld,b\n")
    result = cli("train", "--dataset", path, "--text-column", "content", "--out", tmp_path / "o")
    result.assert_error("content")
    assert not (tmp_path / "o").exists()
