"""The embedded GloVe 6B 50d set: contents, speed, limit, dtype and the query API."""

from __future__ import annotations

import time

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import UnknownWordError, Vectors, load_vectors
from wordvec.vectors.registry import embedded_files


@pytest.fixture(scope="module")
def glove() -> Vectors:
    return load_vectors("glove-6b-50d")


def test_contents_match_the_package_files(glove: Vectors) -> None:
    import pyarrow.parquet as pq

    npy, parquet = embedded_files()
    words = pq.read_table(parquet).column("index").to_pylist()
    assert glove.vocab == words
    assert len(glove) == 400_000 and glove.dim == 50
    assert glove.matrix.shape == (400_000, 50)
    np.testing.assert_array_equal(glove["king"], np.load(npy)[words.index("king")])
    assert glove.index["the"] == 0 and glove.name == "glove-6b-50d"
    assert "king" in glove and "qqzzxq" not in glove


def test_load_is_quick_and_memory_mapped() -> None:
    load_vectors("glove-6b-50d")  # first load parses the parquet vocabulary and caches it
    started = time.perf_counter()
    v = load_vectors("glove-6b-50d")
    assert time.perf_counter() - started < 0.5
    assert isinstance(v.matrix, np.memmap)


def test_limit_and_float16() -> None:
    v = load_vectors("glove-6b-50d", limit=1000, dtype="float16")
    full = load_vectors("glove-6b-50d")
    assert len(v) == 1000 and v.matrix.dtype == np.float16
    np.testing.assert_array_equal(v.matrix, full.matrix[:1000].astype(np.float16))


def test_queries(glove: Vectors) -> None:
    assert glove.analogy("man", "king", "woman")[0][0] == "queen"
    top = glove.most_similar("frog", topn=5)
    assert len(top) == 5 and "frog" not in [w for w, _ in top]
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
    assert glove.doesnt_match(["breakfast", "cereal", "dinner", "lunch"]) == "cereal"
    king, queen = glove["king"], glove["queen"]
    cosine = king @ queen / np.linalg.norm(king) / np.linalg.norm(queen)
    assert glove.similarity("king", "queen") == pytest.approx(cosine, rel=1e-5)
    by_vector = glove.most_similar(glove["frog"], topn=1)
    assert by_vector[0][0] == "frog" and by_vector[0][1] == pytest.approx(1.0, abs=1e-5)


def test_unknown_word_and_name(glove: Vectors) -> None:
    with pytest.raises(UnknownWordError, match="qqzzxq"):
        glove["qqzzxq"]
    with pytest.raises(KeyError):
        glove.most_similar("qqzzxq")
    with pytest.raises(VectorsError, match="unknown vectors 'glove-nope'"):
        load_vectors("glove-nope")
