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

HEADS_HELP = ("Model head: average | cnn | flatten | rnn (padded word ids) or nbsvm | bag "
              "(n-gram bags). (default: average, or the preset's)")
PRESET_HELP = ("fast (NBSVM on words + bigrams, seconds) or accurate (NBSVM on words, bigrams "
               "and trigrams); explicit options override the preset's settings.")


def _or_preset(default: object) -> str:
    return f"(default: {default}, or the preset's)"


def train(
    dataset: Annotated[str, typer.Option(help="Registry name (bbc, imdb, 20newsgroups) or a "
                                         "path to a folder, archive or file.")] = "bbc",
    preset: Annotated[str | None, typer.Option(help=PRESET_HELP, show_default=False)] = None,
    vectors: Annotated[str | None, typer.Option(
        help="Pre-trained vectors: a registry name, a path, or 'none' to learn embeddings "
             "with the task. " + _or_preset("glove-6b-50d"), show_default=False)] = None,
    model: Annotated[str | None, typer.Option(help=HEADS_HELP, show_default=False)] = None,
    epochs: Annotated[int | None, typer.Option(
        min=1, help="Maximum epochs (early stopping on validation loss). " + _or_preset(30),
        show_default=False)] = None,
    patience: Annotated[int | None, typer.Option(
        min=1, help="Epochs without a better validation loss before training stops (the best "
                    "weights are restored). " + _or_preset(3), show_default=False)] = None,
    maxlen: Annotated[int | None, typer.Option(min=1, help="Tokens kept per text (default: "
                                               "95th percentile of training lengths, <= 1000).")]
    = None,
    num_words: Annotated[int | None, typer.Option(
        min=2, help="Vocabulary size (most frequent words). " + _or_preset(20000),
        show_default=False)] = None,
    batch_size: Annotated[int | None, typer.Option(
        min=1, help="Texts per batch. " + _or_preset(32), show_default=False)] = None,
    trainable: Annotated[bool | None, typer.Option(
        "--trainable/--frozen", help="Fine-tune the pre-trained vectors or keep them frozen. "
        + _or_preset("trainable"), show_default=False)] = None,
    learning_rate: Annotated[float | None, typer.Option(
        min=0.0, help="Adam learning rate. " + _or_preset(0.001), show_default=False)] = None,
    ngrams: Annotated[int | None, typer.Option(
        min=1, help="Longest word n-gram of the bag heads. " + _or_preset(2),
        show_default=False)] = None,
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
                                             "runs/<dataset>-<preset or model>).")] = None,
    text_column: TextColumn = None,
    label_column: LabelColumn = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Train a text classifier, evaluate it on validation and test data, save the bundle."""
    from wordvec.data import load_dataset
    from wordvec.training import TextClassifier
    from wordvec.training.progress import RichProgress
    from wordvec.training.report import summary

    given = {"head": model, "maxlen": maxlen, "num_words": num_words, "trainable": trainable,
             "epochs": epochs, "patience": patience, "batch_size": batch_size,
             "learning_rate": learning_rate, "ngrams": ngrams}
    given = {k: v for k, v in given.items() if v is not None}
    if vectors is not None:  # 'none' is an explicit choice: learn embeddings with the task
        given["vectors"] = None if vectors.lower() == "none" else vectors
    clf = TextClassifier(preset=preset, seed=seed, **given)
    info = info_console(as_json)
    data = load_dataset(
        dataset, seed=seed, train_samples=train_samples, validation_samples=validation_samples,
        validation_size=None if validation_samples or not val_split else val_split,
        **column_options(text_column, label_column),
    )
    train_split = data.split("train")
    info.print(f"dataset {data.name}: {len(train_split.texts):,} training texts, "
               f"{len(data.classes)} classes ({', '.join(data.classes)})")
    validation = None
    if "validation" in data.splits:
        split = data.split("validation")
        validation = (split.texts, split.labels)
    clf.fit(train_split.texts, train_split.labels, validation_split=0.0,
            validation_data=validation, callbacks=[RichProgress(clf.epochs)])
    if clf.coverage_ is not None:
        info.print(str(clf.coverage_))
    if "test" in data.splits:
        test = data.split("test")
        clf.metrics_["test"] = summary(clf.evaluate(test.texts, test.labels))
    kind = clf.head if preset is None else preset
    out = out or Path("runs") / f"{data.name}-{kind}"
    clf.save(out, dataset=data.source)
    if as_json:
        counts = {name: len(data.split(name)) for name in data.splits}
        print_json({"bundle": str(out), "texts": counts, **clf.metrics_})
        return
    rows = {k: clf.metrics_[k] for k in ("val", "test") if k in clf.metrics_}
    info.print(metrics_table(rows, title=f"{kind} on {data.name}"))
    info.print(f"trained in {clf.metrics_['train_seconds']:.1f} s; bundle saved to {out}")

