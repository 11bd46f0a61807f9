"""Keras backend choice: JAX unless the user chose one; Keras is imported only when needed."""

from __future__ import annotations

import os
from types import ModuleType


def use_default_backend() -> None:
    """Set ``KERAS_BACKEND=jax`` when the user has not chosen a backend.

    Example:
        >>> use_default_backend(); os.environ["KERAS_BACKEND"] in {"jax", "torch", "tensorflow"}
        True
    """
    os.environ.setdefault("KERAS_BACKEND", "jax")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def import_keras() -> ModuleType:
    """Import Keras on the default backend (JAX unless ``KERAS_BACKEND`` says otherwise).

    Example:
        >>> keras = import_keras(); keras.__name__
        'keras'
    """
    use_default_backend()
    import keras

    return keras
