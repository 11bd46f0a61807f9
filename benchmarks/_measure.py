"""Measure one system on one task in a fresh process, so peak memory is its own.

``measure(task, system, quick)`` starts a ``spawn`` child that loads the task, builds the
system, times ``fit`` (raw training texts to fitted model) and ``predict`` on the test texts
(raw texts to labels; called twice: the first call includes any compilation and warm-up, the
second is the reported rate), scores the predictions with scikit-learn and reads its own
``ru_maxrss``. The parent only receives a dict of numbers and notes.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
import traceback
from typing import Any


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run(task_key: str, system_name: str, quick: bool) -> dict[str, Any]:
    """Load, fit, predict and score in this process; the numbers of one table row.

    Example:
        >>> row = run("imdb", "tfidf-lr", quick=True)  # doctest: +SKIP
        >>> sorted(row)[:3]  # doctest: +SKIP
        ['accuracy', 'data_rss_mb', 'load_avg']
    """
    from _data import load_task
    from _systems import SYSTEMS
    from sklearn.metrics import accuracy_score, f1_score

    task = load_task(task_key, quick)
    data_rss = _rss_mb()
    system = SYSTEMS[system_name](task_key)
    system.prepare()  # library imports: not part of the training time
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    system.fit(task, quick)
    train_seconds = time.perf_counter() - start
    texts, labels = task.test
    start = time.perf_counter()
    first = system.predict(texts)
    first_seconds = time.perf_counter() - start
    start = time.perf_counter()
    predicted = system.predict(texts)
    predict_seconds = time.perf_counter() - start
    if list(first) != list(predicted):
        system.note += "; the two predict calls disagreed"
    return {
        "task": task_key, "system": system_name, "sizes": task.sizes(),
        "accuracy": float(accuracy_score(labels, predicted)),
        "macro_f1": float(f1_score(labels, predicted, average="macro")),
        "train_seconds": train_seconds,
        "predict_per_second": len(texts) / predict_seconds,
        "first_predict_per_second": len(texts) / first_seconds,
        "peak_rss_mb": _rss_mb(), "data_rss_mb": data_rss,
        "load_avg": round(load_before, 2), "note": system.note,
    }


def _child(task_key: str, system_name: str, quick: bool, conn: Any) -> None:
    try:
        conn.send(run(task_key, system_name, quick))
    except BaseException as exc:  # the parent reports it as a failed row
        lines = traceback.format_exception(exc)
        conn.send({"task": task_key, "system": system_name,
                   "error": f"{type(exc).__name__}: {exc}", "traceback": "".join(lines)})
    finally:
        conn.close()


def measure(task_key: str, system_name: str, quick: bool = False) -> dict[str, Any]:
    """Run :func:`run` in a fresh ``spawn`` process and return its row (or an ``error``).

    Example:
        >>> measure("20ng", "tfidf-lr", quick=True)["accuracy"] > 0.5  # doctest: +SKIP
        True
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(task_key, system_name, quick, send))
    process.start()
    send.close()
    try:
        row = receive.recv()
    except EOFError:
        row = {"task": task_key, "system": system_name, "error": "the process died"}
    process.join()
    if process.exitcode and "error" not in row:
        row["error"] = f"exit code {process.exitcode}"
    return row
