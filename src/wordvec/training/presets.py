"""Named sets of ``TextClassifier`` hyper-parameters: ``fast`` and ``accurate``.

``TextClassifier(preset="fast")`` takes every setting from the preset; arguments given
explicitly win (``TextClassifier(preset="fast", epochs=5)``). Settings neither given nor in the
preset take the library defaults (``LIBRARY_DEFAULTS``). The values were chosen on validation
data drawn from IMDB's training split (5-fold, movie-block folds), never on a test split; see
``benchmarks/presets.py`` for the measurements.

- ``fast``: NBSVM (naive-Bayes weighted logistic regression) on the distinct words and hashed
  word bigrams of each text, 3 epochs of Adam on batches of 256 texts. IMDB (25k/25k, this
  2-core machine, other jobs running): 91.7 % test accuracy, 14-16 s of training.
- ``accurate``: NBSVM on words, bigrams and trigrams hashed into 2**23 buckets, with
  ``. ! ?`` kept as tokens (they also stop n-grams at sentence ends), 3 epochs on batches of
  64 texts. IMDB: 92.2 % test accuracy, about 26 s of training.

Both hold out 10 % of the training texts (``fit(validation_split=0.1)``) for early stopping.
How the settings were chosen: five folds of IMDB *train*, each holding out one fifth of the
review id range (ids come grouped by movie), NBSVM for 2 epochs, mean validation accuracy
(``benchmarks/presets.py --select``): words + bigrams 89.9 %; + trigrams 90.3 %; + ``. ! ?``
tokens 90.6 %; + 4-grams 90.3 %; batches of 32 instead of 64: 90.7 % (within noise, twice
the steps). In earlier runs of the same folds, feature dropout, other NB smoothing and
NBSVM++'s prior weight scored lower, and averaging with a fastText-style bag model gained
+0.0 to +0.15 for twice the training time (so the ``ensemble`` option is in no preset).

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
