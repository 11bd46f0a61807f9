"""build_model: shapes, outputs, frozen/trainable embeddings, masking of padding."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec._backend import import_keras
from wordvec.models.heads import HEADS, build_model, output_loss

keras = import_keras()


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("num_classes", [2, 5])
def test_every_head_maps_token_ids_to_class_probabilities(head, num_classes):
    model = build_model(head, vocab_size=300, num_classes=num_classes, maxlen=160)
    ids = np.random.default_rng(0).integers(1, 300, size=(4, 160)).astype("int32")
    probs = np.asarray(model.predict(ids, verbose=0))
    if num_classes == 2:
        assert probs.shape == (4, 1)
        assert ((probs > 0) & (probs < 1)).all()
    else:
        assert probs.shape == (4, num_classes)
        np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


@pytest.mark.parametrize("trainable", [True, False])
def test_given_matrix_is_loaded_and_frozen_unless_trainable(trainable):
    matrix = np.random.default_rng(1).normal(size=(50, 8)).astype("float32")
    model = build_model("average", 50, 3, 10, matrix=matrix, trainable=trainable)
    embedding = model.get_layer("embedding")
    np.testing.assert_array_equal(embedding.get_weights()[0], matrix)
    trainable_names = {w.path for w in model.trainable_weights}
    assert any("embedding" in name for name in trainable_names) is trainable


def test_average_head_ignores_padding():
    matrix = np.random.default_rng(2).normal(size=(20, 4)).astype("float32")
    model = build_model("average", 20, 3, 6, matrix=matrix)
    pooled = keras.Model(model.input, model.get_layer("average").output)
    ids = np.array([[3, 7, 9, 0, 0, 0], [5, 0, 0, 0, 0, 0]], dtype="int32")
    expected = np.stack([matrix[[3, 7, 9]].mean(axis=0), matrix[5]])
    np.testing.assert_allclose(np.asarray(pooled.predict(ids, verbose=0)), expected, rtol=1e-5)


def test_cnn_follows_the_seed_002_stack():
    model = build_model("cnn", 100, 20, 1000)
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv1D)]
    assert [(c.filters, c.kernel_size) for c in convs] == [(128, (5,))] * 3
    assert model.get_layer("hidden").units == 128


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"head": "transformer"}, "unknown model head 'transformer'"),
        ({"head": "cnn", "maxlen": 20}, "cnn head needs maxlen >= 129"),
        ({"num_classes": 1}, "num_classes must be at least 2"),
        ({"matrix": np.zeros((7, 3), dtype="float32")}, "embedding matrix has shape (7, 3)"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    args = {"head": "average", "vocab_size": 100, "num_classes": 3, "maxlen": 50, **kwargs}
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_model(**args)


def test_output_loss_matches_output_layer():
    assert output_loss(2) == "binary_crossentropy"
    assert output_loss(3) == "sparse_categorical_crossentropy"


def test_average_of_an_all_padding_text_is_zero_not_nan():
    matrix = np.random.default_rng(3).normal(size=(20, 4)).astype("float32")
    model = build_model("average", 20, 3, 5, matrix=matrix)
    probs = np.asarray(model.predict(np.zeros((2, 5), dtype="int32"), verbose=0))
    assert np.isfinite(probs).all()
    pooled = keras.Model(model.input, model.get_layer("average").output)
    np.testing.assert_array_equal(np.asarray(pooled.predict(np.zeros((1, 5), "int32"), verbose=0)),
                                  np.zeros((1, 4)))
