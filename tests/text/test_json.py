"""to_json / tokenizer_from_json: same JSON as keras-preprocessing, readable in both directions."""

from __future__ import annotations

import json

import numpy as np
import pytest
from keras_preprocessing import text as keras_text

from wordvec.text import Tokenizer, tokenizer_from_json

TEXTS = [
    "The cat sat on the mat.",
    "Le chat était sur le tapis, très content ! 😀",
    "the dog ate the cat's food",
    "",
    "日本語 テキスト the",
]
CONFIGS = [{}, {"num_words": 5, "oov_token": "<OOV>"}, {"char_level": True, "lower": False},
           {"filters": "", "split": "t", "document_count": 2}]


def fitted(cls, config):
    tok = cls(**config)
    tok.fit_on_texts(TEXTS)
    return tok


def parsed(json_string: str) -> dict:
    """The JSON with its inner JSON strings (the vocabulary dicts) parsed too."""
    outer = json.loads(json_string)
    config = outer["config"]
    for key in ("word_counts", "word_docs", "index_docs", "index_word", "word_index"):
        config[key] = json.loads(config[key])
    return outer


def assert_same_outputs(a, b):
    probe = TEXTS + ["an unseen sentence about the cat"]
    assert a.texts_to_sequences(probe) == b.texts_to_sequences(probe)
    sequences = b.texts_to_sequences(probe)
    assert a.sequences_to_texts(sequences) == b.sequences_to_texts(sequences)
    for mode in ("binary", "count", "tfidf", "freq"):
        assert np.array_equal(a.texts_to_matrix(probe, mode=mode), b.texts_to_matrix(probe, mode))


@pytest.mark.parametrize("config", CONFIGS, ids=repr)
def test_same_json_as_keras(config):
    ours, theirs = fitted(Tokenizer, config), fitted(keras_text.Tokenizer, config)
    assert parsed(ours.to_json()) == parsed(theirs.to_json())
    for key in ("word_counts", "word_index", "index_word"):  # ordered: the strings are equal
        assert ours.get_config()[key] == theirs.get_config()[key]
    assert ours.to_json(indent=2).startswith('{\n  "class_name": "Tokenizer"')


@pytest.mark.parametrize("config", CONFIGS, ids=repr)
def test_ours_read_by_keras(same_state, config):
    ours, theirs = fitted(Tokenizer, config), fitted(keras_text.Tokenizer, config)
    loaded = keras_text.tokenizer_from_json(ours.to_json())
    same_state(loaded, theirs)
    assert (loaded.num_words, loaded.oov_token, loaded.char_level, loaded.split) == (
        theirs.num_words, theirs.oov_token, theirs.char_level, theirs.split)
    assert_same_outputs(loaded, theirs)


@pytest.mark.parametrize("config", CONFIGS, ids=repr)
def test_keras_read_by_ours(same_state, config):
    theirs = fitted(keras_text.Tokenizer, config)
    ours = tokenizer_from_json(theirs.to_json())
    same_state(ours, keras_text.tokenizer_from_json(theirs.to_json()))
    assert isinstance(ours, Tokenizer)
    assert_same_outputs(ours, theirs)
    assert parsed(ours.to_json()) == parsed(theirs.to_json())


def test_loaded_tokenizer_keeps_fitting():
    loaded = tokenizer_from_json(fitted(Tokenizer, {}).to_json())
    loaded.fit_on_texts(["zebra zebra cat"])
    fresh = Tokenizer()
    fresh.fit_on_texts([*TEXTS, "zebra zebra cat"])
    assert loaded.word_index == fresh.word_index
    assert dict(loaded.word_docs) == dict(fresh.word_docs)
