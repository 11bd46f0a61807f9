"""Hashed n-gram features: deterministic, equal to a plain-Python reference, pruned and numbered
by document frequency; punctuation kept as tokens."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec.text import Tokenizer
from wordvec.text.ngrams import NgramFeatures, Ragged, gather_positions, ngram_ids
from wordvec.text.punctuation import filters_keeping, space_punctuation

MASK = (1 << 64) - 1


def reference_hash(gram: list[int]) -> int:
    """The documented hash, written out with Python integers (no numpy)."""
    h = (gram[0] * 0x9E3779B97F4A7C15) & MASK
    for a in gram[1:]:
        h = ((h + a) * 0xBF58476D1CE4E5B9) & MASK
    return h ^ (h >> 29)


def reference_features(seq: list[int], vocab_size: int, ngrams: int, buckets: int) -> list[int]:
    """Distinct words and hashed n-grams of one text, sorted."""
    features = set(seq)
    for n in range(2, ngrams + 1):
        for i in range(len(seq) - n + 1):
            features.add(vocab_size + reference_hash(seq[i:i + n]) % buckets)
    return sorted(features)


@pytest.fixture(scope="module")
def sequences() -> list[list[int]]:
    rng = np.random.default_rng(0)
    lengths = [0, 1, 2, 3, 5, 40, 7, 300, 2, 0, 64] + list(rng.integers(0, 120, 200))
    return [rng.integers(1, 50, n).tolist() for n in lengths]


@pytest.mark.parametrize(("ngrams", "buckets"), [(1, 7), (2, 1 << 20), (3, 1000), (4, 97)])
def test_features_match_the_reference(sequences, ngrams, buckets):
    bags = ngram_ids(sequences, 50, ngrams, buckets)
    assert bags.lengths.tolist() == [len(reference_features(s, 50, ngrams, buckets))
                                     for s in sequences]
    for i, seq in enumerate(sequences):
        assert bags.row(i).tolist() == reference_features(seq, 50, ngrams, buckets)


def test_hashing_is_deterministic_and_order_sensitive():
    first = ngram_ids([[3, 7, 9]], 10, 3, 1 << 22).values.tolist()
    assert first == ngram_ids([[3, 7, 9]], 10, 3, 1 << 22).values.tolist()
    assert set(first) != set(ngram_ids([[9, 7, 3]], 10, 3, 1 << 22).values.tolist())
    # same words, same id whatever else is in the batch
    alone = ngram_ids([[1, 2]], 10, 2, 1 << 22).row(0)
    among = ngram_ids([[5, 5, 5, 5], [1, 2], []], 10, 2, 1 << 22).row(1)
    assert alone.tolist() == among.tolist()


def test_bad_word_ids_and_spaces_are_refused():
    with pytest.raises(ValueError, match="word ids must be in 1..9"):
        ngram_ids([[1, 10]], 10, 2, 100)
    with pytest.raises(ValueError, match="below 2..31"):
        ngram_ids([[1]], 10, 2, 2**31)
    with pytest.raises(ValueError, match="ngrams must be at least 1"):
        ngram_ids([[1]], 10, 0, 100)


def test_ragged_take_and_gather_positions():
    bags = Ragged(np.arange(10, 16, dtype=np.int32), np.array([2, 0, 3, 1]))
    taken = bags.take([3, 2, 1, 0, 2])
    assert taken.values.tolist() == [15, 12, 13, 14, 10, 11, 12, 13, 14]
    assert taken.lengths.tolist() == [1, 3, 0, 2, 3]
    assert gather_positions(np.array([5, 0]), np.array([0, 2])).tolist() == [0, 1]


def test_features_keep_min_df_and_number_by_frequency():
    texts = [[1, 2, 3], [1, 2], [1], [4]]
    features = NgramFeatures(vocab_size=5, ngrams=2, buckets=1 << 20, min_df=2)
    bags = features.fit_transform(texts)
    # kept: word 1 (3 texts), word 2 (2 texts), bigram (1 2) (2 texts); numbered in that order
    bigram = 5 + reference_hash([1, 2]) % (1 << 20)
    assert features.kept.tolist() == [1, 2, bigram]
    assert features.size == 4
    assert [sorted(bags.row(i).tolist()) for i in range(4)] == [[1, 2, 3], [1, 2, 3], [1], []]
    again = features.transform([[2, 1, 4]])
    assert sorted(again.values.tolist()) == [1, 2]  # (2 1), (1 4) and 4 are not kept


def test_max_features_keeps_the_most_frequent():
    texts = [[1, 2], [1, 3], [1, 2], [2]]
    features = NgramFeatures(vocab_size=4, ngrams=1, buckets=1, min_df=1, max_features=2)
    features.fit(texts)
    assert features.kept.tolist() == [1, 2]


def test_transform_by_length_agrees_with_transform(sequences):
    features = NgramFeatures(vocab_size=50, ngrams=3, buckets=1 << 16, min_df=2)
    features.fit(sequences[: len(sequences) // 2])
    expected = features.transform(sequences)
    bags, order = features.transform_by_length(sequences)
    assert sorted(order.tolist()) == list(range(len(sequences)))
    assert np.all(np.diff([len(sequences[i]) for i in order]) >= 0)
    for row, text in enumerate(order):
        assert sorted(bags.row(row).tolist()) == sorted(expected.row(int(text)).tolist())


def test_features_rebuild_from_config_and_kept(sequences):
    features = NgramFeatures(vocab_size=50, ngrams=2, buckets=1 << 12, min_df=3)
    features.fit(sequences)
    rebuilt = NgramFeatures(**features.get_config(), kept=features.kept)
    a, b = features.transform(sequences), rebuilt.transform(sequences)
    np.testing.assert_array_equal(a.values, b.values)
    np.testing.assert_array_equal(a.lengths, b.lengths)
    with pytest.raises(ValueError, match="not fitted"):
        NgramFeatures(vocab_size=50).transform(sequences)
    with pytest.raises(ValueError, match="distinct"):
        NgramFeatures(vocab_size=50, kept=np.array([3, 3]))


def test_punctuation_marks_become_tokens():
    texts = space_punctuation(["Great!!", "Dull. Really?"], "!?.")
    tok = Tokenizer(filters=filters_keeping("!?."))
    tok.fit_on_texts(texts)
    spaced = space_punctuation(["dull!"], "!?.")
    assert tok.texts_to_sequences(spaced) == [[tok.word_index["dull"], tok.word_index["!"]]]
    assert space_punctuation(["a,b"], "") == ["a,b"]
    assert "," in filters_keeping("!?.") and "." not in filters_keeping("!?.")
