"""Tokenizer conformance with keras-preprocessing on edge cases, with both engines."""

from __future__ import annotations

import random

import numpy as np
import pytest
from keras_preprocessing import text as keras_text

from wordvec.text import Tokenizer, _bulk, text_to_word_sequence

EDGE_TEXTS = [
    "",
    " ",
    "   \t\n  ",
    "!!! ... ???",
    "The cat sat on the mat. THE CAT!",
    "Héllo wörld, ÉCOLE élève Ça",
    "日本語のテキスト 中文 한국어",
    "emoji 😀 🎉! 👍🏽 and 🇫🇷",
    "tabs\tand\nnewlines\r\nand\x0bvertical\x0cfeed",
    "nul\x00byte and \x1funit",
    "ΟΔΟΣ Σ ΑΣ σοφός",
    "İstanbul STRASSE ß ﬁne",
    "don't won't rock'n'roll",
    "a--b a_b a/b a.b",
    "no\xa0break\u2003em\u200bzero\u3000ideographic",
    "numbers 123 4.5 1,000 42",
    "the the the cat",
    "  leading and trailing  ",
]

CONFIGS = [
    {},
    {"num_words": 6, "oov_token": "<OOV>"},
    {"num_words": 6},
    {"oov_token": "the"},  # an oov token that is also a word of the texts
    {"oov_token": "<unk>", "num_words": 1},
    {"lower": False},
    {"char_level": True},
    {"char_level": True, "lower": False, "num_words": 10, "oov_token": "?"},
    {"split": "a"},
    {"split": "/", "filters": ""},
    {"filters": "", "lower": False},
    {"filters": "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\néß"},  # non-ASCII filters
    {"filters": "A", "lower": True},  # lower-casing happens before filtering
    {"split": "ab"},  # a multi-character separator
    {"split": "é"},  # a non-ASCII separator
    {"filters": list("., ")},
]


def fitted_pair(texts, **config):
    ours, theirs = Tokenizer(**config), keras_text.Tokenizer(**config)
    ours.fit_on_texts(texts)
    theirs.fit_on_texts(texts)
    return ours, theirs


@pytest.mark.parametrize("config", CONFIGS, ids=repr)
def test_fit_and_encode_like_keras(engine, same_state, config):
    ours, theirs = fitted_pair(EDGE_TEXTS, **config)
    same_state(ours, theirs)
    probe = EDGE_TEXTS + ["unseen words here", "the cat ÉCOLE 😀"]
    assert ours.texts_to_sequences(probe) == theirs.texts_to_sequences(probe)
    assert list(ours.texts_to_sequences_generator(probe)) == theirs.texts_to_sequences(probe)
    sequences = theirs.texts_to_sequences(probe) + [[0, 1, 2, 3, 99]]
    assert ours.sequences_to_texts(sequences) == theirs.sequences_to_texts(sequences)


@pytest.mark.parametrize("mode", ["binary", "count", "tfidf", "freq"])
@pytest.mark.parametrize("num_words", [None, 5])
def test_texts_to_matrix_like_keras(engine, mode, num_words):
    ours, theirs = fitted_pair(EDGE_TEXTS, num_words=num_words)
    expected = theirs.texts_to_matrix(EDGE_TEXTS, mode=mode)
    got = ours.texts_to_matrix(EDGE_TEXTS, mode=mode)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert np.array_equal(got, expected)


def test_incremental_fits_like_keras(engine, same_state):
    ours, theirs = fitted_pair(EDGE_TEXTS[:8], oov_token="<OOV>")
    ours.fit_on_texts(EDGE_TEXTS[8:])
    theirs.fit_on_texts(EDGE_TEXTS[8:])
    same_state(ours, theirs)
    assert ours.texts_to_sequences(EDGE_TEXTS) == theirs.texts_to_sequences(EDGE_TEXTS)


def test_token_lists_generators_and_mixed_inputs(engine, same_state):
    texts = ["Some Text here", ["Already", "split", "TEXT"], "more text, MORE", []]
    ours, theirs = Tokenizer(num_words=5, oov_token="?"), keras_text.Tokenizer(5, oov_token="?")
    ours.fit_on_texts(iter(texts))
    theirs.fit_on_texts(texts)
    same_state(ours, theirs)
    assert ours.texts_to_sequences(iter(texts)) == theirs.texts_to_sequences(texts)


def test_unencodable_text_falls_back(engine, same_state):
    texts = ["lone \ud800 surrogate here", "plain text", "x" * 50]
    ours, theirs = fitted_pair(texts)
    same_state(ours, theirs)
    assert ours.texts_to_sequences(texts) == theirs.texts_to_sequences(texts)


def test_oov_token_missing_from_word_index(engine):
    """Keras emits None for unknown words when oov_token is not in word_index; so do we."""
    ours, theirs = Tokenizer(oov_token="?"), keras_text.Tokenizer(oov_token="?")
    ours.word_index = theirs.word_index = {"a": 1, "b": 2}
    texts = ["a b c", "c a"]
    assert ours.texts_to_sequences(texts) == theirs.texts_to_sequences(texts) == [
        [1, 2, None], [None, 1]
    ]


