"""Shared fixtures: the data in ../shared/data (or $WORDVEC_SHARED_DATA) and a private cache."""

from __future__ import annotations

import os
from pathlib import Path

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


@pytest.fixture(scope="session")
def imdb_archive(shared_data: Path) -> Path:
    path = shared_data / "aclImdb.tar.gz"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def newsgroups_archive(shared_data: Path) -> Path:
    path = shared_data / "20_newsgroup.tar.gz"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def imdb_train_texts(imdb_archive: Path) -> list[str]:
    """The 25,000 IMDB training reviews, read by wordvec's own dataset reader."""
    from wordvec.data import load_dataset

    return load_dataset(imdb_archive).split("train").texts


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty $WORDVEC_HOME so nothing leaks between tests."""
    monkeypatch.setenv("WORDVEC_HOME", str(tmp_path_factory.mktemp("wordvec_home")))
