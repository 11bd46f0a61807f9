"""Look at an embedding space: chosen words (and their nearest neighbours) projected to 2-D.

The unit-length vectors are projected with scikit-learn's PCA (default: linear, the directions
of most variance, repeatable) or t-SNE (non-linear, keeps neighbourhoods, cosine metric) and
drawn with matplotlib's Agg renderer (no display needed) into a file written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from wordvec._io import atomic_file
from wordvec.errors import VectorsError
from wordvec.vectors.vectors import Vectors

METHODS = ("pca", "tsne")
_FORMATS = ("png", "svg", "pdf", "jpg", "jpeg", "webp", "tif", "tiff", "eps", "ps")
_EXACT_TSNE = 500  # up to this many points exact t-SNE is fast and needs no threads
_COLOURS = {"word": "tab:blue", "neighbor": "tab:orange"}


@dataclass
class Point:
    """One labelled point: a word asked for (``kind="word"``) or a neighbour of ``of``.

    Example:
        >>> Point("good", 0.5, -0.1, "neighbor", of="great").kind
        'neighbor'
    """

    word: str
    x: float
    y: float
    kind: str = "word"
    of: str | None = None


@dataclass
class Projection:
    """What ``plot_words`` drew: the points, the words not found, the method and the file.

    Example:
        >>> Projection([Point("a", 0.0, 0.0)], missing=["zz"], method="pca").missing
        ['zz']
    """

    points: list[Point]
    missing: list[str] = field(default_factory=list)
    method: str = "pca"
    path: Path | None = None


def plot_words(
    vectors: Vectors | str | os.PathLike, words: Sequence[str], out: str | os.PathLike, *,
    method: str = "pca", neighbors: int = 0, seed: int = 0, title: str | None = None,
) -> Projection:
    """Draw ``words`` (and each one's ``neighbors`` nearest words, in a second colour) as a
    labelled 2-D projection, written atomically to ``out`` (format from its suffix: .png,
    .svg, .pdf, ...). Words missing from the vectors are skipped and listed in ``missing`` (a
    lower-case form is tried first); ``VectorsError`` when none is found.

    Example:
        >>> p = plot_words("glove-6b-50d", ["king", "queen", "paris"], "words.png",
        ...                neighbors=3)  # doctest: +SKIP
        >>> [pt.word for pt in p.points if pt.kind == "word"]  # doctest: +SKIP
        ['king', 'queen', 'paris']
    """
    from wordvec.vectors import load_vectors

    out = Path(out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in _FORMATS:
        raise VectorsError(f"cannot tell the image format of {out}: use one of "
                           f"{', '.join('.' + f for f in _FORMATS)}")
    if method not in METHODS:
        raise VectorsError(f"unknown projection method {method!r}; choose one of "
                           f"{', '.join(METHODS)}")
    if neighbors < 0:
        raise VectorsError(f"neighbors must be zero or more, got {neighbors}")
    vectors = load_vectors(vectors)
    found, missing = _lookup(vectors, words)
    if not found:
        raise VectorsError(f"none of the words is in the vectors {vectors.name!r}: "
                           f"{', '.join(map(repr, words[:10]))}")
    points = [Point(word, 0.0, 0.0) for word in found]
    seen = set(found)
    for word in found if neighbors else ():
        for near, _ in vectors.most_similar(word, topn=neighbors):
            if near not in seen:
                seen.add(near)
                points.append(Point(near, 0.0, 0.0, "neighbor", of=word))
    units = np.stack([vectors.unit(point.word) for point in points])
    for point, (x, y) in zip(points, project(units, method, seed=seed).tolist(), strict=True):
        point.x, point.y = x, y
    projection = Projection(points, missing, method, out)
    figure = _figure(projection, title or f"{vectors.name}: {_METHOD_NAMES[method]}")
    with atomic_file(out, "wb") as handle:
        figure.savefig(handle, format=fmt, dpi=150, bbox_inches="tight")
    return projection


def project(matrix: np.ndarray, method: str = "pca", *, seed: int = 0) -> np.ndarray:
    """Rows of ``matrix`` as 2-D coordinates (``pca`` or ``tsne``); fewer than 2 components
    available (one row, one dimension) leave the missing axis at 0.

    Example:
        >>> project(np.array([[1., 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])).shape
        (4, 2)
    """
    matrix = np.asarray(matrix, dtype=np.float64)
    n = matrix.shape[0]
    coords = np.zeros((n, 2))
    if n < 2:
        return coords
    if method == "pca":
        from sklearn.decomposition import PCA

        components = min(2, n, matrix.shape[1])
        coords[:, :components] = PCA(n_components=components, random_state=seed) \
            .fit_transform(matrix)
        return coords
    if method == "tsne":
        from sklearn.manifold import TSNE

        perplexity = min(30.0, max(1.0, (n - 1) / 3.0))  # sklearn needs perplexity < n
        return TSNE(n_components=2, perplexity=perplexity, metric="cosine", init="pca",
                    method="exact" if n <= _EXACT_TSNE else "barnes_hut",
                    random_state=seed).fit_transform(matrix)
    raise VectorsError(f"unknown projection method {method!r}; choose one of {', '.join(METHODS)}")


_METHOD_NAMES = {"pca": "PCA", "tsne": "t-SNE"}


def _lookup(vectors: Vectors, words: Sequence[str]) -> tuple[list[str], list[str]]:
    """The vocabulary form of each word (as given, else lower-cased), without repeats; and the
    words not found."""
    found: list[str] = []
    missing: list[str] = []
    for word in words:
        form = word if word in vectors else word.lower()
        if form not in vectors:
            missing.append(word)
        elif form not in found:
            found.append(form)
    return found, missing


def _figure(projection: Projection, title: str) -> Any:
    """A matplotlib ``Figure`` (no pyplot, no global state) with one labelled dot per point."""
    from matplotlib.figure import Figure

    size = min(16.0, 6.0 + 0.08 * len(projection.points))
    figure = Figure(figsize=(size * 4 / 3, size))
    axes = figure.add_subplot()
    for kind, label in (("word", "words"), ("neighbor", "nearest neighbours")):
        chosen = [p for p in projection.points if p.kind == kind]
        if not chosen:
            continue
        axes.scatter([p.x for p in chosen], [p.y for p in chosen], s=24,
                     color=_COLOURS[kind], label=label, zorder=2 if kind == "word" else 1)
        for p in chosen:
            axes.annotate(p.word, (p.x, p.y), xytext=(4, 3), textcoords="offset points",
                          fontsize=10 if kind == "word" else 8, color=_COLOURS[kind],
                          fontweight="bold" if kind == "word" else "normal")
    if len({p.kind for p in projection.points}) > 1:
        axes.legend(loc="best")
    axes.margins(x=0.2, y=0.06)  # room for the labels right of the outermost dots
    axes.set_title(title)
    axes.set_xlabel(f"{_METHOD_NAMES[projection.method]} 1")
    axes.set_ylabel(f"{_METHOD_NAMES[projection.method]} 2")
    axes.grid(True, alpha=0.3)
    return figure
