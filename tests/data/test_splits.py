"""Held-out, validation and seed-000 sample splits: seeded, stratified, partitions."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from wordvec.data import load_dataset


def _all(ds):
    pairs = []
    for name in ds.splits:
        split = ds.split(name)
        pairs += zip(split.texts, split.labels, strict=True)
    return sorted(pairs)


def test_hold_out_is_sklearn_stratified_split(corpus_folder):
    ds = load_dataset(corpus_folder, seed=5, test_size=0.25, validation_size=None)
    full = load_dataset(corpus_folder, test_size=None).split("train")
    _, test_texts = train_test_split(full.texts, test_size=0.25, random_state=5,
                                     stratify=full.labels)
    assert ds.split("test").texts == test_texts


def test_validation_is_carved_from_train_stratified(corpus_folder):
    plain = load_dataset(corpus_folder, seed=2)
    ds = load_dataset(corpus_folder, seed=2, validation_size=0.25)
    assert ds.splits == ("train", "validation", "test")
    assert ds.split("test") == plain.split("test")
    assert Counter(ds.split("validation").labels) == {"money": 8, "sport": 8, "tech": 8}
    assert _all(ds) == _all(plain)
    assert len(load_dataset(corpus_folder, validation_size=10).split("validation")) == 10


def test_train_and_validation_samples_follow_seed_000(corpus_folder):
    """Seed 000: np.random.shuffle(indices); x_train = data[:N]; x_val = data[N:N + M]."""
    ds = load_dataset(corpus_folder, seed=7, train_samples=20, validation_samples=30)
    train = load_dataset(corpus_folder, seed=7).split("train")
    np.random.seed(7)
    indices = np.arange(len(train.texts))
    np.random.shuffle(indices)
    texts = np.array(train.texts, dtype=object)[indices]
    assert ds.split("train").texts == list(texts[:20])
    assert ds.split("validation").texts == list(texts[20:50])
    assert ds.split("test") == load_dataset(corpus_folder, seed=7).split("test")


def test_validation_samples_alone_take_the_last_shuffled(corpus_folder):
    ds = load_dataset(corpus_folder, validation_samples=16)
    assert (len(ds.split("train")), len(ds.split("validation"))) == (80, 16)
    assert _all(ds) == _all(load_dataset(corpus_folder))


@pytest.mark.parametrize("seed", [0, 1])
def test_same_seed_same_splits(corpus_folder, seed):
    first = load_dataset(corpus_folder, seed=seed, validation_size=0.2)
    second = load_dataset(corpus_folder, seed=seed, validation_size=0.2)
    other = load_dataset(corpus_folder, seed=seed + 10, validation_size=0.2)
    for name in first.splits:
        assert first.split(name) == second.split(name)
    assert first.split("test") != other.split("test")
