"""Summary numbers of a dataset: texts per class and split, lengths in tokens."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from wordvec.data.datasets import Dataset


def length_stats(texts: list[str]) -> dict[str, float]:
    """Mean, median and 95th percentile of text lengths in whitespace tokens.

    Tokens are ``len(text.split())``: close to what the Tokenizer sees, without its filters.

    Example:
        >>> length_stats(["a b", "a b c d"])
        {'mean': 3.0, 'median': 3.0, 'p95': 3.9}
    """
    if not texts:
        return {"mean": 0.0, "median": 0.0, "p95": 0.0}
    lengths = np.fromiter((len(text.split()) for text in texts), dtype=np.int64,
                          count=len(texts))
    return {
        "mean": round(float(lengths.mean()), 2),
        "median": float(np.median(lengths)),
        "p95": round(float(np.percentile(lengths, 95)), 2),
    }


def describe(dataset: Dataset) -> dict[str, Any]:
    """Counts per class and split, token-length statistics and the load report, as plain values.

    Example:
        >>> from wordvec.data import load_dataset
        >>> info = describe(load_dataset("bbc"))
        >>> info["splits"]["test"]["count"], info["classes"][0]
        (445, 'business')
    """
    splits = {}
    for name in dataset.splits:
        split = dataset.split(name)
        counts = Counter(split.labels)
        splits[name] = {
            "count": len(split),
            "per_class": {label: counts.get(label, 0) for label in dataset.classes},
            "tokens": length_stats(split.texts),
        }
    info = {
        "name": dataset.name, "source": dataset.source, "classes": list(dataset.classes),
        "splits": splits, "unlabelled": len(dataset.unlabelled),
        "report": dataset.report.to_dict(), "report_lines": dataset.report.lines(),
    }
    if dataset.unlabelled:
        info["unlabelled_tokens"] = length_stats(dataset.unlabelled)
    return info
