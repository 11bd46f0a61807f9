"""`wordvec train --preset`: trains the preset's model, flags override it, bundles predict."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def fast_bundle(corpus_folder, tmp_path_factory):
    from wordvec.cli.main import main

    out = tmp_path_factory.mktemp("runs") / "fast"
    main(["train", "--dataset", str(corpus_folder), "--preset", "fast", "--batch-size", "16",
          "--learning-rate", "0.02", "--epochs", "8", "--patience", "4", "--out", str(out),
          "--seed", "1"])
    return out


def test_preset_bundle_records_the_preset_and_the_overrides(fast_bundle):
    config = json.loads((fast_bundle / "config.json").read_text())
    params = config["params"]
    assert params["preset"] == "fast"
    assert params["head"] == "nbsvm" and params["vectors"] is None  # from the preset
    # given on the command line (the preset's patience is 1)
    assert (params["batch_size"], params["epochs"], params["patience"]) == (16, 8, 4)
    metrics = json.loads((fast_bundle / "metrics.json").read_text())
    assert metrics["test"]["accuracy"] >= 0.9


def test_preset_bundle_predicts(cli, fast_bundle):
    result = cli("predict", fast_bundle, "goal team coach league season", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["label"] == "sport"


def test_accurate_preset_json_output(cli, corpus_folder, tmp_path):
    result = cli("train", "--dataset", corpus_folder, "--preset", "accurate", "--epochs", "1",
                 "--out", tmp_path / "b", "--json")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["bundle"] == str(tmp_path / "b")
    config = json.loads((tmp_path / "b" / "config.json").read_text())
    assert config["params"]["ngrams"] == 3 and config["params"]["punctuation"] == ".!?"


def test_unknown_preset_is_one_line(cli, corpus_folder, tmp_path):
    result = cli("train", "--dataset", corpus_folder, "--preset", "fastest", "--out",
                 tmp_path / "b")
    result.assert_error("unknown preset 'fastest'", "fast, accurate")
    assert not (tmp_path / "b").exists()


def test_explicit_none_vectors_survive_next_to_a_preset(cli, corpus_folder, tmp_path):
    result = cli("train", "--dataset", corpus_folder, "--preset", "accurate", "--model",
                 "average", "--vectors", "none", "--epochs", "1", "--out", tmp_path / "b")
    assert result.code == 0, result.err
    params = json.loads((tmp_path / "b" / "config.json").read_text())["params"]
    assert (params["head"], params["vectors"], params["ngrams"]) == ("average", None, 3)
