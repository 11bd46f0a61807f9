"""Sequences to a (texts x words) matrix with the Keras modes, vectorised with numpy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain

import numpy as np

from wordvec.errors import WordvecError

MODES = ("binary", "count", "tfidf", "freq")


def sequences_to_matrix(
    sequences: Sequence[Sequence[int]],
    num_words: int,
    mode: str,
    document_count: int,
    index_docs: Mapping[int, int],
) -> np.ndarray:
    """The float64 matrix Keras' ``Tokenizer.sequences_to_matrix`` builds, row per sequence.

    Ids ``>= num_words`` are ignored (but still count in the length used by ``freq``); tfidf is
    ``(1 + log(count)) * log(1 + document_count / (1 + index_docs[id]))``.
    """
    if mode not in MODES:
        raise WordvecError(f"unknown matrix mode {mode!r}: use one of {', '.join(MODES)}")
    lengths = np.fromiter(map(len, sequences), dtype=np.int64, count=len(sequences))
    ids = np.fromiter(chain.from_iterable(sequences), dtype=np.int64, count=int(lengths.sum()))
    if ids.size and ids.min() < 0:
        raise WordvecError(f"sequences hold a negative word id: {int(ids.min())}")
    rows = np.repeat(np.arange(len(sequences), dtype=np.int64), lengths)
    inside = ids < num_words
    cells = np.sort(rows[inside] * num_words + ids[inside])  # flat (row, id) of every item
    starts = np.flatnonzero(np.diff(cells, prepend=-1))
    cell = cells[starts]
    count = np.diff(starts, append=len(cells)).astype(np.float64)  # occurrences per cell
    if mode == "count":
        values = count
    elif mode == "binary":
        values = np.ones_like(count)
    elif mode == "freq":
        values = count / lengths[cell // num_words]
    else:
        docs = np.zeros(num_words)
        for j, c in index_docs.items():
            if 0 <= j < num_words:
                docs[j] = c
        idf = np.log(1 + document_count / (1 + docs))
        values = (1 + np.log(count)) * idf[cell % num_words]
    x = np.zeros((len(sequences), num_words))
    x.reshape(-1)[cell] = values
    return x
