"""Model heads on top of an Embedding layer: flatten, average, cnn, rnn.

Every builder returns a plain ``keras.Model`` (integer token ids in, class probabilities out)
made of built-in Keras layers and the registered layers of ``wordvec.models.layers``, so saved
models load with ``safe_mode=True``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wordvec._backend import import_keras

HEADS = ("flatten", "average", "cnn", "rnn")

# The seed 002 CNN shrinks the sequence by 4 (conv), /5 (pool), -4, /5, -4: it needs this many ids.
_CNN_MIN_MAXLEN = 129


def build_model(
    head: str,
    vocab_size: int,
    num_classes: int,
    maxlen: int,
    matrix: np.ndarray | None = None,
    trainable: bool = True,
    embedding_dim: int = 50,
    dropout: float = 0.0,
) -> Any:
    """Build an uncompiled ``keras.Model`` for text classification.

    ``head`` is one of ``flatten`` (seed 000: Flatten -> Dense(32, relu)), ``average`` (global
    average pooling that ignores padding), ``cnn`` (seed 002: three Conv1D(128, 5) with max
    pooling, Dense(128, relu)) or ``rnn`` (bidirectional LSTM). With ``matrix`` the Embedding
    starts from it (frozen unless ``trainable``); without it the Embedding is learned with the
    task. Two classes give one sigmoid unit, more give a softmax.

    Example:
        >>> model = build_model("average", vocab_size=1000, num_classes=5, maxlen=100)
        >>> model.output_shape
        (None, 5)
    """
    if head not in HEADS:
        raise ValueError(f"unknown model head {head!r}; choose one of {', '.join(HEADS)}")
    if num_classes < 2:
        raise ValueError(f"num_classes must be at least 2, got {num_classes}")
    if vocab_size < 2:
        raise ValueError(f"vocab_size must be at least 2, got {vocab_size}")
    if head == "cnn" and maxlen < _CNN_MIN_MAXLEN:
        raise ValueError(f"the cnn head needs maxlen >= {_CNN_MIN_MAXLEN}, got {maxlen}")
    if matrix is not None:
        if matrix.ndim != 2 or matrix.shape[0] != vocab_size:
            raise ValueError(
                f"embedding matrix has shape {matrix.shape}, expected ({vocab_size}, dim)"
            )
        embedding_dim = int(matrix.shape[1])
    keras = import_keras()
    layers = keras.layers

    inputs = keras.Input(shape=(maxlen,), dtype="int32", name="token_ids")
    embedding = layers.Embedding(
        vocab_size,
        embedding_dim,
        mask_zero=head in ("average", "rnn"),
        trainable=trainable,
        weights=None if matrix is None else [np.asarray(matrix, dtype="float32")],
        name="embedding",
    )
    x = embedding(inputs)
    x = _HEAD_BUILDERS[head](layers, x)
    if dropout:
        x = layers.Dropout(dropout, name="dropout")(x)
    outputs = _output_layer(layers, num_classes)(x)
    return keras.Model(inputs, outputs, name=f"wordvec_{head}")


def _output_layer(layers: Any, num_classes: int) -> Any:
    if num_classes == 2:
        return layers.Dense(1, activation="sigmoid", name="output")
    return layers.Dense(num_classes, activation="softmax", name="output")


def _flatten(layers: Any, x: Any) -> Any:
    x = layers.Flatten(name="flatten")(x)
    return layers.Dense(32, activation="relu", name="hidden")(x)


def _average(layers: Any, x: Any) -> Any:
    from wordvec.models.layers import MaskedAverage

    return MaskedAverage(name="average")(x)


def _cnn(layers: Any, x: Any) -> Any:
    for i in (1, 2):
        x = layers.Conv1D(128, 5, activation="relu", name=f"conv{i}")(x)
        x = layers.MaxPooling1D(5, name=f"pool{i}")(x)
    x = layers.Conv1D(128, 5, activation="relu", name="conv3")(x)
    x = layers.GlobalMaxPooling1D(name="global_max")(x)
    return layers.Dense(128, activation="relu", name="hidden")(x)


def _rnn(layers: Any, x: Any) -> Any:
    return layers.Bidirectional(layers.LSTM(64), name="bilstm")(x)


_HEAD_BUILDERS = {"flatten": _flatten, "average": _average, "cnn": _cnn, "rnn": _rnn}


def output_loss(num_classes: int) -> str:
    """The loss that matches :func:`build_model`'s output layer for ``num_classes``.

    Example:
        >>> output_loss(2), output_loss(5)
        ('binary_crossentropy', 'sparse_categorical_crossentropy')
    """
    return "binary_crossentropy" if num_classes == 2 else "sparse_categorical_crossentropy"
