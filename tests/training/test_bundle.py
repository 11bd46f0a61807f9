"""Bundles: complete, atomic, reloadable without running code, version-checked."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from wordvec._backend import import_keras
from wordvec.errors import BundleError
from wordvec.training import TextClassifier
from wordvec.training.bundle import BUNDLE_FORMAT, REQUIRED_FILES


@pytest.fixture(scope="module")
def bundle(fitted, tmp_path_factory):
    path = tmp_path_factory.mktemp("bundles") / "clf"
    fitted.save(path, dataset="synthetic")
    return path


def test_bundle_holds_the_design_files(bundle, fitted):
    names = {p.name for p in bundle.iterdir()}
    assert names == {*REQUIRED_FILES, "metrics.json", "history.csv", "curves.png"}
    assert json.loads((bundle / "labels.json").read_text()) == fitted.classes_
    config = json.loads((bundle / "config.json").read_text())
    assert config["bundle_format"] == BUNDLE_FORMAT
    assert config["dataset"] == "synthetic"
    assert config["params"]["head"] == fitted.head
    assert config["params"]["maxlen"] == fitted.maxlen
    metrics = json.loads((bundle / "metrics.json").read_text())
    assert set(metrics) == {"val", "train_seconds"}
    rows = list(csv.DictReader((bundle / "history.csv").open()))
    assert len(rows) == len(fitted.history_["loss"])
    assert float(rows[-1]["val_loss"]) == pytest.approx(fitted.history_["val_loss"][-1])
    assert (bundle / "curves.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_loaded_bundle_predicts_like_the_original(bundle, fitted, heldout):
    loaded = TextClassifier.load(bundle)
    assert loaded.classes_ == fitted.classes_
    assert loaded.tokenizer_.word_index == fitted.tokenizer_.word_index
    np.testing.assert_allclose(
        loaded.predict_proba(heldout[0]), fitted.predict_proba(heldout[0]), rtol=1e-6
    )


def test_saving_again_replaces_the_bundle_atomically(bundle, fitted, monkeypatch):
    before = (bundle / "model.keras").read_bytes()

    def broken_plot(history, path):
        raise RuntimeError("disk full")

    monkeypatch.setattr("wordvec.training.report.plot_learning_curves", broken_plot)
    with pytest.raises(RuntimeError, match="disk full"):
        fitted.save(bundle)
    assert (bundle / "model.keras").read_bytes() == before
    assert [p.name for p in bundle.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("missing", REQUIRED_FILES)
def test_missing_file_is_named(bundle, tmp_path, missing):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    (copy / missing).unlink()
    with pytest.raises(BundleError, match=f"missing {missing}"):
        TextClassifier.load(copy)


def test_newer_bundle_format_is_refused(bundle, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    config = json.loads((copy / "config.json").read_text())
    config["bundle_format"] = BUNDLE_FORMAT + 1
    (copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(BundleError, match="newer wordvec"):
        TextClassifier.load(copy)


def test_model_with_code_is_not_run_on_load(bundle, tmp_path):
    """A model.keras carrying a Lambda (arbitrary Python) is refused by safe mode."""
    import shutil

    keras = import_keras()
    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    inputs = keras.Input(shape=(3,))
    evil = keras.Model(inputs, keras.layers.Lambda(lambda x: x * 2)(inputs))
    evil.save(copy / "model.keras")
    with pytest.raises(BundleError, match="cannot load"):
        TextClassifier.load(copy)
