"""Named sets of ``TextClassifier`` hyper-parameters: ``fast`` and ``accurate``.

``TextClassifier(preset="fast")`` takes every setting from the preset; arguments given
explicitly win (``TextClassifier(preset="fast", epochs=5)``). Settings neither given nor in the
preset take the library defaults (``LIBRARY_DEFAULTS``). The values were chosen on validation
data drawn from IMDB's training split (5-fold, movie-block folds), never on a test split; see
``benchmarks/presets.py`` for the measurements.

- ``fast``: NBSVM (naive-Bayes weighted logistic regression) on the distinct words and hashed
  word bigrams of each text, trained for 3 epochs with Adam on batches of 256 texts. On IMDB:
  about 90-91 % accuracy in a few seconds; predicts well over 10,000 reviews/s.
- ``accurate``: NBSVM on words, bigrams and trigrams hashed into 2**23 buckets, with
  ``. ! ?`` kept as tokens (they also stop n-grams at sentence ends), trained on batches of
  64 texts for up to 3 epochs (early stopping). About 92 % on IMDB in well under a minute.

Measured on 5 validation folds of IMDB train (blocks of review ids, which keeps most of a
movie's reviews on one side), accuracy of NBSVM after 2 epochs: words + bigrams 90.1 %,
+ trigrams 90.4 %, + ``. ! ?`` tokens 90.6 %, + 4-grams 90.4 %; batches of 32 or 64 texts the
same; averaging with a fastText-style bag model +0.0 to +0.15 for twice the time (so the
``ensemble`` option is not part of a preset).

Example:
    >>> resolve_params("fast", {"epochs": 5})["epochs"]
    5
    >>> resolve_params(None, {})["head"]
    'average'
"""

from __future__ import annotations

from typing import Any

from wordvec.errors import WordvecError


class _Default:
    """Marks a constructor argument left out (the preset's value or the library default)."""

    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT: Any = _Default()

LIBRARY_DEFAULTS: dict[str, Any] = {
    "head": "average",
    "vectors": "glove-6b-50d",
    "maxlen": None,
    "num_words": 20000,
    "trainable": True,
    "embedding_dim": 50,
    "dropout": 0.0,
    "epochs": 30,
    "batch_size": 32,
    "learning_rate": 1e-3,
    "patience": 3,
    "oov": "zeros",
    "ngrams": 2,
    "buckets": 2**22,
    "min_df": 2,
    "max_features": None,
    "punctuation": "",
    "ensemble": None,
    "seed": 0,
    "verbose": 0,
}

PRESETS: dict[str, dict[str, Any]] = {
    "fast": {
        "head": "nbsvm",
        "vectors": None,
        "num_words": None,
        "ngrams": 2,
        "buckets": 2**22,
        "min_df": 2,
        "epochs": 3,
        "batch_size": 256,
        "learning_rate": 2e-3,
        "patience": 1,
    },
    "accurate": {
        "head": "nbsvm",
        "vectors": None,
        "num_words": None,
        "ngrams": 3,
        "buckets": 2**23,
        "min_df": 2,
        "punctuation": ".!?",
        "epochs": 3,
        "batch_size": 64,
        "learning_rate": 1e-3,
        "patience": 1,
    },
}


def resolve_params(preset: str | None, given: dict[str, Any]) -> dict[str, Any]:
    """Every hyper-parameter: ``given`` (unless ``DEFAULT``), else the preset's, else the library's.

    Raises ``WordvecError`` for an unknown preset name.

    Example:
        >>> resolve_params("accurate", {"head": DEFAULT})["ngrams"]
        3
    """
    if preset is not None and preset not in PRESETS:
        raise WordvecError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    params = dict(LIBRARY_DEFAULTS)
    if preset is not None:
        params.update(PRESETS[preset])
    params.update({k: v for k, v in given.items() if v is not DEFAULT})
    return params
