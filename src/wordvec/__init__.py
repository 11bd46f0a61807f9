"""wordvec: text classification with word embeddings.

The public API is imported lazily, so ``import wordvec`` stays fast and does not load Keras
until a model is built.

Example:
    >>> from wordvec import Tokenizer, pad_sequences
    >>> tok = Tokenizer(num_words=100)
    >>> tok.fit_on_texts(["the cat sat", "the dog"])
    >>> pad_sequences(tok.texts_to_sequences(["the cat"]), maxlen=3).tolist()
    [[0, 1, 2]]
"""

from __future__ import annotations

import importlib
from typing import Any

from wordvec._backend import use_default_backend

__version__ = "0.1.0"

use_default_backend()

_API = {
    "Tokenizer": "wordvec.text",
    "tokenizer_from_json": "wordvec.text",
    "pad_sequences": "wordvec.text",
    "Dataset": "wordvec.data",
    "load_dataset": "wordvec.data",
    "Vectors": "wordvec.vectors",
    "load_vectors": "wordvec.vectors",
    "embedding_matrix": "wordvec.models.embedding",
    "Coverage": "wordvec.models.embedding",
    "build_model": "wordvec.models.heads",
    "TextClassifier": "wordvec.training",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'wordvec' has no attribute {name!r}")
