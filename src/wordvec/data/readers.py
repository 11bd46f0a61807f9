"""From a path to a ``Corpus``: folders and archives by layout, single files by format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wordvec.data._corpus import Corpus
from wordvec.data._members import archive_kind, iter_members
from wordvec.data.formats import read_file
from wordvec.data.layouts import read_tree
from wordvec.errors import DatasetError

READER_OPTIONS = ("encoding", "remove_quotes", "remove_signatures", "text_column",
                  "label_column", "delimiter")


def read_source(path: Path, **options: Any) -> Corpus:
    """Read a folder, a tar/zip archive or a single data file into a ``Corpus``.

    Options that are None are ignored; an unknown option raises ``DatasetError`` naming it.
    ``encoding`` overrides the layout's own (utf-8; latin-1 for 20 Newsgroups); the others
    apply to the layouts and formats that use them (see ``load_dataset``).

    Example:
        >>> corpus = read_source(Path("reviews.csv"), text_column="review")  # doctest: +SKIP
        >>> corpus.report.layout  # doctest: +SKIP
        'CSV'
    """
    options = {key: value for key, value in options.items() if value is not None}
    for key in options:
        if key not in READER_OPTIONS:
            raise DatasetError(f"unknown reader option {key!r} (options: "
                               f"{', '.join(READER_OPTIONS)})")
    if path.is_dir() or archive_kind(path):
        return read_tree(iter_members(path), path, **options)
    file_options = {k: v for k, v in options.items() if k not in ("remove_quotes",
                                                                 "remove_signatures")}
    return read_file(path, **file_options)
