"""From a path to a ``Corpus``: folders and archives by layout, single files by format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wordvec.data._corpus import Corpus
from wordvec.data._members import archive_kind, iter_members
from wordvec.data.layouts import read_tree
from wordvec.errors import DatasetError

TREE_OPTIONS = ("encoding", "remove_quotes", "remove_signatures")
FILE_OPTIONS = ("encoding", "text_column", "label_column", "delimiter")


def read_source(path: Path, **options: Any) -> Corpus:
    """Read a folder, a tar/zip archive or a single data file into a ``Corpus``.

    Options that are None are ignored; an option the source's kind does not take raises
    ``DatasetError`` naming it.

    Example:
        >>> corpus = read_source(Path("reviews.csv"), text_column="review")  # doctest: +SKIP
        >>> corpus.report.layout  # doctest: +SKIP
        'CSV'
    """
    options = {key: value for key, value in options.items() if value is not None}
    if path.is_dir() or archive_kind(path):
        _check_options(options, TREE_OPTIONS, "a folder or archive")
        return read_tree(iter_members(path), path, **options)
    from wordvec.data.formats import read_file

    _check_options(options, FILE_OPTIONS, "a data file")
    return read_file(path, **options)


def _check_options(options: dict[str, Any], allowed: tuple[str, ...], kind: str) -> None:
    for key in options:
        if key not in allowed:
            raise DatasetError(f"unknown reader option {key!r} for {kind} "
                               f"(options: {', '.join(allowed)})")
