"""Fixtures for the text tests: both Tokenizer engines and a state comparison with Keras."""

from __future__ import annotations

import pytest
from keras_preprocessing import text as keras_text

from wordvec.text import _bulk
from wordvec.text import tokenizer as tokenizer_module


@pytest.fixture(params=["bulk", "per-text"])
def engine(request, monkeypatch) -> str:
    """Run the test once with the batch engine forced on every input, once with it off."""
    if request.param == "bulk":
        monkeypatch.setattr(tokenizer_module, "FIT_BULK_MIN_CHARS", 0)
        monkeypatch.setattr(tokenizer_module, "LOOKUP_BULK_MIN_CHARS", 0)
        monkeypatch.setattr(tokenizer_module, "LOOKUP_CHARS_PER_WORD", 0)
        monkeypatch.setattr(_bulk, "CHUNK_CHARS", 64)  # many chunks: merging is exercised too
    else:
        monkeypatch.setattr(tokenizer_module, "FIT_BULK_MIN_CHARS", 10**15)
        monkeypatch.setattr(tokenizer_module, "LOOKUP_BULK_MIN_CHARS", 10**15)
    return request.param


def assert_same_state(ours, theirs) -> None:
    """Every fitted attribute equal; word_counts also in the same (first-appearance) order."""
    assert list(ours.word_counts.items()) == list(theirs.word_counts.items())
    assert dict(ours.word_docs) == dict(theirs.word_docs)
    assert ours.word_index == theirs.word_index
    assert list(ours.word_index) == list(theirs.word_index)
    assert ours.index_word == theirs.index_word
    assert dict(ours.index_docs) == dict(theirs.index_docs)
    assert ours.document_count == theirs.document_count


@pytest.fixture
def same_state():
    return assert_same_state


@pytest.fixture
def keras_tokenizer():
    """The reference class, keras_preprocessing 1.1.2's Tokenizer."""
    return keras_text.Tokenizer
