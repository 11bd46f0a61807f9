"""Training of the sequence heads (``flatten``, ``average``, ``cnn``, ``rnn``) of TextClassifier.

Texts become padded word-id rows (the classifier's tokenizer and ``maxlen``); the Embedding
starts from pre-trained vectors when the classifier has them (``wordvec.models.embedding``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from wordvec.training.classifier import TextClassifier


def fit_sequence(
    clf: TextClassifier, train: tuple[list[str], np.ndarray], val: tuple | None, *,
    epochs: int, batch_size: int, callbacks: Sequence[Any], keras: Any,
) -> dict[str, list[float]]:
    """Build ``clf.model_`` (and ``clf.coverage_``) and fit it; returns the Keras history.

    ``train`` and ``val`` hold raw texts and encoded labels.

    Example:
        >>> history = fit_sequence(clf, (texts, y), None, epochs=2, batch_size=32,
        ...                        callbacks=[], keras=keras)  # doctest: +SKIP
    """
    matrix = _embedding_matrix(clf, _load_vectors(clf.vectors))
    clf.model_ = _build(clf, matrix, keras)
    validation = None if val is None else (clf._vectorise(val[0]), val[1])
    history = clf.model_.fit(
        clf._vectorise(train[0]), train[1], validation_data=validation, epochs=epochs,
        batch_size=batch_size, callbacks=list(callbacks), verbose=clf.verbose,
    )
    return history.history


def _load_vectors(vectors: Any) -> Any:
    if isinstance(vectors, str | os.PathLike):
        from wordvec.vectors import load_vectors

        return load_vectors(vectors)
    return vectors


def _embedding_matrix(clf: TextClassifier, vectors: Any) -> np.ndarray | None:
    clf.coverage_ = None
    if vectors is None:
        return None
    from wordvec.models.embedding import embedding_matrix

    matrix, clf.coverage_ = embedding_matrix(
        clf.tokenizer_.word_index, vectors, num_words=clf._vocab_size(),
        word_counts=clf.tokenizer_.word_counts, oov=clf.oov, seed=clf.seed,
    )
    return matrix


def _build(clf: TextClassifier, matrix: np.ndarray | None, keras: Any) -> Any:
    from wordvec.models.heads import build_model, output_loss

    model = build_model(
        clf.head, clf._vocab_size(), len(clf.classes_), clf.maxlen, matrix=matrix,
        trainable=clf.trainable or matrix is None, embedding_dim=clf.embedding_dim,
        dropout=clf.dropout,
    )
    model.compile(
        optimizer=keras.optimizers.Adam(clf.learning_rate),
        loss=output_loss(len(clf.classes_)),
        metrics=["accuracy"],
    )
    return model
