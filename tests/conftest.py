"""Shared fixtures: the data in ../shared/data (or $WORDVEC_SHARED_DATA) and a private cache."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """The shared data folder: ``$WORDVEC_SHARED_DATA`` or ``../shared/data`` beside the repo."""
    env = os.environ.get("WORDVEC_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; tests that need it are skipped when it is absent."""
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set WORDVEC_SHARED_DATA)")
    return path


def _archive(shared_data: Path, name: str) -> Path:
    path = shared_data / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def imdb_archive(shared_data: Path) -> Path:
    return _archive(shared_data, "aclImdb.tar.gz")


@pytest.fixture(scope="session")
def newsgroups_archive(shared_data: Path) -> Path:
    return _archive(shared_data, "20_newsgroup.tar.gz")


@pytest.fixture(scope="session")
def imdb_train_texts(imdb_archive: Path) -> list[str]:
    """The 25,000 IMDB training reviews, read by wordvec's own dataset reader."""
    from wordvec.data import load_dataset

    return load_dataset(imdb_archive).split("train").texts


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty $WORDVEC_HOME so nothing leaks between tests."""
    monkeypatch.setenv("WORDVEC_HOME", str(tmp_path_factory.mktemp("wordvec_home")))


# -- a small learnable corpus: each class has its own topical words among shared noise --
TOPICS = {
    "sport": "match goal team player coach league score season win cup",
    "money": "bank shares profit market price investor trade growth economy rate",
    "tech": "software computer phone internet chip data network digital users device",
}
NOISE = "the a of and to in is it that for on with as was said".split()


def make_corpus(per_class: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``per_class`` texts per topic: 4-12 topical words among 5-15 noise words, shuffled."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for label, words in TOPICS.items():
        vocab = words.split()
        for _ in range(per_class):
            tokens = list(rng.choice(vocab, rng.integers(4, 13))) + list(
                rng.choice(NOISE, rng.integers(5, 16))
            )
            rng.shuffle(tokens)
            texts.append(" ".join(tokens))
            labels.append(label)
    return texts, labels


@pytest.fixture(scope="session")
def corpus() -> tuple[list[str], list[str]]:
    return make_corpus(40, seed=0)


@pytest.fixture(scope="session")
def heldout() -> tuple[list[str], list[str]]:
    return make_corpus(15, seed=1)


@pytest.fixture(scope="session")
def fitted(corpus):
    from wordvec.training import TextClassifier

    return TextClassifier(vectors=None, epochs=15, batch_size=16, seed=3).fit(*corpus)


@pytest.fixture(scope="session")
def corpus_folder(corpus, tmp_path_factory) -> Path:
    """The ``corpus`` as a folder with one sub-folder per class, one file per text."""
    root = tmp_path_factory.mktemp("corpus") / "topics"
    texts, labels = corpus
    for i, (text, label) in enumerate(zip(texts, labels, strict=True)):
        (root / label).mkdir(parents=True, exist_ok=True)
        (root / label / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return root