def test_word_index_with_a_non_string_key(engine):
    """The batch engine cannot hold such a key; it hands over to the per-text path."""
    ours, theirs = Tokenizer(num_words=3), keras_text.Tokenizer(num_words=3)
    ours.word_index = theirs.word_index = {"a": 1, 7: 2, "b": 3}
    texts = ["a b 7 a", "b"]
    assert ours.texts_to_sequences(texts) == theirs.texts_to_sequences(texts) == [[1, 1], []]


def test_hand_edited_word_index_is_honoured(engine):
    """Seed code trims word_index by hand (the known Keras num_words work-around)."""
    ours, theirs = fitted_pair(EDGE_TEXTS, oov_token="<OOV>")
    for tok in (ours, theirs):
        tok.word_index = {w: i for w, i in tok.word_index.items() if i <= 5}
        tok.word_index[tok.oov_token] = 6
    assert ours.texts_to_sequences(EDGE_TEXTS) == theirs.texts_to_sequences(EDGE_TEXTS)


def test_analyzer_replaces_the_split_rules(engine):
    tok = Tokenizer(analyzer=lambda text: text.split("|"))
    tok.fit_on_texts(["A|b|b", "b|c"])
    assert tok.word_index == {"b": 1, "A": 2, "c": 3}
    assert tok.texts_to_sequences(["c|A|z"]) == [[3, 2]]
    assert "analyzer" not in tok.get_config()


@pytest.mark.parametrize("mode", ["binary", "count", "tfidf", "freq"])
def test_fit_on_sequences_and_sequences_to_matrix(mode):
    sequences = [[1, 2, 2, 3], [], [3, 3, 3, 7, 12], [0, 1]]
    ours, theirs = Tokenizer(num_words=10), keras_text.Tokenizer(num_words=10)
    ours.fit_on_sequences(sequences)
    theirs.fit_on_sequences(sequences)
    assert dict(ours.index_docs) == dict(theirs.index_docs)
    assert ours.document_count == theirs.document_count == 4
    assert np.array_equal(ours.sequences_to_matrix(sequences, mode=mode),
                          theirs.sequences_to_matrix(sequences, mode=mode))


def test_matrix_errors():
    with pytest.raises(ValueError, match="num_words"):
        Tokenizer().sequences_to_matrix([[1]])
    with pytest.raises(ValueError, match="tfidf"):
        Tokenizer(num_words=3).sequences_to_matrix([[1]], mode="tfidf")
    tok = Tokenizer(num_words=3)
    with pytest.raises(ValueError, match="'tf'"):
        tok.sequences_to_matrix([[1]], mode="tf")
    with pytest.raises(ValueError, match="-1"):
        tok.sequences_to_matrix([[1, -1]], mode="count")


def test_constructor_arguments():
    with pytest.warns(UserWarning, match="num_words"):
        assert Tokenizer(nb_words=7).num_words == 7
    with pytest.raises(TypeError, match="bogus"):
        Tokenizer(bogus=1)
    assert Tokenizer(document_count=3).document_count == 3


@pytest.mark.parametrize("text", EDGE_TEXTS)
@pytest.mark.parametrize("config", [{}, {"lower": False}, {"filters": "", "split": "t"}])
def test_text_to_word_sequence_like_keras(text, config):
    assert text_to_word_sequence(text, **config) == keras_text.text_to_word_sequence(text, **config)


def test_bulk_engine_really_runs(engine, monkeypatch):
    """Guard for the fixture: the 'bulk' runs go through the batch engine, the others do not."""
    calls = []
    for name in ("add", "flush"):
        original = getattr(_bulk.Counts, name)
        monkeypatch.setattr(_bulk.Counts, name,
                            lambda self, *a, _f=original, _n=name: calls.append(_n) or _f(self, *a))
    original_call = _bulk.Lookup.__call__
    monkeypatch.setattr(_bulk.Lookup, "__call__",
                        lambda self, tokens: calls.append("lookup") or original_call(self, tokens))
    tok = Tokenizer(oov_token="?")
    tok.fit_on_texts(EDGE_TEXTS)
    tok.texts_to_sequences(EDGE_TEXTS)
    used = {"add", "lookup"} & set(calls)
    assert used == ({"add", "lookup"} if engine == "bulk" else set())


ALPHABET = list("abcAB z'0!.,-\t\n\r") + ["é", "É", "ß", "Σ", "İ", "日", "😀", "\xa0", "\u200b"]
RANDOM_CONFIGS = [{}, {"num_words": 4, "oov_token": "!"}, {"lower": False},
                  {"split": "z", "num_words": 3}, {"filters": "a'é"}]


def random_texts(rng: random.Random) -> list[str]:
    return ["".join(rng.choices(ALPHABET, k=rng.randrange(30))) for _ in range(rng.randrange(8))]


@pytest.mark.parametrize("seed", range(40))
def test_random_texts_like_keras(engine, same_state, seed):
    """Property test (seeded, no extra dependency): random texts from a nasty alphabet."""
    rng = random.Random(seed)
    texts, probe = random_texts(rng), random_texts(rng)
    config = RANDOM_CONFIGS[seed % len(RANDOM_CONFIGS)]
    ours, theirs = fitted_pair(texts, **config)
    same_state(ours, theirs)
    assert ours.texts_to_sequences(probe) == theirs.texts_to_sequences(probe)
    for text in probe:
        assert text_to_word_sequence(text) == keras_text.text_to_word_sequence(text)
