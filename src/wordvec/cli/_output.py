"""Shared output helpers of the CLI: consoles, JSON and metric tables."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

TextColumn = Annotated[str | None, typer.Option(
    help="CSV/TSV/JSON Lines column holding the text (default: text, review, ...).")]
LabelColumn = Annotated[str | None, typer.Option(
    help="CSV/TSV/JSON Lines column holding the label (default: label, class, ...).")]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def print_json(value: Any) -> None:
    """Write ``value`` as indented JSON on stdout (machine-readable output of ``--json``)."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def info_console(as_json: bool) -> Console:
    """Where human-readable notes go: stdout normally, stderr when stdout carries JSON."""
    return err if as_json else out


def metrics_table(rows: Mapping[str, Mapping[str, Any]], title: str = "metrics") -> Table:
    """A table with one row per split (``val``, ``test``) and accuracy / macro F1 columns."""
    table = Table(title=title)
    table.add_column("split")
    table.add_column("accuracy", justify="right")
    table.add_column("macro F1", justify="right")
    for split, values in rows.items():
        table.add_row(split, f"{values['accuracy']:.4f}", f"{values['macro_f1']:.4f}")
    return table


def per_class_table(metrics: Mapping[str, Any]) -> Table:
    """Per-class precision, recall, F1 and support, then the confusion matrix row."""
    classes = metrics["classes"]
    table = Table(title="per class (rows of the confusion matrix: true class)")
    for column in ("class", "precision", "recall", "F1", "support", *classes):
        table.add_column(column, justify="left" if column == "class" else "right")
    for label, row in zip(classes, metrics["confusion_matrix"], strict=True):
        scores = metrics["per_class"][label]
        table.add_row(
            label, f"{scores['precision']:.3f}", f"{scores['recall']:.3f}", f"{scores['f1']:.3f}",
            str(scores["support"]), *(str(n) for n in row),
        )
    return table


def column_options(text_column: str | None, label_column: str | None) -> dict[str, str]:
    """Reader options for table-like sources, leaving out the ones the user did not give."""
    given = {"text_column": text_column, "label_column": label_column}
    return {name: value for name, value in given.items() if value is not None}
