"""Packed batches: every text exactly once, fixed shapes, capacity and slot limits respected."""

from __future__ import annotations

import numpy as np
import pytest

from wordvec.text.ngrams import Ragged
from wordvec.training.packing import PackedBatches, capacity_for, pack


@pytest.fixture(scope="module")
def bags() -> Ragged:
    rng = np.random.default_rng(0)
    lengths = rng.integers(0, 40, 101)
    return Ragged(rng.integers(1, 1000, int(lengths.sum())).astype("int32"), lengths)


@pytest.mark.parametrize(("capacity", "max_texts"), [(64, 4), (200, 16), (4096, 512)])
def test_every_text_lands_in_one_slot_with_its_features(bags, capacity, max_texts):
    order = np.random.default_rng(1).permutation(len(bags))
    batches = pack(bags, order, capacity, max_texts)
    assert np.concatenate([b.texts for b in batches]).tolist() == order.tolist()
    for batch in batches:
        assert batch.feature_ids.shape == batch.text_slots.shape == (capacity,)
        assert len(batch.texts) <= max_texts
        for slot, text in enumerate(batch.texts):
            mine = batch.feature_ids[(batch.text_slots == slot) & (batch.feature_ids != 0)]
            assert mine.tolist() == bags.row(int(text)).tolist()
        padding = batch.feature_ids == 0
        assert padding.sum() == capacity - sum(int(bags.lengths[t]) for t in batch.texts)


def test_texts_longer_than_the_capacity_keep_their_first_features():
    bags = Ragged(np.arange(1, 11, dtype="int32"), np.array([7, 3]))
    batches = pack(bags, None, capacity=5, max_texts=2)
    assert [b.texts.tolist() for b in batches] == [[0], [1]]
    assert batches[0].feature_ids.tolist() == [1, 2, 3, 4, 5]
    assert batches[1].feature_ids.tolist() == [8, 9, 10, 0, 0]


def test_capacity_fits_the_longest_text_and_rounds_up():
    assert capacity_for(np.array([10, 5000]), 1) == 5120  # the longest text, not 1.25 x mean
    assert capacity_for(np.array([]), 8) == 1024


def test_dataset_gives_targets_weights_and_reshuffles_with_its_seed(bags):
    targets = np.arange(len(bags)) % 2
    data = PackedBatches(bags, targets, 256, 8, shuffle=True, seed=3, epochs=2)
    (ids, slots), y, w = data[0]
    texts = data._batches[0].texts
    assert y[: len(texts)].tolist() == targets[texts].tolist()
    assert w.tolist() == [1.0] * len(texts) + [0.0] * (8 - len(texts))
    first = [b.texts.tolist() for b in data._batches]
    again = PackedBatches(bags, targets, 256, 8, shuffle=True, seed=3, epochs=2)
    assert [b.texts.tolist() for b in again._batches] == first
    data.on_epoch_end()
    assert [b.texts.tolist() for b in data._batches] != first


def test_every_epoch_has_the_same_number_of_batches_and_every_text_once(bags):
    """Keras reads the batch count once; an epoch packing into fewer batches splits some."""
    from wordvec.training.packing import _plan

    rng = np.random.default_rng(3)
    orders = [rng.permutation(len(bags)) for _ in range(6)]
    greedy = [len(_plan(bags, order, 64, 4)[2]) - 1 for order in orders]
    assert len(set(greedy)) > 1  # the greedy packings of these epochs differ in count
    data = PackedBatches(bags, np.zeros(len(bags)), 64, 4, shuffle=True, seed=3, epochs=6)
    assert len(data) == max(greedy)
    for epoch in range(8):  # past the planned epochs the orders repeat
        texts = np.concatenate([b.texts for b in data._batches])
        assert len(data._batches) == len(data)
        assert texts.tolist() == orders[epoch % 6].tolist()
        for batch in data._batches:
            assert len(batch.texts) <= 4
            assert (batch.feature_ids != 0).sum() <= 64
        data.on_epoch_end()


def test_split_batches_keep_their_texts_features():
    bags = Ragged(np.arange(1, 13, dtype="int32"), np.array([3, 3, 3, 3]))
    batches = pack(bags, None, capacity=12, max_texts=4, num_batches=3)
    assert [b.texts.tolist() for b in batches] == [[0], [1], [2, 3]]
    assert batches[2].feature_ids.tolist() == [7, 8, 9, 10, 11, 12] + [0] * 6
    assert batches[2].text_slots[:6].tolist() == [0, 0, 0, 1, 1, 1]
