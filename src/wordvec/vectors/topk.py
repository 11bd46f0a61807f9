"""Top-k cosine neighbours of many queries at once, without a (queries x vocabulary) matrix.

Queries are scored in batches against tiles of candidates with one matrix product each; only
the maximum of every block of 64 candidates is kept. Batches run on one worker thread per core,
each with a single-threaded BLAS: coarse parallelism that degrades gracefully when other
processes share the cores (a multi-threaded BLAS spins and collapses then).

The k best candidates of a query lie in its k best blocks (each holds at least one of them,
and at most k blocks can reach the k-th best score), so those blocks (with a few spare ones
against rounding) are re-scored exactly.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

BLOCK = 64
TILE = 16384  # candidates per matrix product (a multiple of BLOCK)
BATCH = 256  # queries per matrix product
_SPARE_BLOCKS = 4


def batched_topk(unit: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Row indices of the ``k`` best ``unit @ query`` scores per query, best first.

    Example:
        >>> unit = np.eye(3, dtype="float32")
        >>> batched_topk(unit, np.array([[0.1, 0.9, 0.5]], dtype="float32"), 2).tolist()
        [[1, 2]]
    """
    k = min(k, unit.shape[0])
    out = np.empty((len(queries), k), dtype=np.int64)
    if k == 0 or len(queries) == 0:
        return out
    starts = range(0, len(queries), BATCH)

    def run(start: int) -> None:
        out[start:start + BATCH] = _batch_topk(unit, queries[start:start + BATCH], k)

    workers = min(_cores(), len(starts))
    with _single_threaded_blas(), ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, starts))
    return out


def _batch_topk(unit: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    blocks = -(-unit.shape[0] // BLOCK)
    keep = min(k + _SPARE_BLOCKS, blocks)
    batch = np.ascontiguousarray(queries, dtype=np.float32)
    maxima = _block_maxima(unit, batch, blocks)
    if keep < blocks:
        chosen = np.argpartition(-maxima, keep - 1, axis=1)[:, :keep]
    else:
        chosen = np.broadcast_to(np.arange(blocks), (len(batch), blocks))
    candidates = (chosen[:, :, None] * BLOCK + np.arange(BLOCK)).reshape(len(batch), -1)
    return _best(unit, batch, candidates, k)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _single_threaded_blas() -> contextlib.AbstractContextManager:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - installed with scikit-learn
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _best(unit: np.ndarray, batch: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` best of each query's candidates, scored exactly (a few queries at a time)."""
    rows = unit.shape[0]
    valid = candidates < rows
    candidates = np.where(valid, candidates, 0)
    scores = np.empty(candidates.shape, dtype=np.float32)
    for start in range(0, len(batch), 32):
        part = slice(start, start + 32)
        scores[part] = np.einsum("qd,qcd->qc", batch[part], unit[candidates[part]])
    scores[~valid] = -np.inf
    if k < scores.shape[1]:
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        candidates = np.take_along_axis(candidates, top, axis=1)
        scores = np.take_along_axis(scores, top, axis=1)
    order = np.lexsort((candidates, -scores), axis=1)[:, :k]
    return np.take_along_axis(candidates, order, axis=1)


def _block_maxima(unit: np.ndarray, batch: np.ndarray, blocks: int) -> np.ndarray:
    """``(len(batch), blocks)``: the best score of every block of ``BLOCK`` candidates.

    Scores are laid out candidates x queries, so the block maximum reduces a middle axis and
    runs vectorised along the queries.
    """
    rows = unit.shape[0]
    maxima = np.empty((blocks, len(batch)), dtype=np.float32)
    transposed = np.ascontiguousarray(batch.T)
    for tile in range(0, rows, TILE):
        scores = unit[tile:tile + TILE] @ transposed
        height = scores.shape[0]
        if height % BLOCK:
            pad = np.full((BLOCK - height % BLOCK, len(batch)), -np.inf, dtype=np.float32)
            scores = np.concatenate([scores, pad])
        first = tile // BLOCK
        maxima[first:first + scores.shape[0] // BLOCK] = scores.reshape(
            -1, BLOCK, len(batch)).max(axis=1)
    return maxima.T
