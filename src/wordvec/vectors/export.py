"""Task embeddings out of a saved classifier: its Embedding weights keyed by the tokenizer's words.

A ``TextClassifier`` learns (or fine-tunes) an Embedding matrix whose row ``i`` belongs to the
word with tokenizer index ``i``; row 0 is padding. ``export_embeddings`` turns that matrix into
``Vectors`` so it can be queried, evaluated, written with ``write_vectors`` and reused by
another model (``TextClassifier(vectors=...)`` or ``wordvec train --vectors FILE``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from wordvec.errors import BundleError
from wordvec.vectors.vectors import LoadReport, Vectors


def export_embeddings(bundle_path: str | os.PathLike) -> Vectors:
    """The Embedding layer of a saved classifier as ``Vectors`` (row ``i`` = word index ``i``).

    Padding (row 0) is left out, and so are indices the matrix has no row for (words beyond
    ``num_words``). Raises ``BundleError`` when the bundle's model has no Embedding layer or
    is a bag model (``nbsvm``, ``bag``: its rows are n-gram features, not words).

    Example:
        >>> v = export_embeddings("runs/imdb-average")  # doctest: +SKIP
        >>> v.most_similar("excellent", topn=3)  # doctest: +SKIP
    """
    from wordvec.models.heads import HEADS
    from wordvec.training.bundle import load_bundle

    started = time.perf_counter()
    path = Path(bundle_path)
    clf = load_bundle(path)
    if clf.head not in HEADS:
        raise BundleError(
            f"{path}: the {clf.head!r} head's Embedding rows are n-gram features, not the "
            f"tokenizer's words; export needs a sequence head ({', '.join(HEADS)})"
        )
    weights = embedding_weights(clf.model_, path)
    index_word = clf.tokenizer_.index_word
    rows = [i for i in range(1, weights.shape[0]) if i in index_word]
    vocab = [index_word[i] for i in rows]
    matrix = np.ascontiguousarray(weights[rows], dtype=np.float32)
    report = LoadReport(
        source=str(path), format="keras-embedding", rows=len(vocab), dim=int(matrix.shape[1]),
        seconds=time.perf_counter() - started,
        notes=[f"rows 1..{weights.shape[0] - 1} of the {weights.shape[0]} x {weights.shape[1]} "
               "Embedding matrix (row 0 is padding)"],
    )
    return Vectors(vocab, matrix, name=f"{path.name}-embedding", report=report)


def embedding_weights(model: Any, where: str | os.PathLike = "model") -> np.ndarray:
    """The weight matrix of a Keras model's Embedding layer (the one named ``embedding``
    when there are several; nested models are searched too).

    Example:
        >>> embedding_weights(clf.model_).shape  # doctest: +SKIP
        (20000, 50)
    """
    from wordvec._backend import import_keras

    keras = import_keras()
    found = [layer for layer in _layers(model) if isinstance(layer, keras.layers.Embedding)]
    if not found:
        raise BundleError(f"{where}: the model has no Embedding layer, nothing to export")
    layer = next((layer for layer in found if layer.name == "embedding"), found[0])
    return np.asarray(layer.get_weights()[0])


def _layers(model: Any) -> list[Any]:
    """Every layer of ``model``, depth first, including those of nested models."""
    out = []
    for layer in getattr(model, "layers", []):
        out.append(layer)
        out.extend(_layers(layer))
    return out
