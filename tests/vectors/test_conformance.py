"""Every vector of gensim's real test files, read by wordvec, equals gensim's reading."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import load_vectors
from wordvec.vectors.formats import write_vectors

# (file, gensim keyword arguments, format wordvec must detect)
CASES = [
    ("test_glove.txt", {"no_header": True}, "glove"),
    ("high_precision.kv.txt", {}, "word2vec"),
    ("word2vec_pre_kv_c", {}, "word2vec"),
    ("high_precision.kv.bin", {"binary": True}, "word2vec-binary"),
    ("euclidean_vectors.bin", {"binary": True}, "word2vec-binary"),
    ("poincare_vectors.bin", {"binary": True}, "word2vec-binary"),
    ("lee_fasttext.vec", {}, "fasttext"),
    ("toy-model.vec", {}, "fasttext"),
    ("crime-and-punishment.vec", {}, "fasttext"),  # Cyrillic
    ("pang_lee_polarity_fasttext.vec", {"unicode_errors": "replace"}, "fasttext"),  # bad UTF-8
    ("w2v_keyedvectors_load_test.modeldata", {"unicode_errors": "replace"}, "word2vec"),
]


def _gensim(path, **kwargs):
    from gensim.models import KeyedVectors

    return KeyedVectors.load_word2vec_format(str(path), **kwargs)


@pytest.mark.parametrize(("name", "kwargs", "fmt"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("cache", [False, True], ids=["parse", "cache"])
def test_same_words_and_vectors_as_gensim(gensim_data, name, kwargs, fmt, cache) -> None:
    expected = _gensim(gensim_data / name, **kwargs)
    ours = load_vectors(gensim_data / name, cache=cache)
    again = load_vectors(gensim_data / name, cache=cache)
    for v in (ours, again):
        assert v.report.format == fmt
        assert v.vocab == expected.index_to_key
        assert v.matrix.dtype == np.float32
        np.testing.assert_array_equal(v.matrix, expected.vectors)
    assert again.report.cached is cache


def test_invalid_utf8_is_repaired_and_counted(gensim_data) -> None:
    v = load_vectors(gensim_data / "pang_lee_polarity_fasttext.vec", cache=False)
    assert v.report.repaired == sum("\ufffd" in word for word in v.vocab) > 0
    strict = load_vectors(gensim_data / "crime-and-punishment.vec", cache=False)
    assert strict.report.repaired == 0 and "и" in strict


def test_header_with_too_few_rows(gensim_data) -> None:
    path = gensim_data / "pretrained.vec"  # says 3 rows, holds 1: gensim refuses it too
    with pytest.raises(VectorsError, match="header announces 3 rows, file ends after 1"):
        load_vectors(path, cache=False)
    assert load_vectors(path, cache=False, on_error="skip").vocab == ["dummy"]


def test_fasttext_model_bin_is_refused_clearly(gensim_data) -> None:
    with pytest.raises(VectorsError, match="fastText model"):
        load_vectors(gensim_data / "toy-model.bin", cache=False)


@pytest.mark.parametrize(
    ("suffix", "gensim_kwargs"),
    [(".txt", {"no_header": True}), (".w2v", {}), (".vec", {}), (".bin", {"binary": True}),
     (".txt.gz", {"no_header": True}), (".bin.bz2", {"binary": True})],
)
def test_written_files_read_back_by_gensim(gensim_data, tmp_path, suffix, gensim_kwargs) -> None:
    source = load_vectors(gensim_data / "crime-and-punishment.vec", cache=False)
    out = tmp_path / f"converted{suffix}"
    write_vectors(out, source.vocab, source.matrix)
    theirs = _gensim(out, **gensim_kwargs)
    assert theirs.index_to_key == source.vocab
    np.testing.assert_array_equal(theirs.vectors, source.matrix)  # float32 survives text
    mine = load_vectors(out, cache=False)
    np.testing.assert_array_equal(mine.matrix, source.matrix)
