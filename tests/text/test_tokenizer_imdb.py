"""Conformance with keras-preprocessing on the 25,000 IMDB training reviews (shared data)."""

from __future__ import annotations

import numpy as np
import pytest
from keras_preprocessing import text as keras_text

from wordvec.text import Tokenizer, _bulk
from wordvec.text import tokenizer as tokenizer_module

CONFIGS = {"default": {}, "num_words+oov": {"num_words": 10_000, "oov_token": "<OOV>"}}


@pytest.fixture(scope="module")  # module: frees their ~250 MB after these tests
def keras_fits(imdb_train_texts):
    """Keras' tokenizer and sequences for each config, computed once (about 10 s)."""
    fits = {}
    for name, config in CONFIGS.items():
        tok = keras_text.Tokenizer(**config)
        tok.fit_on_texts(imdb_train_texts)
        fits[name] = tok, tok.texts_to_sequences(imdb_train_texts)
    return fits


@pytest.mark.parametrize("name", CONFIGS)
def test_full_imdb_like_keras(imdb_train_texts, keras_fits, same_state, name):
    theirs, expected = keras_fits[name]
    ours = Tokenizer(**CONFIGS[name])
    ours.fit_on_texts(imdb_train_texts)
    same_state(ours, theirs)
    assert ours.texts_to_sequences(imdb_train_texts) == expected


def test_full_imdb_in_small_chunks(imdb_train_texts, keras_fits, same_state, monkeypatch):
    """33 chunks instead of 4: counts merged across chunks stay in first-appearance order."""
    monkeypatch.setattr(_bulk, "CHUNK_CHARS", 1 << 20)
    theirs, expected = keras_fits["num_words+oov"]
    ours = Tokenizer(**CONFIGS["num_words+oov"])
    ours.fit_on_texts(imdb_train_texts)
    same_state(ours, theirs)
    assert ours.texts_to_sequences(imdb_train_texts) == expected


def test_imdb_reviews_per_text_path(imdb_train_texts, monkeypatch):
    monkeypatch.setattr(tokenizer_module, "FIT_BULK_MIN_CHARS", 10**15)
    monkeypatch.setattr(tokenizer_module, "LOOKUP_BULK_MIN_CHARS", 10**15)
    texts = imdb_train_texts[:3000]
    ours = Tokenizer(num_words=2000, oov_token="?")
    theirs = keras_text.Tokenizer(num_words=2000, oov_token="?")
    ours.fit_on_texts(texts)
    theirs.fit_on_texts(texts)
    assert list(ours.word_counts.items()) == list(theirs.word_counts.items())
    assert ours.texts_to_sequences(texts) == theirs.texts_to_sequences(texts)


@pytest.fixture(scope="module")
def ours_oov(imdb_train_texts):
    tok = Tokenizer(**CONFIGS["num_words+oov"])
    tok.fit_on_texts(imdb_train_texts)
    return tok


@pytest.mark.parametrize("mode", ["binary", "count", "tfidf", "freq"])
def test_imdb_matrices_like_keras(imdb_train_texts, keras_fits, ours_oov, mode):
    theirs, _ = keras_fits["num_words+oov"]
    subset = imdb_train_texts[:300]
    expected = theirs.texts_to_matrix(subset, mode=mode)
    assert expected.shape == (300, 10_000)
    assert np.array_equal(ours_oov.texts_to_matrix(subset, mode=mode), expected)


def test_imdb_sequences_back_to_texts(keras_fits, ours_oov):
    theirs, expected = keras_fits["num_words+oov"]
    sequences = expected[:500] + [[0, 1, 9_999, 10_000, 88_000]]
    assert ours_oov.sequences_to_texts(sequences) == theirs.sequences_to_texts(sequences)
