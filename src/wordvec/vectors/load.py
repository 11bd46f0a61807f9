"""``load_vectors``: a registry name or a path in, ``Vectors`` out (cached after a parse)."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from typing import Any

from wordvec.errors import VectorsError
from wordvec.vectors import cache as _cache
from wordvec.vectors import registry
from wordvec.vectors.formats import check_dtype, normalise_format, read_vectors
from wordvec.vectors.sources import Source, resolve
from wordvec.vectors.vectors import LoadReport, Vectors


def load_vectors(
    name_or_path: str | os.PathLike | Vectors, *, limit: int | None = None,
    dtype: str = "float32", format: str = "auto", cache: bool = True,
    on_error: str | None = None, unicode_errors: str = "replace", progress: bool = True,
) -> Vectors:
    """Load word vectors by registry name (``glove-6b-50d``, ...) or from a file.

    Files may be GloVe text, word2vec text or binary, or fastText ``.vec``, optionally
    ``.gz``/``.bz2``/``.xz`` or inside a zip (``archive.zip:member.txt``). ``limit`` keeps the
    first N rows; ``dtype`` is ``float32`` or ``float16``; malformed rows raise ``VectorsError``
    naming the line, or are skipped and counted with ``on_error="skip"`` (default ``"raise"``, or
    the registry's choice for a named set). A parsed file is streamed into a cache entry under
    ``$WORDVEC_HOME/vectors`` and memory-mapped, so later loads take milliseconds and parsing
    never holds the matrix twice (``cache=False`` parses into memory instead).

    Example:
        >>> v = load_vectors("glove-6b-50d")
        >>> len(v), v.dim, v.analogy("man", "king", "woman", topn=1)[0][0]
        (400000, 50, 'queen')
    """
    if isinstance(name_or_path, Vectors):
        return name_or_path if limit is None else name_or_path.limit(limit)
    started = time.perf_counter()
    if limit is not None and limit < 0:
        raise VectorsError(f"limit must be zero or more, got {limit}")
    dtype = check_dtype(dtype)
    spec = os.fspath(name_or_path)
    entry = registry.lookup(spec) if not Path(spec).expanduser().exists() else None
    if entry is not None and entry.format == "embedded":
        return _embedded(limit, dtype, started)
    name = spec
    if entry is not None:
        name = entry.name
        on_error = on_error or entry.on_error
        spec = registry.fetch(entry, progress=progress)
    source = _resolve(spec)
    parse = functools.partial(
        read_vectors, source, format=normalise_format(format), dtype=dtype, limit=limit,
        on_error=on_error or "raise", unicode_errors=unicode_errors,
    )
    words, matrix, report = _cached(parse, source) if cache else parse()
    report.seconds = time.perf_counter() - started
    return Vectors(words, matrix, name=name, report=report)


def _cached(parse: functools.partial, source: Source) -> tuple[list[str], Any, LoadReport]:
    """Read from the cache entry of ``source`` + options, or parse straight into a new one."""
    options = parse.keywords
    key = _cache.cache_key(source.path, source.member, *(options[k] for k in sorted(options)))
    hit = _cache.load_entry(key)
    if hit is not None:
        words, matrix, meta = hit
        fields = LoadReport.__dataclass_fields__
        report = LoadReport(**{k: v for k, v in meta.items() if k in fields})
        report.cached = True
        return words, matrix, report
    reports: list[LoadReport] = []

    def build(out: Path) -> tuple[list[str], dict]:
        words, matrix, report = parse(out=out)
        del matrix  # the memory map closes before the entry is renamed into place
        reports.append(report)
        return words, report.to_dict()

    stored = _cache.write_entry(key, build)
    if stored is None:
        words, matrix, report = parse()
        report.notes.append("cache not written (folder not writable)")
        return words, matrix, report
    words, matrix, _ = stored
    return words, matrix, reports[0]


def _resolve(spec: str) -> Source:
    try:
        return resolve(spec)
    except VectorsError:
        if os.sep in spec or "." in spec or ":" in spec:
            raise
        raise VectorsError(
            f"unknown vectors {spec!r}: not a file and not a registered name "
            f"({', '.join(registry.names())})"
        ) from None


def _embedded(limit: int | None, dtype: str, started: float) -> Vectors:
    vocab, matrix = registry.load_embedded()
    if limit is not None:
        vocab, matrix = vocab[:limit], matrix[:limit]
    if dtype != matrix.dtype.name:
        matrix = matrix.astype(dtype)
    report = LoadReport(
        source=registry.EMBEDDED, format="embedded", rows=len(vocab), dim=int(matrix.shape[1]),
        cached=True, seconds=time.perf_counter() - started,
    )
    return Vectors(vocab, matrix, name=registry.EMBEDDED, report=report)
