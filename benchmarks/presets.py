"""wordvec's presets measured: accuracy, training time, prediction rate, how chosen.

Run from the repository root (data from ``$WORDVEC_SHARED_DATA`` or ``../shared/data``):

    .venv/bin/python benchmarks/presets.py                 # IMDB + 20 Newsgroups + 200 samples
    .venv/bin/python benchmarks/presets.py --tasks imdb --presets fast
    .venv/bin/python benchmarks/presets.py --select        # the validation folds behind them

Each row: ``TextClassifier(**config).fit(train texts, labels)`` timed from raw text to fitted
model (the classifier holds out 10 % of train for early stopping, or uses the task's own
validation split); accuracy and macro F1 on the task's scored split; prediction rate from raw
test texts to labels (second call; the first includes compilation). Tasks are the harness's
(``benchmarks/_data.py``): the official IMDB split, 20 Newsgroups with seed 002's protocol,
seed 000's 200 training reviews (10,000 validate).

``--select`` reproduces the choice of the presets' settings on IMDB *training* data only: five
folds, each holding out the reviews with ids in one fifth of the id range (a block of ids keeps
most reviews of a movie together), fixed epochs, mean validation accuracy per candidate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import ARCHIVES, load_task, shared_data  # noqa: E402

# The configuration reported for seed 000's 200-sample experiment (chosen on its 10,000
# validation reviews among NBSVM n-gram orders and learning rates and frozen-GloVe averages).
FEW_SHOT = {"head": "nbsvm", "vectors": None, "num_words": None, "ngrams": 1, "min_df": 1,
            "batch_size": 16, "learning_rate": 0.01, "epochs": 200, "patience": 5}

CONFIGS = {"fast": {"preset": "fast"}, "accurate": {"preset": "accurate"},
           "few-shot": FEW_SHOT}
DEFAULT_ROWS = [("imdb", "fast"), ("imdb", "accurate"), ("20ng", "fast"),
                ("20ng", "accurate"), ("imdb-200", "few-shot")]

# --select: settings compared on IMDB training folds (NBSVM, 2 epochs, batches of 64)
CANDIDATES = {
    "words+bigrams": {"ngrams": 2},
    "+trigrams": {"ngrams": 3},
    "+trigrams, . ! ? tokens": {"ngrams": 3, "punctuation": ".!?"},
    "+4-grams, . ! ? tokens": {"ngrams": 4, "punctuation": ".!?"},
    "+trigrams, . ! ?, batches of 32": {"ngrams": 3, "punctuation": ".!?", "batch_size": 32},
}
_SELECT_BASE = {"head": "nbsvm", "vectors": None, "num_words": None, "buckets": 2**23,
                "min_df": 2, "batch_size": 64, "learning_rate": 1e-3, "epochs": 2}


def measure(task_key: str, config_name: str) -> dict[str, Any]:
    """Fit, time and score one configuration on one task.

    Example:
        >>> measure("imdb", "fast")["accuracy"] > 0.88  # doctest: +SKIP
        True
    """
    from sklearn.metrics import accuracy_score, f1_score

    from wordvec._backend import import_keras
    from wordvec.training import TextClassifier

    import_keras()
    import wordvec.training.bag_training  # noqa: F401  (imports are not training time)
    import wordvec.training.packing  # noqa: F401

    task = load_task(task_key)
    clf = TextClassifier(**CONFIGS[config_name])
    options = {"validation_data": task.validation} if task.validation else {}
    started = time.perf_counter()
    clf.fit(*task.train, **options)
    train_seconds = time.perf_counter() - started
    texts, labels = task.test
    clf.predict(texts)
    started = time.perf_counter()
    predicted = clf.predict(texts)
    predict_seconds = time.perf_counter() - started
    return {
        "task": task.title, "config": config_name, "sizes": task.sizes(),
        "accuracy": accuracy_score(labels, predicted),
        "macro_f1": f1_score(labels, predicted, average="macro"),
        "train_seconds": train_seconds, "epochs": len(clf.history_.get("loss", [])),
        "predict_per_second": len(texts) / predict_seconds,
        "val_accuracy": clf.metrics_.get("val", {}).get("accuracy"),
        "load_average": os.getloadavg()[0],
    }


def _imdb_train_with_ids() -> list[tuple[int, str, str]]:
    """(review id, text, label) of IMDB's training reviews, read like ``load_dataset`` does."""
    from wordvec.data._members import iter_members
    from wordvec.data._text import strip_html_breaks

    rows = []
    for parts, data in iter_members(shared_data() / ARCHIVES["imdb"]):
        if len(parts) == 4 and parts[1] == "train" and parts[2] in ("pos", "neg"):
            review = int(parts[3].split("_")[0])
            rows.append((review, strip_html_breaks(data.decode("utf-8")), parts[2]))
    return sorted(rows, key=lambda row: (row[2], row[0]))


def select(folds: int = 5) -> dict[str, list[float]]:
    """Validation accuracy of every candidate on each IMDB training fold.

    Example:
        >>> scores = select()  # doctest: +SKIP
    """
    import numpy as np

    from wordvec.training import TextClassifier

    rows = _imdb_train_with_ids()
    width = (max(r[0] for r in rows) + 1) / folds
    scores: dict[str, list[float]] = {name: [] for name in CANDIDATES}
    for fold in range(folds):
        held = [int(r[0] // width) == fold for r in rows]
        order = np.random.default_rng(fold).permutation(len(rows))
        train = [rows[i] for i in order if not held[i]]
        val = [r for r, h in zip(rows, held, strict=True) if h]
        for name, settings in CANDIDATES.items():
            clf = TextClassifier(**{**_SELECT_BASE, **settings})
            clf.fit([r[1] for r in train], [r[2] for r in train], validation_split=0.0)
            accuracy = clf.evaluate([r[1] for r in val], [r[2] for r in val])["accuracy"]
            scores[name].append(accuracy)
            print(f"fold {fold} {name}: {accuracy:.4f}", file=sys.stderr, flush=True)
    return scores


def _table(rows: list[dict[str, Any]]) -> str:
    lines = ["| task | config | train/val/test | accuracy | macro F1 | train s | predict/s |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['task']} | {r['config']} | {r['sizes']} | {r['accuracy']:.4f} | "
                     f"{r['macro_f1']:.4f} | {r['train_seconds']:.1f} | "
                     f"{r['predict_per_second']:,.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", nargs="*", help="imdb, 20ng, imdb-200 (default: all)")
    parser.add_argument("--presets", nargs="*", help="fast, accurate, few-shot (default: all)")
    parser.add_argument("--select", action="store_true", help="run the validation folds")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.select:
        scores = select()
        print(json.dumps(scores, indent=2) if args.json else "\n".join(
            f"| {name} | {sum(v) / len(v):.4f} | {' '.join(f'{x:.4f}' for x in v)} |"
            for name, v in scores.items()))
        return
    rows = [measure(task, config) for task, config in DEFAULT_ROWS
            if (not args.tasks or task in args.tasks)
            and (not args.presets or config in args.presets)]
    print(json.dumps(rows, indent=2) if args.json else _table(rows))
    print(f"\nmachine: {os.cpu_count()} CPUs; command: python benchmarks/presets.py "
          f"{' '.join(argv if argv is not None else sys.argv[1:])}", file=sys.stderr)


if __name__ == "__main__":
    main()
