"""Fixed-shape batches for bag models: texts' feature ids packed one after another.

Every batch has the same two int32 vectors of ``capacity`` positions (feature ids, 0 =
padding, and each position's text slot) for at most ``max_texts`` texts, so JAX compiles the
training and prediction steps once, whatever the texts' lengths, and no position is wasted
on padding to the longest text. See ``wordvec.models.bag`` for the models that read them.

Example:
    >>> from wordvec.text.ngrams import Ragged
    >>> bags = Ragged(np.array([3, 4, 5, 6, 7], "int32"), np.array([2, 1, 2]))
    >>> [b.texts.tolist() for b in pack(bags, np.arange(3), capacity=3, max_texts=2)]
    [[0, 1], [2]]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from wordvec._backend import import_keras
from wordvec.text.ngrams import Ragged, gather_positions

keras = import_keras()


@dataclass(frozen=True)
class PackedBatch:
    """One batch: which texts it holds (in slot order) and the two model inputs."""

    texts: np.ndarray
    feature_ids: np.ndarray
    text_slots: np.ndarray

    @property
    def inputs(self) -> tuple[np.ndarray, np.ndarray]:
        """``(feature_ids, text_slots)``, the model's two inputs."""
        return self.feature_ids, self.text_slots


def capacity_for(lengths: np.ndarray, max_texts: int) -> int:
    """Positions per batch: room for ``max_texts`` texts of 1.25 x the mean length, and at least
    the longest text, rounded up to a multiple of 1024.

    Example:
        >>> capacity_for(np.array([100, 300]), max_texts=64)
        16384
    """
    lengths = np.asarray(lengths)
    need = max(int(max_texts * 1.25 * float(lengths.mean())) if lengths.size else 1,
               int(lengths.max()) if lengths.size else 1, 1)
    return -(-need // 1024) * 1024


def pack(bags: Ragged, order: np.ndarray | None, capacity: int, max_texts: int,
         num_batches: int | None = None) -> list[PackedBatch]:
    """Greedily fill batches with the texts in ``order`` (``None``: as they are): a batch
    closes when the next text would not fit in ``capacity`` positions or it holds ``max_texts``
    texts. A text longer than ``capacity`` keeps its first ``capacity`` features. With
    ``num_batches`` (at least the greedy count), the batches holding the most texts are split
    until there are that many.
    """
    order, lengths, bounds = _plan(bags, order, capacity, max_texts)
    if num_batches is not None:
        bounds = _split_to(bounds, num_batches)
    return _fill(bags, order, lengths, bounds, capacity, max_texts)


def _fill(bags: Ragged, order: np.ndarray | None, lengths: np.ndarray, bounds: list[int],
          capacity: int, max_texts: int) -> list[PackedBatch]:
    """The batches of a plan (see :func:`_plan`) with the given bounds."""
    if order is None:
        values = bags.values
        order = np.arange(len(bags))
    else:
        values = bags.values[gather_positions(bags.offsets[order], lengths)]
    ends = np.cumsum(lengths)
    batches = []
    for first, stop in zip(bounds[:-1], bounds[1:], strict=True):
        begin = int(ends[first - 1]) if first else 0
        used = int(ends[stop - 1]) - begin
        ids = np.zeros(capacity, dtype=np.int32)
        ids[:used] = values[begin:begin + used]
        slots = np.full(capacity, max_texts - 1, dtype=np.int32)
        slots[:used] = np.repeat(np.arange(stop - first, dtype=np.int32), lengths[first:stop])
        batches.append(PackedBatch(order[first:stop], ids, slots))
    return batches


def _plan(bags: Ragged, order: np.ndarray | None, capacity: int, max_texts: int
          ) -> tuple[np.ndarray | None, np.ndarray, list[int]]:
    """The texts' order (``None``: as they are, uncut), their cut lengths and batch bounds."""
    if order is None and bags.lengths.max(initial=0) <= capacity:
        lengths = bags.lengths
    else:
        order = np.arange(len(bags)) if order is None else np.asarray(order, dtype=np.int64)
        lengths = np.minimum(bags.lengths[order], capacity)
    return order, lengths, _bounds(lengths.tolist(), capacity, max_texts)


def _bounds(lengths: list[int], capacity: int, max_texts: int) -> list[int]:
    bounds, used, count = [0], 0, 0
    for i, n in enumerate(lengths):
        if count and (count == max_texts or used + n > capacity):
            bounds.append(i)
            used, count = 0, 0
        used += n
        count += 1
    if count:
        bounds.append(len(lengths))
    return bounds


def _split_to(bounds: list[int], num_batches: int) -> list[int]:
    """Halve the batch with the most texts until there are ``num_batches`` batches."""
    bounds = list(bounds)
    while len(bounds) - 1 < num_batches:
        sizes = np.diff(bounds)
        i = int(np.argmax(sizes))
        if sizes[i] < 2:
            raise ValueError(f"cannot make {num_batches} batches of {bounds[-1]} texts")
        bounds.insert(i + 1, bounds[i] + int(sizes[i]) // 2)
    return bounds


class PackedBatches(keras.utils.PyDataset):
    """A Keras dataset of packed batches with targets and sample weights (0 for empty slots).

    ``targets``: one number per text (class index; float for a sigmoid output). With
    ``shuffle`` the texts are reshuffled (seeded) for each of ``epochs`` epochs (then the
    orders repeat). Every epoch has the same number of batches (Keras fixes it at the first
    epoch): the most any epoch's packing needs, the others split their fullest batches.

    Example:
        >>> data = PackedBatches(bags, np.array([0, 1, 1]), 1024, 2)  # doctest: +SKIP
        >>> (ids, slots), y, w = data[0]  # doctest: +SKIP
    """

    def __init__(self, bags: Ragged, targets: np.ndarray, capacity: int, max_texts: int,
                 *, shuffle: bool = False, seed: int = 0, epochs: int = 1) -> None:
        super().__init__()
        self.bags, self.targets = bags, np.asarray(targets)
        self.capacity, self.max_texts = capacity, max_texts
        rng = np.random.default_rng(seed)
        orders = ([rng.permutation(len(bags)) for _ in range(max(epochs, 1))]
                  if shuffle else [None])
        self._plans = [_plan(bags, order, capacity, max_texts) for order in orders]
        self._num_batches = max(len(bounds) - 1 for _, _, bounds in self._plans)
        self._epoch = -1
        self._batches: list[PackedBatch] = []
        self.on_epoch_end()

    def __len__(self) -> int:
        return self._num_batches

    def __getitem__(self, index: int) -> tuple[Any, np.ndarray, np.ndarray]:
        batch = self._batches[index]
        n = len(batch.texts)
        targets = np.zeros(self.max_texts, dtype=self.targets.dtype)
        targets[:n] = self.targets[batch.texts]
        weights = np.zeros(self.max_texts, dtype="float32")
        weights[:n] = 1.0
        return batch.inputs, targets, weights

    def on_epoch_end(self) -> None:
        if self._batches and len(self._plans) == 1:
            return  # one order only (validation data): the batches are already packed
        self._epoch += 1
        order, lengths, bounds = self._plans[self._epoch % len(self._plans)]
        self._batches = _fill(self.bags, order, lengths, _split_to(bounds, self._num_batches),
                              self.capacity, self.max_texts)


def predict_packed(model: Any, bags: Ragged, capacity: int, max_texts: int,
                   texts: np.ndarray | None = None) -> np.ndarray:
    """The model's output row for every text; row ``i`` of ``bags`` is text ``texts[i]``
    (default: text ``i``).

    Example:
        >>> predict_packed(model, bags, 1024, 2).shape  # doctest: +SKIP
        (3, 1)
    """
    rows = None
    texts = np.arange(len(bags)) if texts is None else np.asarray(texts)
    for batch in pack(bags, None, capacity, max_texts):
        out = np.asarray(model.predict_on_batch(batch.inputs))
        if rows is None:
            rows = np.zeros((len(bags), out.shape[1]), dtype="float32")
        rows[texts[batch.texts]] = out[: len(batch.texts)]
    return rows if rows is not None else np.zeros((0, model.output_shape[-1]), "float32")
