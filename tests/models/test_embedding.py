"""embedding_matrix against the seeds' loop, OOV policies, case fallback and coverage."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.models.embedding import Coverage, embedding_matrix
from wordvec.vectors import Vectors, load_vectors


@pytest.fixture(scope="module")
def glove() -> Vectors:
    return load_vectors("glove-6b-50d")


def _seeds_matrix(word_index, embeddings_index, max_words, dim):
    """The seeds' code, verbatim in spirit: zeros, then copy the vectors found."""
    matrix = np.zeros((max_words, dim))
    for word, i in word_index.items():
        if i < max_words:
            vector = embeddings_index.get(word)
            if vector is not None:
                matrix[i] = vector
    return matrix


def _word_index(glove: Vectors) -> dict[str, int]:
    words = glove.vocab[100:3100:3] + ["qqzzxq", "notawordzz", "xxyyzzw"]
    rng = np.random.default_rng(1)
    order = rng.permutation(len(words))
    return {words[j]: k + 1 for k, j in enumerate(order)}


@pytest.mark.parametrize("num_words", [None, 500, 5000])
def test_equals_the_seeds_loop(glove: Vectors, num_words: int | None) -> None:
    word_index = _word_index(glove)
    embeddings_index = {w: glove[w] for w in word_index if w in glove}
    rows = len(word_index) + 1 if num_words is None else min(num_words, len(word_index) + 1)
    matrix, coverage = embedding_matrix(word_index, glove, num_words, lowercase_fallback=False)
    expected = _seeds_matrix(word_index, embeddings_index, rows, glove.dim)
    assert matrix.dtype == np.float32
    assert matrix.shape == (rows, glove.dim)
    np.testing.assert_array_equal(matrix, expected.astype(np.float32))
    in_range = [w for w, i in word_index.items() if i < rows]
    assert coverage.words_total == len(in_range)
    assert coverage.words_found == sum(w in embeddings_index for w in in_range)


def test_dict_input_behaves_like_vectors(glove: Vectors) -> None:
    word_index = _word_index(glove)
    as_dict = {w: glove[w] for w in glove.vocab[:5000]}
    a, _ = embedding_matrix(word_index, as_dict)
    b, _ = embedding_matrix(word_index, glove.limit(5000))
    np.testing.assert_array_equal(a, b)


def test_oov_policies(glove: Vectors) -> None:
    word_index = {"the": 1, "qqzzxq": 2, "notawordzz": 3}
    zeros, _ = embedding_matrix(word_index, glove)
    assert not zeros[2:].any() and not zeros[0].any()
    mean, _ = embedding_matrix(word_index, glove, oov="mean")
    np.testing.assert_allclose(mean[2], np.asarray(glove.matrix, dtype=np.float64).mean(axis=0),
                               rtol=1e-5, atol=1e-6)
    assert not mean[0].any()
    big = {f"missing{i}": i + 1 for i in range(4000)}
    rnd, _ = embedding_matrix(big, glove, oov="random", seed=3)
    values = np.asarray(glove.matrix, dtype=np.float64)
    assert abs(rnd[1:].mean() - values.mean()) < 0.01
    assert abs(rnd[1:].std() - values.std()) < 0.01
    again, _ = embedding_matrix(big, glove, oov="random", seed=3)
    other, _ = embedding_matrix(big, glove, oov="random", seed=4)
    np.testing.assert_array_equal(rnd, again)
    assert not np.array_equal(rnd, other)
    assert not rnd[0].any()


def test_lowercase_fallback_both_ways() -> None:
    words = ["Paris", "paris", "London", "the"]
    cased = Vectors(words, np.arange(8, dtype="float32").reshape(4, 2))
    matrix, coverage = embedding_matrix({"london": 1, "PARIS": 2, "The": 3, "rome": 4}, cased)
    np.testing.assert_array_equal(matrix[1], cased["London"])  # case-insensitive match
    np.testing.assert_array_equal(matrix[2], cased["paris"])  # lowercased first
    np.testing.assert_array_equal(matrix[3], cased["the"])
    assert coverage.words_found == 3
    strict, coverage = embedding_matrix({"london": 1, "PARIS": 2}, cased, lowercase_fallback=False)
    assert not strict.any() and coverage.words_found == 0


def test_coverage_counts_tokens_and_ranks_missing(glove: Vectors) -> None:
    counts = {"the": 50, "qqzzxq": 7, "notawordzz": 9, "king": 4, "zzout": 100}
    word_index = {"the": 1, "notawordzz": 2, "qqzzxq": 3, "king": 4, "zzout": 5}
    _, coverage = embedding_matrix(word_index, glove, num_words=5, word_counts=counts)
    assert isinstance(coverage, Coverage)
    assert (coverage.words_total, coverage.words_found) == (4, 2)
    assert (coverage.tokens_total, coverage.tokens_found) == (70, 54)
    assert coverage.top_missing == [("notawordzz", 9), ("qqzzxq", 7)]
    assert coverage.token_share == pytest.approx(54 / 70)
    text = str(coverage)
    assert "50.0% of 4 words" in text and "77.1% of 70 tokens" in text and "notawordzz (9)" in text
    assert coverage.to_dict()["top_missing"] == [["notawordzz", 9], ["qqzzxq", 7]]


def test_top_missing_keeps_twenty(glove: Vectors) -> None:
    word_index = {f"zzmiss{i}": i + 1 for i in range(30)}
    counts = {f"zzmiss{i}": i for i in range(30)}
    _, coverage = embedding_matrix(word_index, glove, word_counts=counts)
    assert [c for _, c in coverage.top_missing] == list(range(29, 9, -1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"oov": "nope"}, "unknown OOV policy 'nope'"), ({"num_words": 0}, "num_words")],
)
def test_bad_arguments(glove: Vectors, kwargs: dict, message: str) -> None:
    with pytest.raises(VectorsError, match=message):
        embedding_matrix({"the": 1}, glove, **kwargs)


def test_module_does_not_import_keras() -> None:
    code = ("import sys, wordvec.models.embedding, wordvec.vectors; "
            "print(any(m in sys.modules for m in ('keras', 'jax', 'tensorflow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
