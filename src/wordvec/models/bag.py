"""Bag-of-n-gram models over packed feature ids: ``nbsvm`` (NB-weighted) and ``bag`` (fastText).

Their input is a batch of texts packed into two flat int32 vectors of one length: the feature
ids of every text one after another (0 = padding) and, for each position, the text's slot
``0 .. max_texts-1`` in the batch. The output has one row per slot (``max_texts`` rows); rows
of empty slots are ignored by the caller. ``wordvec.training.packing`` builds such batches
from ``wordvec.text.ngrams`` features.

Example:
    >>> model = build_bag_model("bag", num_features=1000, num_classes=3, max_texts=8)
    >>> model.output_shape
    (8, 3)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wordvec._backend import import_keras

BAG_HEADS = ("nbsvm", "bag")


def nb_ratios(
    features: np.ndarray, lengths: np.ndarray, labels: np.ndarray, num_features: int,
    num_classes: int, alpha: float = 1.0,
) -> np.ndarray:
    """Naive-Bayes log-count ratios of every feature, one column per class (one if binary).

    ``features`` / ``lengths`` are texts' distinct feature ids (a ragged array), ``labels``
    their class numbers. For class ``c``: ``p`` = texts of class ``c`` holding the feature
    + ``alpha``, ``q`` = the same for the other classes, ``r = log(p / |p|_1) - log(q /
    |q|_1)``. With two classes the single column is class 1's. Row 0 (padding) is zero.

    Example:
        >>> r = nb_ratios(np.array([1, 2, 1]), np.array([2, 1]), np.array([1, 0]), 3, 2)
        >>> r.shape, bool(r[2, 0] > 0 > r[1, 0])  # feature 2 only occurs in class 1
        ((3, 1), True)
    """
    texts_class = np.repeat(np.asarray(labels, dtype=np.int64), lengths)
    counts = np.stack([np.bincount(features[texts_class == c], minlength=num_features)
                       for c in range(num_classes)], axis=1).astype(np.float64)
    columns = [1] if num_classes == 2 else range(num_classes)
    ratios = np.zeros((num_features, len(columns)), dtype=np.float32)
    for j, c in enumerate(columns):
        p = counts[:, c] + alpha
        q = counts.sum(axis=1) - counts[:, c] + alpha
        ratios[:, j] = np.log(p / p.sum()) - np.log(q / q.sum())
    ratios[0] = 0.0
    return ratios


def build_bag_model(
    head: str,
    num_features: int,
    num_classes: int,
    *,
    max_texts: int,
    embedding_dim: int = 32,
    ratios: np.ndarray | None = None,
    dropout: float = 0.0,
    max_features: int | None = None,
) -> Any:
    """Build an uncompiled ``keras.Model`` from packed feature ids to class probabilities.

    - ``nbsvm``: NBSVM as a network (Wang & Manning 2012; the "NBSVM in Keras" form): a frozen
      Embedding holds each feature's naive-Bayes ratios ``r`` (``ratios``, one column per
      class, see :func:`nb_ratios`), a trainable one its weight ``w`` (one per feature, shared
      by the classes, starting at 0); a text's class scores are the sums of ``w * r`` over its
      distinct features plus a bias.
    - ``bag``: fastText-style: the average of the features' ``embedding_dim``-wide vectors,
      (dropout), then a dense output layer.

    With ``max_features`` only feature ids below it are read (``wordvec.text.ngrams`` numbers
    features from the most frequent), so the tables have ``min(num_features, max_features)``
    rows. Two classes give one sigmoid unit, more give a softmax. Inputs ``feature_ids`` and
    ``text_slots`` (same length, any); output ``(max_texts, units)``.

    Example:
        >>> r = np.zeros((100, 1), "float32")
        >>> build_bag_model("nbsvm", 100, 2, max_texts=4, ratios=r).output_shape
        (4, 1)
    """
    if head not in BAG_HEADS:
        raise ValueError(f"unknown bag head {head!r}; choose one of {', '.join(BAG_HEADS)}")
    if num_classes < 2:
        raise ValueError(f"num_classes must be at least 2, got {num_classes}")
    units = 1 if num_classes == 2 else num_classes
    keras = import_keras()
    from wordvec.models.layers import Bias, CapIds, SegmentPooling

    layers = keras.layers
    inputs = [keras.Input(shape=(), dtype="int32", name="feature_ids"),
              keras.Input(shape=(), dtype="int32", name="text_slots")]
    ids, slots = inputs
    if max_features is not None and max_features < num_features:
        ids = CapIds(max_features, name="most_frequent")(ids)
        num_features = max_features
        ratios = None if ratios is None else ratios[:max_features]
    if head == "nbsvm":
        if ratios is None or ratios.shape != (num_features, units):
            shape = None if ratios is None else ratios.shape
            raise ValueError(f"nbsvm needs ratios of shape ({num_features}, {units}), got {shape}")
        r = layers.Embedding(num_features, units, trainable=False, name="nb_ratios",
                             weights=[np.asarray(ratios, dtype="float32")])(ids)
        w = layers.Embedding(num_features, 1, embeddings_initializer="zeros",
                             name="weights")(ids)
        x = layers.Multiply(name="weighted")([r, w])
        x = SegmentPooling("sum", max_texts, name="sum")(x, slots, ids)
        logits = Bias(name="bias")(x)
        activation = "sigmoid" if units == 1 else "softmax"
        outputs = layers.Activation(activation, name="output")(logits)
    else:
        x = layers.Embedding(num_features, embedding_dim, name="embedding",
                             embeddings_initializer=keras.initializers.RandomUniform(-0.05, 0.05)
                             )(ids)
        x = SegmentPooling("mean", max_texts, name="average")(x, slots, ids)
        if dropout:
            x = layers.Dropout(dropout, name="dropout")(x)
        activation = "sigmoid" if units == 1 else "softmax"
        outputs = layers.Dense(units, activation=activation, name="output")(x)
    return keras.Model(inputs, outputs, name=f"wordvec_{head}")
