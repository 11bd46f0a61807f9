"""Bag models: NB ratios, segment pooling against numpy, shapes, safe-mode round trip."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec._backend import import_keras
from wordvec.models.bag import build_bag_model, nb_ratios
from wordvec.models.layers import CapIds, SegmentPooling

keras = import_keras()


def test_nb_ratios_match_a_direct_count():
    rng = np.random.default_rng(0)
    texts = [sorted(set(rng.integers(1, 12, rng.integers(1, 6)).tolist())) for _ in range(30)]
    labels = rng.integers(0, 3, len(texts))
    flat = np.concatenate([np.array(t) for t in texts])
    lengths = np.array([len(t) for t in texts])
    ratios = nb_ratios(flat, lengths, labels, 12, 3, alpha=0.5)
    assert ratios.shape == (12, 3)
    pairs = list(zip(texts, labels, strict=True))
    for c in range(3):
        p = np.array([sum(f in t for t, y in pairs if y == c) for f in range(12)]) + 0.5
        q = np.array([sum(f in t for t, y in pairs if y != c) for f in range(12)]) + 0.5
        expected = np.log(p / p.sum()) - np.log(q / q.sum())
        np.testing.assert_allclose(ratios[1:, c], expected[1:], rtol=1e-5)
    assert not ratios[0].any()
    binary = nb_ratios(flat, lengths, labels % 2, 12, 2)
    assert binary.shape == (12, 1)


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
def test_segment_pooling_matches_numpy(mode):
    rng = np.random.default_rng(1)
    values = rng.normal(size=(20, 3)).astype("float32")
    segments = np.sort(rng.integers(0, 4, 20)).astype("int32")
    ids = rng.integers(0, 3, 20).astype("int32")  # 0 = padding, ignored
    out = keras.ops.convert_to_numpy(SegmentPooling(mode, 5)(values, segments, ids))
    assert out.shape == (5, 3)
    for s in range(5):
        rows = values[(segments == s) & (ids != 0)]
        if not len(rows):
            np.testing.assert_array_equal(out[s], 0.0)
            continue
        expected = {"sum": rows.sum(0), "mean": rows.mean(0), "max": rows.max(0)}[mode]
        np.testing.assert_allclose(out[s], expected, rtol=1e-5, atol=1e-6)


def test_cap_ids_and_pooling_config():
    assert keras.ops.convert_to_numpy(CapIds(4)(np.array([3, 4, 0, 9]))).tolist() == [3, 0, 0, 0]
    with pytest.raises(ValueError, match="unknown pooling mode"):
        SegmentPooling("median")


@pytest.mark.parametrize(("head", "classes", "units"), [("nbsvm", 2, 1), ("nbsvm", 4, 4),
                                                         ("bag", 2, 1), ("bag", 3, 3)])
def test_bag_models_output_one_row_per_slot(head, classes, units):
    ratios = np.zeros((50, units), "float32") if head == "nbsvm" else None
    model = build_bag_model(head, 50, classes, max_texts=6, ratios=ratios, max_features=30)
    ids = np.array([1, 2, 40, 3, 0, 0], "int32")
    out = keras.ops.convert_to_numpy(model([ids, np.array([0, 0, 0, 1, 5, 5], "int32")]))
    assert out.shape == (6, units)
    if units > 1:
        np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)


def test_nbsvm_starts_from_zero_weights_and_needs_ratios():
    ratios = np.random.default_rng(2).normal(size=(10, 1)).astype("float32")
    model = build_bag_model("nbsvm", 10, 2, max_texts=2, ratios=ratios)
    out = keras.ops.convert_to_numpy(model([np.array([1, 2], "int32"), np.array([0, 1], "int32")]))
    np.testing.assert_allclose(out, 0.5)  # w = 0, bias = 0: sigmoid(0)
    with pytest.raises(ValueError, match="nbsvm needs ratios"):
        build_bag_model("nbsvm", 10, 2, max_texts=2)
    with pytest.raises(ValueError, match="unknown bag head"):
        build_bag_model("cnn", 10, 2, max_texts=2)


def test_bag_model_round_trips_in_safe_mode(tmp_path):
    model = build_bag_model("bag", 40, 3, max_texts=4, max_features=20, dropout=0.2)
    inputs = [np.array([1, 5, 25, 7, 0], "int32"), np.array([0, 0, 1, 2, 3], "int32")]
    model.save(tmp_path / "m.keras")
    loaded = keras.saving.load_model(tmp_path / "m.keras", safe_mode=True, compile=False)
    np.testing.assert_allclose(keras.ops.convert_to_numpy(loaded(inputs)),
                               keras.ops.convert_to_numpy(model(inputs)), rtol=1e-6)
