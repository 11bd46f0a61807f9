"""train_word2vec: classifier tokenisation, gensim conformance, repeatability, progress, errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest

from wordvec.errors import VectorsError
from wordvec.text import Tokenizer
from wordvec.vectors import load_vectors
from wordvec.vectors.formats import write_vectors
from wordvec.vectors.train import _stable_hash, tokenize_corpus, train_word2vec

TOPICS = {
    "sport": "match goal team player coach league score season win cup".split(),
    "money": "bank shares profit market price investor trade growth economy rate".split(),
    "tech": "software computer phone internet chip data network digital users device".split(),
}
NOISE = "the a of and to in is it that for on with as was said".split()
PUNCT = [",", ".", "!", "?", ";"]


def topic_texts(n: int, seed: int = 0) -> list[str]:
    """``n`` texts, each 6-10 words of one topic among 3-6 noise words, some capitalised and
    followed by punctuation (which the classifier's tokenizer strips)."""
    rng = np.random.default_rng(seed)
    names = list(TOPICS)
    texts = []
    for i in range(n):
        words = list(rng.choice(TOPICS[names[i % 3]], rng.integers(6, 11)))
        words += list(rng.choice(NOISE, rng.integers(3, 7)))
        rng.shuffle(words)
        texts.append(" ".join(w.capitalize() + rng.choice(PUNCT) if rng.random() < 0.2 else w
                              for w in words))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return topic_texts(600)


@pytest.fixture(scope="module")
def trained(texts):
    return train_word2vec(texts, dim=16, window=4, min_count=1, epochs=10, workers=1, seed=1)


def test_words_are_the_classifier_tokenizers(texts, trained) -> None:
    tok = Tokenizer()
    tok.fit_on_texts(texts)
    assert set(trained.vocab) == set(tok.word_index)  # lower-cased, punctuation stripped
    counts = [tok.word_counts[w] for w in trained.vocab]
    assert counts == sorted(counts, reverse=True)  # most frequent first
    rare = train_word2vec(texts, dim=8, min_count=175, epochs=1, workers=1)
    assert set(rare.vocab) == {w for w, c in tok.word_counts.items() if c >= 175}
    assert 0 < len(rare) < len(trained)


def test_topics_become_neighbourhoods(trained) -> None:
    topic_of = {w: t for t, words in TOPICS.items() for w in words}
    hits = [sum(topic_of.get(n) == topic_of[w] for n, _ in trained.most_similar(w, topn=5))
            for w in topic_of]
    assert np.mean(hits) >= 4.0  # of 5 neighbours, on average at least 4 share the topic
    same = trained.similarity("goal", "coach")
    assert same > trained.similarity("goal", "bank") + 0.2


@pytest.mark.parametrize("sg", [True, False])
def test_equals_gensim_with_the_same_settings(texts, sg) -> None:
    from gensim.models import Word2Vec

    ours = train_word2vec(texts, sg=sg, dim=12, window=3, min_count=2, epochs=3, negative=4,
                          workers=1, seed=7)
    ref = Word2Vec(tokenize_corpus(texts), vector_size=12, window=3, min_count=2, epochs=3,
                   negative=4, sg=int(sg), workers=1, seed=7, hashfxn=_stable_hash)
    assert ours.vocab == ref.wv.index_to_key
    np.testing.assert_array_equal(ours.matrix, ref.wv.vectors)


def test_one_worker_is_repeatable_across_processes(texts, trained) -> None:
    again = train_word2vec(texts, dim=16, window=4, min_count=1, epochs=10, workers=1, seed=1)
    np.testing.assert_array_equal(again.matrix, trained.matrix)
    other = train_word2vec(texts, dim=16, window=4, min_count=1, epochs=10, workers=1, seed=2)
    assert not np.array_equal(other.matrix, trained.matrix)
    # Python's str hash differs between processes; the initial vectors must not depend on it
    code = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
        "from test_train import topic_texts; from wordvec.vectors.train import train_word2vec;"
        "v = train_word2vec(topic_texts(600), dim=16, window=4, min_count=1, epochs=10,"
        " workers=1, seed=1);"
        "print(hashlib.sha256(v.matrix.tobytes()).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    done = subprocess.run([sys.executable, "-c", code, os.path.dirname(__file__)], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == hashlib.sha256(trained.matrix.tobytes()).hexdigest()


def test_progress_counts_every_text_of_every_pass(texts) -> None:
    calls = []
    train_word2vec(texts, dim=8, min_count=1, epochs=3, workers=1,
                   progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = [c[0] for c in calls]
    assert stages[0] == "vocabulary" and stages[-1] == "training"
    assert stages == sorted(stages, key=["vocabulary", "training"].index)
    for stage, passes in (("vocabulary", 1), ("training", 3)):
        done = [d for s, d, _ in calls if s == stage]
        assert done == sorted(done) and done[-1] == len(texts) * passes
        assert {t for s, _, t in calls if s == stage} == {len(texts) * passes}


def test_round_trips_through_word2vec_files(trained, tmp_path) -> None:
    for name in ("w2v.bin", "w2v.txt"):
        write_vectors(tmp_path / name, trained.vocab, trained.matrix,
                      format="word2vec-binary" if name.endswith(".bin") else "word2vec")
        loaded = load_vectors(tmp_path / name)
        assert loaded.vocab == trained.vocab
        np.testing.assert_array_equal(loaded.matrix, trained.matrix)


def test_report_and_name(trained, texts) -> None:
    assert trained.name == "word2vec-sg-16d" and trained.dim == 16
    tokens = sum(len(t) for t in tokenize_corpus(texts))
    assert f"on {len(texts):,} texts, {tokens:,} words" in trained.report.notes[0]
    assert trained.matrix.dtype == np.float32 and trained.matrix.flags.writeable


def test_tokenize_corpus_shares_strings() -> None:
    sentences = tokenize_corpus(["Good film, GOOD!", "good"])
    assert sentences == [["good", "film", "good"], ["good"]]
    assert sentences[0][0] is sentences[0][2] is sentences[1][0]
    assert Counter(w for s in sentences for w in s)["good"] == 3


@pytest.mark.parametrize(("texts", "kwargs", "fragment"), [
    ([], {}, "empty corpus: no words in 0 texts"),
    (["...", "!!", ""], {}, "empty corpus: no words in 3 texts"),
    (["a b c"] * 3, {"min_count": 5}, "no word occurs at least min_count=5 times (3 distinct"),
    (["a b"], {"dim": 0}, "dim must be a whole number of at least 1, got 0"),
    (["a b"], {"negative": 0}, "negative must be"),
    (["a b", 3], {}, "texts must be strings, got int"),
    ("a b", {}, "not a single string"),
])
def test_bad_input_is_one_clear_error(texts, kwargs, fragment) -> None:
    with pytest.raises(VectorsError) as info:
        train_word2vec(texts, workers=1, **kwargs)
    assert fragment in str(info.value) and "\n" not in str(info.value)
