"""`wordvec train`: from labelled text to an evaluated, saved classifier bundle."""

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
    print_json,
)

HEADS_HELP = "Model head: average | cnn | flatten | rnn."


def train(
    dataset: Annotated[str, typer.Option(help="Registry name (bbc, imdb, 20newsgroups) or a "
                                         "path to a folder, archive or file.")] = "bbc",
    vectors: Annotated[str, typer.Option(help="Pre-trained vectors: a registry name, a path, "
                                         "or 'none' to learn embeddings with the task.")]
    = "glove-6b-50d",
    model: Annotated[str, typer.Option(help=HEADS_HELP)] = "average",
    epochs: Annotated[int, typer.Option(min=1, help="Maximum epochs (early stopping on "
                                        "validation loss).")] = 30,
    maxlen: Annotated[int | None, typer.Option(min=1, help="Tokens kept per text (default: "
                                               "95th percentile of training lengths, <= 1000).")]
    = None,
    num_words: Annotated[int, typer.Option(min=2, help="Vocabulary size (most frequent "
                                           "words).")] = 20000,
    batch_size: Annotated[int, typer.Option(min=1)] = 32,
    trainable: Annotated[bool, typer.Option("--trainable/--frozen", help="Fine-tune the "
                                            "pre-trained vectors or keep them frozen.")] = True,
    learning_rate: Annotated[float, typer.Option(min=0.0, help="Adam learning rate.")] = 1e-3,
    val_split: Annotated[float, typer.Option(min=0.0, max=0.9, help="Share of training data "
                                             "held out (stratified) for validation and early "
                                             "stopping; 0 trains without validation.")] = 0.1,
    train_samples: Annotated[int | None, typer.Option(min=1, help="Keep only the first N "
                                                      "shuffled training texts (seed 000's "
                                                      "few-shot protocol).")] = None,
    validation_samples: Annotated[int | None, typer.Option(min=1, help="Validate on the next "
                                                           "N shuffled training texts instead "
                                                           "of --val-split.")] = None,
    seed: Annotated[int, typer.Option(help="Seed for splits, initialisation and shuffling.")]
    = 0,
    out: Annotated[Path | None, typer.Option(help="Bundle directory (default: "
                                             "runs/<dataset>-<model>).")] = None,
    text_column: TextColumn = None,
    label_column: LabelColumn = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Train a text classifier, evaluate it on validation and test data, save the bundle."""
    from wordvec.data import load_dataset
    from wordvec.training import TextClassifier
    from wordvec.training.progress import RichProgress
    from wordvec.training.report import summary

    info = info_console(as_json)
    data = load_dataset(
        dataset, seed=seed, train_samples=train_samples, validation_samples=validation_samples,
        validation_size=None if validation_samples or not val_split else val_split,
        **column_options(text_column, label_column),
    )
    train_split = data.split("train")
    info.print(f"dataset {data.name}: {len(train_split.texts):,} training texts, "
               f"{len(data.classes)} classes ({', '.join(data.classes)})")
    clf = TextClassifier(
        head=model, vectors=None if vectors.lower() == "none" else vectors, maxlen=maxlen,
        num_words=num_words, trainable=trainable, epochs=epochs, batch_size=batch_size,
        learning_rate=learning_rate, seed=seed,
    )
    validation = None
    if "validation" in data.splits:
        split = data.split("validation")
        validation = (split.texts, split.labels)
    clf.fit(train_split.texts, train_split.labels, validation_split=0.0,
            validation_data=validation, callbacks=[RichProgress(epochs)])
    if clf.coverage_ is not None:
        info.print(str(clf.coverage_))
    if "test" in data.splits:
        test = data.split("test")
        clf.metrics_["test"] = summary(clf.evaluate(test.texts, test.labels))
    out = out or Path("runs") / f"{data.name}-{model}"
    clf.save(out, dataset=data.source)
    if as_json:
        counts = {name: len(data.split(name)) for name in data.splits}
        print_json({"bundle": str(out), "texts": counts, **clf.metrics_})
        return
    rows = {k: clf.metrics_[k] for k in ("val", "test") if k in clf.metrics_}
    info.print(metrics_table(rows, title=f"{model} on {data.name}"))
    info.print(f"trained in {clf.metrics_['train_seconds']:.1f} s; bundle saved to {out}")

