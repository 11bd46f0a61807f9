"""`wordvec evaluate BUNDLE`: score a saved classifier on a labelled split."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wordvec.cli._output import (
    LabelColumn,
    TextColumn,
    column_options,
    info_console,
    metrics_table,
    per_class_table,
    print_json,
)


def evaluate(
    bundle: Annotated[Path, typer.Argument(help="Bundle directory written by wordvec train.")],
    dataset: Annotated[str | None, typer.Option(help="Dataset name or path (default: the "
                                                "one the bundle was trained on).")] = None,
    split: Annotated[str, typer.Option(help="Split to score.")] = "test",
    text_column: TextColumn = None,
    label_column: LabelColumn = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Evaluate a bundle: accuracy, macro F1, per-class scores and the confusion matrix."""
    from wordvec.data import load_dataset
    from wordvec.errors import WordvecError
    from wordvec.training import TextClassifier
    from wordvec.training.bundle import read_config

    config = read_config(bundle)
    source = dataset or config.get("dataset")
    if not source:
        raise WordvecError(f"bundle {bundle} does not name its dataset: pass --dataset")
    data = load_dataset(source, seed=config["params"]["seed"],
                        **column_options(text_column, label_column))
    part = data.split(split)
    clf = TextClassifier.load(bundle)
    metrics = clf.evaluate(part.texts, part.labels)
    if as_json:
        print_json(metrics)
        return
    info = info_console(as_json)
    info.print(metrics_table({split: metrics}, title=f"{bundle} on {data.name}"))
    info.print(per_class_table(metrics))
