"""Presets and bag heads in TextClassifier: settings, learning, bundles that reload exactly."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.metrics import accuracy_score

from wordvec.errors import WordvecError
from wordvec.training import TextClassifier
from wordvec.training.presets import DEFAULT, LIBRARY_DEFAULTS, PRESETS, resolve_params

# small-data settings: the presets' batches of 64-256 texts would give a handful of steps
SMALL = {"batch_size": 16, "learning_rate": 0.02, "epochs": 8, "patience": 2}


def test_resolution_order_is_given_then_preset_then_library():
    params = resolve_params("fast", {"epochs": 7, "head": DEFAULT})
    assert params["epochs"] == 7
    assert params["head"] == PRESETS["fast"]["head"]
    assert params["oov"] == LIBRARY_DEFAULTS["oov"]
    assert resolve_params(None, {})["head"] == LIBRARY_DEFAULTS["head"]
    with pytest.raises(WordvecError, match="unknown preset 'quick'; choose one of fast, accurate"):
        resolve_params("quick", {})


def test_classifier_takes_the_preset_and_explicit_arguments_win():
    clf = TextClassifier(preset="accurate", epochs=5, vectors="glove-6b-50d")
    assert (clf.head, clf.ngrams, clf.epochs, clf.vectors) == ("nbsvm", 3, 5, "glove-6b-50d")
    params = clf.get_params()
    assert params["preset"] == "accurate"
    assert TextClassifier(**params).get_params() == params  # what a bundle reloads
    assert TextClassifier().head == "average"
    with pytest.raises(WordvecError, match="unknown preset"):
        TextClassifier(preset="best")


@pytest.fixture(scope="module")
def fast(corpus):
    return TextClassifier(preset="fast", seed=1, **SMALL).fit(*corpus)


@pytest.fixture(scope="module")
def ensemble(corpus):
    second = {"head": "bag", "max_features": 60, "embedding_dim": 8, "epochs": 10}
    return TextClassifier(preset="accurate", seed=2, ensemble=second, **SMALL).fit(*corpus)


@pytest.mark.parametrize("name", ["fast", "ensemble"])
def test_bag_classifiers_learn_the_corpus(name, request, heldout):
    clf = request.getfixturevalue(name)
    texts, labels = heldout
    assert accuracy_score(labels, clf.predict(texts)) >= 0.9
    probs = clf.predict_proba(texts)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    assert clf.metrics_["val"]["accuracy"] >= 0.8


def test_fastText_style_bag_head_learns(corpus, heldout):
    clf = TextClassifier(head="bag", vectors=None, num_words=None, embedding_dim=16, seed=0,
                         **{**SMALL, "epochs": 15}).fit(*corpus)
    assert accuracy_score(heldout[1], clf.predict(heldout[0])) >= 0.9


@pytest.mark.parametrize("name", ["fast", "ensemble"])
def test_preset_bundles_reload_and_predict_identically(name, request, heldout, tmp_path):
    clf = request.getfixturevalue(name)
    clf.save(tmp_path / "bundle")
    config = json.loads((tmp_path / "bundle" / "config.json").read_text())
    assert config["params"]["preset"] == clf.preset
    assert config["arrays"] == ["ngram_features"]
    assert config["state"]["features"]["ngrams"] == clf.ngrams
    kept = np.load(tmp_path / "bundle" / "ngram_features.npy", allow_pickle=False)
    np.testing.assert_array_equal(kept, clf.features_.kept)
    loaded = TextClassifier.load(tmp_path / "bundle")
    assert loaded.get_params() == clf.get_params()
    texts = [*heldout[0], "", "words never seen before at all"]
    np.testing.assert_allclose(loaded.predict_proba(texts), clf.predict_proba(texts), rtol=1e-6)


def test_a_bundle_missing_its_feature_array_is_refused(fast, tmp_path):
    from wordvec.errors import BundleError

    fast.save(tmp_path / "bundle")
    (tmp_path / "bundle" / "ngram_features.npy").unlink()
    with pytest.raises(BundleError, match="ngram_features.npy"):
        TextClassifier.load(tmp_path / "bundle")


def test_predictions_do_not_depend_on_the_batch(fast, heldout):
    texts = heldout[0]
    together = fast.predict_proba(texts)
    one_by_one = np.concatenate([fast.predict_proba([t]) for t in texts[:5]])
    np.testing.assert_allclose(one_by_one, together[:5], rtol=1e-5, atol=1e-7)


def test_bad_bag_settings_are_named(corpus):
    with pytest.raises(WordvecError, match="ngrams must be at least 1"):
        TextClassifier(head="nbsvm", ngrams=0).fit(*corpus)
    with pytest.raises(WordvecError, match="ensemble must be a dict"):
        TextClassifier(head="average", ensemble={"head": "bag"}).fit(*corpus)
    with pytest.raises(WordvecError, match="unknown ensemble settings epoch;"):
        TextClassifier(head="nbsvm", ensemble={"head": "bag", "epoch": 3}).fit(*corpus)
