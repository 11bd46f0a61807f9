"""Folder layouts, in a folder or an archive: class folders, IMDB aclImdb, 20 Newsgroups.

The layout is found from the file paths alone:

- one sub-folder per class, optionally under ``train/`` and ``test/`` (also ``validation/``,
  ``val/``, ``dev/``, and names ending in ``-train`` / ``-test`` as in ``20news-bydate-train``);
- IMDB when the classes are ``pos`` / ``neg`` (+ ``unsup``, kept as unlabelled text) under
  ``train/`` and ``test/``: ``<br />`` tags become spaces;
- 20 Newsgroups when every class looks like a newsgroup (``rec.autos``) and every file name is
  a number: latin-1, the header removed as in the Keras blog (text from the first blank line).

- data files (CSV, TSV, JSON Lines, fastText) with at most a README or LICENSE beside them:
  read with ``wordvec.data.formats``; ``train.csv`` / ``test.csv`` name their split.

Single wrapper folders (``aclImdb/``, ``20_newsgroup/``) are looked through. Files outside the
layout (a README) are ignored and listed in the report; empty files are skipped and counted.
A folder literally named ``train``, ``test``, ``val`` or ``dev`` is taken as a split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from wordvec.data._corpus import UNSPLIT, Corpus, Split
from wordvec.data._members import Member
from wordvec.data._text import decode, newsgroup_body, strip_html_breaks
from wordvec.data.formats import parse_table, table_format
from wordvec.data.report import LoadReport
from wordvec.errors import DatasetError

_SPLIT_NAMES = {
    "train": "train", "training": "train", "test": "test", "testing": "test",
    "validation": "validation", "val": "validation", "valid": "validation", "dev": "validation",
}
_NEWSGROUP = re.compile(r"^[a-z0-9+_-]+(\.[a-z0-9+_-]+)+$")
_IMDB_CLASSES = {"pos", "neg"}
UNSUP = "unsup"


def split_name(folder: str) -> str | None:
    """The split a folder name stands for, or None.

    Example:
        >>> split_name("20news-bydate-train"), split_name("dev"), split_name("sport")
        ('train', 'validation', None)
    """
    low = folder.lower()
    for name, split in _SPLIT_NAMES.items():
        if low == name or low.endswith((f"-{name}", f"_{name}")):
            return split
    return None


def read_tree(
    members: Iterable[Member],
    source: Path,
    *,
    encoding: str | None = None,
    remove_quotes: bool = False,
    remove_signatures: bool = False,
    **table_options: Any,
) -> Corpus:
    """Read the files of a folder or archive laid out as one sub-folder per class.

    Without class folders, data files (``train.csv`` and ``test.csv``, ``data.jsonl`` ...) are
    read with ``wordvec.data.formats``, their split taken from the file name.

    Example:
        >>> members = [(("neg", "1.txt"), b"dull"), (("pos", "2.txt"), b"great")]
        >>> corpus = read_tree(members, Path("reviews"))
        >>> corpus.splits[""].labels
        ['neg', 'pos']
    """
    files = sorted(members, key=lambda member: member[0])
    tables = _tables(files, encoding, table_options)
    if tables is not None:
        return tables
    depth = _root_depth([parts for parts, _ in files])
    has_splits = any(len(p) > depth + 1 and split_name(p[depth]) for p, _ in files)
    report = LoadReport()
    placed = []  # (split, class, parts, data)
    for parts, data in files:
        where = _place(parts[depth:], has_splits)
        if where is None:
            report.ignored.append("/".join(parts))
        else:
            placed.append((*where, parts, data))
    if not placed:
        raise DatasetError(
            f"no recognised layout in {source}: expected one sub-folder per class (optionally "
            f"under train/ and test/), or a CSV, TSV, JSON Lines or fastText file"
        )
    classes = {label for _, label, _, _ in placed}
    if classes >= _IMDB_CLASSES and classes <= _IMDB_CLASSES | {UNSUP} and any(
        split for split, _, _, _ in placed
    ):
        report.layout, clean, default_encoding = "IMDB aclImdb", strip_html_breaks, "utf-8"
    elif all(_NEWSGROUP.match(label) for label in classes) and all(
        parts[-1].isdigit() for _, _, parts, _ in placed
    ):
        report.layout, default_encoding = "20 Newsgroups", "latin-1"

        def clean(text: str) -> str:
            return newsgroup_body(text, remove_quotes, remove_signatures)
    else:
        report.layout, clean, default_encoding = "class folders", _same, "utf-8"
    return _corpus(placed, report, clean, encoding or default_encoding)


def _same(text: str) -> str:
    return text


def _corpus(placed, report: LoadReport, clean, encoding: str) -> Corpus:
    splits: dict[str, Split] = {}
    unlabelled: list[str] = []
    imdb = report.layout.startswith("IMDB")
    for split, label, parts, data in placed:
        name = "/".join(parts)
        report.files_read += 1
        if not data.strip():
            report.empty.append(name)
            continue
        text = clean(decode(data, name, report, encoding))
        if imdb and label == UNSUP:
            unlabelled.append(text)
            continue
        target = splits.setdefault(split, Split([], []))
        target.texts.append(text)
        target.labels.append(label)
    holdout = "shuffle" if report.layout == "20 Newsgroups" else "stratified"
    return Corpus(splits, report, unlabelled, holdout)


def _tables(files: list[Member], encoding: str | None,
            options: dict[str, Any]) -> Corpus | None:
    """Data files (CSV, JSON Lines ...) with at most documentation beside them, or None."""
    found = [(parts, data, table_format(parts[-1], data[:256])) for parts, data in files]
    if not any(fmt for _, _, fmt in found) or not all(
        fmt or _is_doc(parts[-1]) for parts, _, fmt in found
    ):
        return None
    report = LoadReport(layout=", ".join(sorted({fmt for _, _, fmt in found if fmt})) + " files")
    if encoding:
        options = {**options, "encoding": encoding}
    splits: dict[str, Split] = {}
    for parts, data, fmt in found:
        if not fmt:
            report.ignored.append("/".join(parts))
            continue
        report.files_read += 1
        split = split_name(PurePosixPath(parts[-1]).stem) or UNSPLIT
        part = parse_table("/".join(parts), data, report, fmt, **options)
        target = splits.setdefault(split, Split([], []))
        target.texts.extend(part.texts)
        target.labels.extend(part.labels)
    return Corpus(splits, report)


def _is_doc(name: str) -> bool:
    upper = name.upper()
    return upper.startswith(("README", "LICENSE", "LICENCE", "COPYING")) or upper.endswith(".MD")


def _root_depth(paths: list[tuple[str, ...]]) -> int:
    """How many single wrapper folders to look through before the layout starts."""
    depth = 0
    while True:
        level = [parts[depth:] for parts in paths]
        folders = {parts[0] for parts in level if len(parts) > 1}
        loose = any(len(parts) == 1 for parts in level)
        if any(split_name(folder) for folder in folders):
            return depth
        if len(folders) == 1 and not loose and max(len(parts) for parts in level) >= 3:
            depth += 1
            continue
        return depth


def _place(parts: tuple[str, ...], has_splits: bool) -> tuple[str, str] | None:
    """(split, class) of a file relative to the layout root, or None when outside it."""
    if len(parts) < 2:
        return None
    split = split_name(parts[0]) if has_splits else None
    if split is None:
        return None if has_splits else (UNSPLIT, parts[0])
    if len(parts) < 3:
        return None
    return split, parts[1]
