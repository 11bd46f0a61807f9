"""Intrinsic evaluation equals gensim's evaluate_word_analogies / evaluate_word_pairs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.vectors import Vectors, load_vectors
from wordvec.vectors.evaluate import (
    benchmark_file,
    evaluate,
    evaluate_analogies,
    evaluate_pairs,
)
from wordvec.vectors.topk import batched_topk


@pytest.fixture(scope="module")
def glove30k() -> Vectors:
    return load_vectors("glove-6b-50d", limit=30000)


def _keyed(v: Vectors):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(v.dim)
    kv.add_vectors(v.vocab, np.asarray(v.matrix))
    return kv


@pytest.fixture(scope="module")
def questions_sample(tmp_path_factory) -> Path:
    """Every 6th question of each section of questions-words.txt (all sections kept)."""
    lines, kept = benchmark_file("questions-words.txt").read_text().splitlines(), []
    count = 0
    for line in lines:
        if line.startswith(": "):
            kept.append(line)
            count = 0
        else:
            if count % 6 == 0:
                kept.append(line)
            count += 1
    path = tmp_path_factory.mktemp("q") / "questions-sample.txt"
    path.write_text("\n".join(kept) + "\n")
    return path


def _gensim_sections(sections):
    return [(s["section"], len(s["correct"]), len(s["correct"]) + len(s["incorrect"]))
            for s in sections]


def test_analogies_equal_gensim(glove30k, questions_sample) -> None:
    score, sections = _keyed(glove30k).evaluate_word_analogies(str(questions_sample))
    ours = evaluate_analogies(glove30k, questions_sample)
    assert ours.accuracy == score
    assert [(s["section"], s["correct"], s["total"]) for s in ours.sections] == \
        _gensim_sections(sections[:-1])
    assert (ours.correct, ours.total) == _gensim_sections(sections[-1:])[0][1:]
    assert 0 < ours.oov < 1  # 30k words leave some questions out, as in gensim


def test_analogies_restrict_vocab_equal_gensim(glove30k, questions_sample) -> None:
    score, _ = _keyed(glove30k).evaluate_word_analogies(str(questions_sample),
                                                         restrict_vocab=5000)
    assert evaluate_analogies(glove30k, questions_sample, restrict_vocab=5000).accuracy == score


def test_case_variants_follow_gensim(tmp_path) -> None:
    """Cased vocabularies: the first form of a word counts, other forms of inputs are skipped."""
    rng = np.random.default_rng(0)
    words = ["King", "man", "woman", "queen", "Queen", "MAN", "king", "Woman", "prince",
             "paris", "france", "rome", "italy", "Italy", "ROME", "berlin", "germany"]
    matrix = rng.standard_normal((len(words), 6)).astype(np.float32)
    matrix[words.index("queen")] = (matrix[words.index("King")] - matrix[words.index("man")]
                                    + matrix[words.index("woman")])
    v = Vectors(words, matrix)
    questions = tmp_path / "q.txt"
    questions.write_text(": royal\nman king woman queen\nMAN KING WOMAN QUEEN\n"
                         "king queen man woman\n: capitals\nparis france rome italy\n"
                         "rome italy berlin germany\nparis france berlin germany\n"
                         "paris france tokyo japan\n")
    for case_insensitive in (True, False):
        score, sections = _keyed(v).evaluate_word_analogies(
            str(questions), case_insensitive=case_insensitive)
        ours = evaluate_analogies(v, questions, case_insensitive=case_insensitive)
        assert ours.accuracy == score
        assert [(s["section"], s["correct"], s["total"]) for s in ours.sections] == \
            _gensim_sections(sections[:-1])


@pytest.mark.parametrize("name", ["wordsim353.tsv", "simlex999.txt"])
@pytest.mark.parametrize("restrict", [300_000, 3000])
def test_pairs_equal_gensim(glove30k, name, restrict) -> None:
    pearson, spearman, oov = _keyed(glove30k).evaluate_word_pairs(
        str(benchmark_file(name)), restrict_vocab=restrict)
    ours = evaluate_pairs(glove30k, benchmark_file(name), restrict_vocab=restrict)
    assert ours.spearman == pytest.approx(spearman[0], abs=1e-9)
    assert ours.pearson == pytest.approx(pearson[0], abs=1e-6)
    assert ours.oov == pytest.approx(oov / 100)


def test_evaluate_bundle_shape(glove30k) -> None:
    small = glove30k.limit(3000)
    scores = evaluate(small)
    assert set(scores) == {"analogy", "wordsim353", "simlex999"}
    assert {"spearman", "pearson", "oov"} <= set(scores["wordsim353"])
    assert 0 <= scores["analogy"]["accuracy"] <= 1
    assert len(scores["analogy"]["sections"]) == 14


def test_no_usable_pairs_and_bad_questions(tmp_path) -> None:
    v = Vectors(["a", "b"], np.eye(2, dtype=np.float32))
    pairs = tmp_path / "p.tsv"
    pairs.write_text("x\ty\t1.0\n")
    with pytest.raises(VectorsError, match="no usable word pairs"):
        evaluate_pairs(v, pairs)
    questions = tmp_path / "q.txt"
    questions.write_text("a b a b\n")
    with pytest.raises(VectorsError, match="line 1: question before any ': section'"):
        evaluate_analogies(v, questions)


def test_batched_topk_equals_a_full_sort(glove30k) -> None:
    unit = glove30k.normed
    rng = np.random.default_rng(1)
    queries = unit[rng.integers(0, len(unit), 300)] + rng.normal(0, 0.3, (300, 50))
    queries = queries.astype(np.float32)
    got = batched_topk(unit, queries, 8)
    full = queries @ unit.T
    for q in range(len(queries)):
        expected = np.argsort(-full[q], kind="stable")[:8]
        np.testing.assert_allclose(full[q][got[q]], full[q][expected], rtol=1e-5)
    tiny = batched_topk(unit[:5], queries[:3], 8)
    assert tiny.shape == (3, 5) and sorted(tiny[0].tolist()) == [0, 1, 2, 3, 4]
