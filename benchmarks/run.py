"""Classification benchmark: wordvec next to fastText and TF-IDF + LR, and the seeds' models.

Run from the repository root (data from ``../shared/data`` unless ``WORDVEC_SHARED_DATA``
says otherwise):

    .venv/bin/python benchmarks/run.py [--datasets imdb,20ng,seeds] [--systems a,b]
                                       [--quick] [--out FILE.md] [--json FILE.json]

Every (dataset, system) pair runs in its own fresh process (multiprocessing ``spawn``), one
after the other, so the peak RSS of each row is its own and no two runs share the CPUs.
Columns: accuracy and macro F1 (scikit-learn) on the scored split; train seconds from raw
training texts to a fitted model (tokenising, vectorising, writing fastText's training file
included); predict texts/s from raw test texts to labels (the second call; the first call,
with any compilation, in brackets); peak RSS of the process (the loaded dataset included).
``--quick`` subsamples (2,000 train / 500 validation / 1,000 test) and trains the Keras
models for 1-2 epochs: a smoke run, not a measurement.

Datasets: ``imdb`` (official 25k/25k split), ``20ng`` (seed 002's 80/20 protocol, scored on
its 20 % validation set), ``seeds`` (= ``seed000-maxlen20``, ``seed000-glove200``,
``seed002-conv``: the seeds' own recipes next to wordvec's best for the same setting).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import measure  # noqa: E402
from _report import machine, notes, table  # noqa: E402
from _systems import GROUPS, SEED_GROUPS, SYSTEMS, plan  # noqa: E402


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; ``--datasets`` and ``--systems`` are comma-separated names.

    Example:
        >>> parse_args(["--datasets", "imdb", "--quick"]).datasets
        ['imdb']
    """
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--datasets", type=_names, default=list(GROUPS),
                        help=f"comma-separated: {', '.join(GROUPS + SEED_GROUPS)}")
    parser.add_argument("--systems", type=_names, default=None,
                        help=f"comma-separated subset (default: each dataset's own list): "
                             f"{', '.join(SYSTEMS)}")
    parser.add_argument("--quick", action="store_true",
                        help="subsample and train briefly: a smoke run, not a measurement")
    parser.add_argument("--out", type=Path, default=None, help="also write the markdown here")
    parser.add_argument("--json", type=Path, default=None, help="write the raw rows here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the planned jobs one by one and print the markdown report; 1 if any job failed.

    Example:
        >>> main(["--datasets", "imdb", "--systems", "tfidf-lr", "--quick"])  # doctest: +SKIP
        0
    """
    args = parse_args(argv)
    try:
        jobs = plan(args.datasets, args.systems)
    except ValueError as exc:
        print(f"benchmarks/run.py: error: {exc}", file=sys.stderr)
        return 2
    command = " ".join(shlex.quote(a) for a in [".venv/bin/python", "benchmarks/run.py",
                                                *(sys.argv[1:] if argv is None else argv)])
    started = time.perf_counter()
    rows = []
    for i, (task, system) in enumerate(jobs, 1):
        print(f"[{i}/{len(jobs)}] {task} / {system} ...", file=sys.stderr, flush=True)
        row = measure(task, system, args.quick)
        rows.append(row)
        print(f"    {_summary(row)}", file=sys.stderr, flush=True)
    report = "\n".join([
        f"Machine: {machine()}.",
        f"Command: `{command}` ({(time.perf_counter() - started) / 60:.1f} min in all"
        f"{', quick smoke run: not a measurement' if args.quick else ''}).",
        "", table(rows), "", notes(rows), "",
    ])
    print(report)
    if args.out:
        from wordvec._io import atomic_write_text

        atomic_write_text(args.out, report)
    if args.json:
        from wordvec._io import atomic_write_text

        atomic_write_text(args.json, json.dumps(rows, indent=1) + "\n")
    for row in rows:
        if "traceback" in row:
            print(row["traceback"], file=sys.stderr)
    return 1 if any("error" in row for row in rows) else 0


def _summary(row: dict) -> str:
    if "error" in row:
        return f"failed: {row['error']}"
    return (f"accuracy {row['accuracy']:.4f}, train {row['train_seconds']:.1f} s, "
            f"{row['predict_per_second']:,.0f} texts/s, peak {row['peak_rss_mb']:,.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
