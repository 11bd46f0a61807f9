"""pad_sequences against keras.utils.pad_sequences."""

from __future__ import annotations

import random

import numpy as np
import pytest

from wordvec._backend import import_keras
from wordvec.text import pad_sequences

SEQUENCES = [[1, 2, 3], [], [4], [5, 6, 7, 8, 9, 10], [11, 12]]


@pytest.fixture(scope="module")
def keras_pad():
    return import_keras().utils.pad_sequences


def assert_same(got: np.ndarray, expected: np.ndarray) -> None:
    assert got.dtype == expected.dtype
    assert got.shape == expected.shape
    assert np.array_equal(got, expected, equal_nan=got.dtype.kind == "f")


@pytest.mark.parametrize("padding", ["pre", "post"])
@pytest.mark.parametrize("truncating", ["pre", "post"])
@pytest.mark.parametrize("maxlen", [None, 1, 3, 6, 9])
def test_sides_and_lengths_like_keras(keras_pad, padding, truncating, maxlen):
    kwargs = {"maxlen": maxlen, "padding": padding, "truncating": truncating}
    assert_same(pad_sequences(SEQUENCES, **kwargs), keras_pad(SEQUENCES, **kwargs))


@pytest.mark.parametrize(
    ("dtype", "value"),
    [("int32", 0.0), ("int64", -1), ("float32", 0.5), ("float64", np.nan), ("int16", 7),
     (np.uint8, 255), ("float32", -3)],
)
def test_dtype_and_value_like_keras(keras_pad, dtype, value):
    sequences = [[1.5, 2.25, 3.0 if dtype is np.uint8 else -3.0], [4.75], []]
    kwargs = {"maxlen": 4, "dtype": dtype, "value": value}
    assert_same(pad_sequences(sequences, **kwargs), keras_pad(sequences, **kwargs))


def test_numpy_inputs_and_sequences_of_vectors(keras_pad):
    arrays = [np.arange(5), np.arange(2), np.array([], dtype=int)]
    assert_same(pad_sequences(arrays, maxlen=3), keras_pad(arrays, maxlen=3))
    matrix = np.arange(12).reshape(3, 4)
    assert_same(pad_sequences(matrix, maxlen=6, padding="post"),
                keras_pad(matrix, maxlen=6, padding="post"))
    vectors = [np.ones((2, 3)), np.zeros((0, 3)), np.arange(12.0).reshape(4, 3)]
    for padding in ("pre", "post"):
        assert_same(pad_sequences(vectors, maxlen=3, dtype="float32", padding=padding),
                    keras_pad(vectors, maxlen=3, dtype="float32", padding=padding))


def test_strings_with_object_dtype(keras_pad):
    sequences = [["a", "b"], ["c"]]
    kwargs = {"maxlen": 3, "dtype": object, "value": "<pad>"}
    assert pad_sequences(sequences, **kwargs).tolist() == keras_pad(sequences, **kwargs).tolist()


def test_random_sequences_like_keras(keras_pad):
    rng = random.Random(0)
    for _ in range(50):
        sequences = [[rng.randrange(-5, 1000) for _ in range(rng.randrange(12))]
                     for _ in range(rng.randrange(1, 10))]
        kwargs = {"maxlen": rng.choice([None, 1, 4, 7, 20]), "padding": rng.choice(["pre", "post"]),
                  "truncating": rng.choice(["pre", "post"]), "value": rng.choice([0, -1, 3])}
        if all(not s for s in sequences) and kwargs["maxlen"] is None:
            kwargs["maxlen"] = 2  # Keras cannot infer a length from only empty sequences
        assert_same(pad_sequences(sequences, **kwargs), keras_pad(sequences, **kwargs))


def test_empty_inputs():
    assert pad_sequences([]).shape == (0, 0)
    assert pad_sequences([], maxlen=4).shape == (0, 4)
    assert pad_sequences([[], []]).shape == (2, 0)
    assert pad_sequences([[1, 2], [3]], maxlen=0).shape == (2, 0)
    assert pad_sequences([[], []], maxlen=2, value=9).tolist() == [[9, 9], [9, 9]]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [({"padding": "left"}, "padding must be 'pre' or 'post', got 'left'"),
     ({"truncating": "end"}, "truncating must be 'pre' or 'post', got 'end'"),
     ({"maxlen": -1}, "maxlen"),
     ({"maxlen": 2.5}, "maxlen"),
     ({"value": "x"}, "dtype")],
)
def test_bad_arguments(kwargs, fragment):
    with pytest.raises(ValueError) as error:
        pad_sequences([[1, 2]], **kwargs)
    assert fragment in str(error.value)


def test_bad_sequences():
    with pytest.raises(ValueError, match="list of sequences"):
        pad_sequences([[1], 5])
    with pytest.raises(ValueError, match="list of sequences"):
        pad_sequences(x for x in [[1]])
    with pytest.raises(ValueError, match="shape"):
        pad_sequences([np.ones((2, 3)), np.ones((2, 4))])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_items_numpy_only_casts_array_wise(keras_pad):
    """NaN into an integer dtype: fromiter refuses, the per-row path does what Keras does."""
    sequences = [[np.nan, 1.0, 2.0], [3.0]]
    assert_same(pad_sequences(sequences, maxlen=2), keras_pad(sequences, maxlen=2))
