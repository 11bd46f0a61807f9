"""Classification metrics (scikit-learn) and learning-curve figures (matplotlib)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from wordvec._io import atomic_file


def classification_metrics(
    y_true: Sequence[str], y_pred: Sequence[str], classes: Sequence[str]
) -> dict[str, Any]:
    """Accuracy, macro F1, per-class precision/recall/F1/support and the confusion matrix.

    Rows and columns of ``confusion_matrix`` follow ``classes``; all numbers come from
    ``sklearn.metrics``.

    Example:
        >>> m = classification_metrics(["a", "b", "b"], ["a", "b", "a"], ["a", "b"])
        >>> round(m["accuracy"], 3), m["confusion_matrix"]
        (0.667, [[1, 0], [1, 1]])
    """
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

    labels = list(classes)
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0
    )
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(
            f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)
        ),
        "per_class": {
            label: {
                "precision": float(precision[i]),
                "recall": float(recall[i]),
                "f1": float(f1[i]),
                "support": int(support[i]),
            }
            for i, label in enumerate(labels)
        },
        "confusion_matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "classes": labels,
    }


def summary(metrics: Mapping[str, Any]) -> dict[str, float]:
    """The headline numbers of :func:`classification_metrics`: accuracy and macro F1.

    Example:
        >>> summary({"accuracy": 0.9, "macro_f1": 0.88, "per_class": {}})
        {'accuracy': 0.9, 'macro_f1': 0.88}
    """
    return {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}


def plot_learning_curves(history: Mapping[str, Sequence[float]], path: str | os.PathLike) -> None:
    """Draw accuracy and loss per epoch, training vs validation, into a PNG at ``path``.

    ``history`` is a Keras ``History.history`` dict (``loss``, ``accuracy``, ``val_loss``,
    ``val_accuracy``); missing validation curves are simply not drawn.

    Example:
        >>> plot_learning_curves({"loss": [0.9, 0.5], "accuracy": [0.6, 0.8]}, "/tmp/curves.png")
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4), dpi=100)
    for axis, metric in zip(figure.subplots(1, 2), ("accuracy", "loss"), strict=True):
        curves = ((metric, "training", "o-"), (f"val_{metric}", "validation", "s-"))
        for key, label, style in curves:
            values = history.get(key)
            if values:
                axis.plot(range(1, len(values) + 1), values, style, label=label)
        axis.set_title(f"Training and validation {metric}")
        axis.set_xlabel("epoch")
        axis.set_ylabel(metric)
        axis.legend()
    figure.tight_layout()
    with atomic_file(path, "wb") as handle:
        figure.savefig(handle, format="png")
