"""Labelled text in single files: CSV, TSV, JSON Lines (or a JSON list) and fastText lines.

- CSV / TSV (``.csv``, ``.tsv``, ``.tab``): a header row; the text column is ``text_column``
  or the first of text, review, sentence, content, document; the label column is
  ``label_column`` or the first of label, labels, class, category, sentiment, target (names
  compared without case).
- JSON Lines (``.jsonl``, ``.ndjson``) or a JSON list of objects (``.json``): the same keys.
  A label that is a list keeps its first element.
- fastText (``.txt``, ``.ft``, or any file whose first line starts with ``__label__``):
  ``__label__sport __label__news Text ...``; with several labels the first one is kept
  (the report says how many lines had more).

Rows with an empty text or no label are skipped and counted in the report.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wordvec.data._corpus import UNSPLIT, Corpus, Split
from wordvec.data._text import decode
from wordvec.data.report import LoadReport
from wordvec.errors import DatasetError

TEXT_COLUMNS = ("text", "review", "sentence", "content", "document")
LABEL_COLUMNS = ("label", "labels", "class", "category", "sentiment", "target")
FASTTEXT_PREFIX = "__label__"
_FORMATS = {".csv": "CSV", ".tsv": "TSV", ".tab": "TSV", ".jsonl": "JSON Lines",
            ".ndjson": "JSON Lines", ".json": "JSON", ".txt": "fastText", ".ft": "fastText"}
_FASTTEXT_LINE = re.compile(r"^\s*((?:__label__\S+\s*)+)(.*)$", re.DOTALL)


def table_format(name: str, head: bytes = b"") -> str | None:
    """The format of a data file from its name (and first bytes for fastText), or None.

    Example:
        >>> table_format("train.tsv"), table_format("a.dat", b"__label__x hi")
        ('TSV', 'fastText')
    """
    suffix = Path(name).suffix.lower()
    if suffix in _FORMATS and suffix != ".txt":
        return _FORMATS[suffix]
    if head.lstrip().startswith(FASTTEXT_PREFIX.encode()):
        return "fastText"
    return None


def read_file(path: Path, **options: Any) -> Corpus:
    """Read one CSV / TSV / JSON Lines / fastText file into a ``Corpus`` (no predefined split).

    Example:
        >>> corpus = read_file(Path("reviews.csv"), text_column="body")  # doctest: +SKIP
    """
    data = path.read_bytes()
    fmt = table_format(path.name, data[:256])
    if fmt is None:
        raise DatasetError(f"no recognised format for {path}: expected .csv, .tsv, .jsonl, "
                           f".json or fastText lines (__label__x text)")
    report = LoadReport(layout=fmt, files_read=1)
    split = parse_table(path.name, data, report, fmt, **options)
    return Corpus({UNSPLIT: split}, report)


def parse_table(
    name: str,
    data: bytes,
    report: LoadReport,
    fmt: str,
    *,
    encoding: str = "utf-8-sig",
    text_column: str | None = None,
    label_column: str | None = None,
    delimiter: str | None = None,
    **_: Any,
) -> Split:
    """Texts and labels of one data file's bytes in format ``fmt`` (see ``table_format``).

    Example:
        >>> split = parse_table("a.csv", b"text,label\\nhi,x\\nyo,y\\n", LoadReport(), "CSV")
        >>> split.texts, split.labels
        (['hi', 'yo'], ['x', 'y'])
    """
    text = decode(data, name, report, encoding)
    if fmt == "fastText":
        rows = _fasttext_rows(name, text, report)
    elif fmt in ("CSV", "TSV"):
        sep = delimiter or ("\t" if fmt == "TSV" else ",")
        rows = _columns(name, _csv_records(name, text, sep), text_column, label_column)
    else:
        records = _json_list(name, text) if fmt == "JSON" else _jsonl_records(name, text)
        rows = _columns(name, records, text_column, label_column)
    split = Split([], [])
    for where, body, label in rows:
        report.rows_read += 1
        if not body or not body.strip() or label is None or not str(label).strip():
            report.empty.append(f"{name}:{where}")
            continue
        split.texts.append(body)
        split.labels.append(str(label).strip())
    return split


def _fasttext_rows(name: str, text: str, report: LoadReport) -> Iterator[tuple]:
    several = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _FASTTEXT_LINE.match(line)
        if match is None:
            raise DatasetError(f"{name} line {number}: no {FASTTEXT_PREFIX} prefix "
                               f"(fastText lines look like '__label__sport The match ...')")
        labels = match.group(1).split()
        several += len(labels) > 1
        yield number, match.group(2).strip(), labels[0][len(FASTTEXT_PREFIX):]
    if several:
        report.notes.append(f"{several:,} fastText line{'s' if several > 1 else ''} had several "
                            f"labels; the first one was kept")


@contextlib.contextmanager
def _big_fields() -> Iterator[None]:
    old = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_records(name: str, text: str, delimiter: str) -> Iterator[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    with _big_fields():
        try:
            header = next(reader, None)
            if header is None:
                raise DatasetError(f"{name} is empty: expected a header row with the column names")
            header = [column.strip() for column in header]
            for row in reader:
                if any(cell.strip() for cell in row):
                    yield reader.line_num, dict(zip(header, row, strict=False))
        except csv.Error as exc:
            raise DatasetError(f"{name} line {reader.line_num}: not valid CSV ({exc})") from None


def _jsonl_records(name: str, text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{name} line {number} is not valid JSON: {exc.msg} "
                               f"(column {exc.colno})") from None


def _json_list(name: str, text: str) -> Iterator[tuple[int, Any]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(value, list):
        raise DatasetError(f"{name}: expected a JSON list of objects, got {type(value).__name__}")
    yield from enumerate(value, start=1)


def _columns(name: str, records, text_column: str | None, label_column: str | None):
    """``(row, text, label)`` from dict records, choosing the columns on the first record."""
    chosen = None
    for where, record in records:
        if not isinstance(record, dict):
            raise DatasetError(f"{name} row {where}: expected an object with text and label "
                               f"fields, got {type(record).__name__}")
        if chosen is None:
            chosen = (_pick(name, list(record), text_column, TEXT_COLUMNS, "text"),
                      _pick(name, list(record), label_column, LABEL_COLUMNS, "label"))
        body, label = record.get(chosen[0]), record.get(chosen[1])
        if isinstance(label, list):
            label = label[0] if label else None
        yield where, body if isinstance(body, str) else _str(body), label


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _pick(name: str, columns: list[str], wanted: str | None, defaults: tuple, role: str) -> str:
    lower = {column.lower(): column for column in columns}
    for candidate in (wanted,) if wanted else defaults:
        if candidate.lower() in lower:
            return lower[candidate.lower()]
    found = ", ".join(columns) or "none"
    if wanted:
        raise DatasetError(f"{name} has no {role} column {wanted!r} (columns found: {found})")
    raise DatasetError(f"{name} has no {role} column (looked for {', '.join(defaults)}; columns "
                       f"found: {found}); pass {role}_column")
