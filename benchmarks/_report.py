"""The markdown the benchmark prints: machine, command, the results table and per-row notes."""

from __future__ import annotations

import contextlib
import os
import platform
from importlib import metadata
from typing import Any

from _data import TITLES

COLUMNS = ("dataset", "system", "accuracy %", "macro F1 %", "train s", "predict texts/s",
           "(1st call)", "peak RSS MB")


def machine() -> str:
    """One line: cores, RAM, CPU model, Python and library versions.

    Example:
        >>> "Python" in machine()
        True
    """
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = ""
    with contextlib.suppress(ValueError, OSError):
        ram = f"{os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.1f} GiB RAM, "
    versions = ", ".join(f"{name} {_version(dist)}" for name, dist in (
        ("Keras", "keras"), ("JAX", "jax"), ("scikit-learn", "scikit-learn"),
        ("fastText", "fasttext-numpy2-wheel"), ("numpy", "numpy")))
    return (f"{os.cpu_count()} CPUs ({cpu}), {ram}Python {platform.python_version()}, "
            f"{versions}")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a markdown table, one line per (dataset, system).

    Example:
        >>> print(table([{"task": "imdb", "system": "x", "error": "boom"}]).splitlines()[-1])
        | IMDB (25k/25k) | x | failed: boom | | | | | |
    """
    lines = ["| " + " | ".join(COLUMNS) + " |",
             "|---|---|" + "---:|" * (len(COLUMNS) - 2)]
    for row in rows:
        title = TITLES.get(row["task"], row["task"])
        if "error" in row:
            lines.append(f"| {title} | {row['system']} | failed: {row['error']} |"
                         + " |" * (len(COLUMNS) - 3))
            continue
        lines.append(
            f"| {title} | {row['system']} | {100 * row['accuracy']:.2f} | "
            f"{100 * row['macro_f1']:.2f} | {row['train_seconds']:.1f} | "
            f"{row['predict_per_second']:,.0f} | {row['first_predict_per_second']:,.0f} | "
            f"{row['peak_rss_mb']:,.0f} |"
        )
    return "\n".join(lines)


def notes(rows: list[dict[str, Any]]) -> str:
    """One bullet per row: split sizes, settings, validation scores, machine load.

    Example:
        >>> notes([{"task": "imdb", "system": "x", "sizes": "1/-/1", "note": "defaults",
        ...         "load_avg": 1.0, "data_rss_mb": 10.0}])
        '- IMDB (25k/25k), x: train/val/test 1/-/1; defaults; load avg 1.0, RSS after data 10 MB'
    """
    out = []
    for row in rows:
        if "error" in row:
            continue
        out.append(f"- {TITLES.get(row['task'], row['task'])}, {row['system']}: train/val/test "
                   f"{row['sizes']}; {row['note']}; load avg {row['load_avg']}, "
                   f"RSS after data {row['data_rss_mb']:,.0f} MB")
    return "\n".join(out)
