"""Vectors: one object owning a vocabulary, its matrix and the cosine queries over them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from wordvec.errors import VectorsError

_QUERY_BLOCK = 65536  # rows per block when normalising, to bound temporary memory


class UnknownWordError(VectorsError, KeyError):
    """A word that is not in the vocabulary (a ``KeyError`` and a ``VectorsError``).

    Example:
        >>> raise UnknownWordError("word not in vocabulary: 'qzx'")
        Traceback (most recent call last):
        wordvec.vectors.vectors.UnknownWordError: word not in vocabulary: 'qzx'
    """

    __str__ = BaseException.__str__


@dataclass
class LoadReport:
    """What happened while reading a vectors source.

    Example:
        >>> LoadReport(source="glove.txt", format="glove", rows=3, dim=2).duplicates
        0
    """

    source: str = ""
    format: str = ""
    rows: int = 0
    dim: int = 0
    duplicates: int = 0
    skipped: int = 0
    repaired: int = 0
    cached: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable copy.

        Example:
            >>> LoadReport(rows=2).to_dict()["rows"]
            2
        """
        return dict(self.__dict__, notes=list(self.notes))


class Vectors:
    """Word vectors: ``len``, ``in``, ``[word]``, ``vocab``, ``matrix`` and cosine queries.

    ``matrix`` may be a read-only memory map; cosine queries use a unit-normalised float32 copy
    built on first use.

    Example:
        >>> v = Vectors(["king", "queen", "man", "woman"],
        ...             np.array([[1, 1], [1, -1], [2, 1], [2, -1]], dtype="float32"))
        >>> len(v), "king" in v, v.dim
        (4, True, 2)
        >>> v.analogy("man", "king", "woman", topn=1)[0][0]
        'queen'
    """

    def __init__(
        self, vocab: Sequence[str], matrix: np.ndarray, *, name: str = "",
        report: LoadReport | None = None,
    ) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(vocab):
            raise VectorsError(
                f"vectors need one row per word: {len(vocab)} words, matrix shape {matrix.shape}"
            )
        self._vocab = vocab if isinstance(vocab, list) else list(vocab)
        self._matrix = matrix
        self.name = name
        self.report = report or LoadReport(source=name, rows=len(vocab), dim=matrix.shape[1])
        self._index: dict[str, int] | None = None
        self._normed: np.ndarray | None = None
        self._stats: tuple[float, float, np.ndarray] | None = None

    # -- container -------------------------------------------------------------------------
    @property
    def vocab(self) -> list[str]:
        """The words in row order (most frequent first for the usual files)."""
        return self._vocab

    @property
    def matrix(self) -> np.ndarray:
        """The ``(len(self), dim)`` matrix, row ``i`` for ``vocab[i]``."""
        return self._matrix

    @property
    def dim(self) -> int:
        """The vector dimension."""
        return int(self._matrix.shape[1])

    @property
    def index(self) -> dict[str, int]:
        """Word -> row, built on first use."""
        if self._index is None:
            self._index = dict(zip(self._vocab, range(len(self._vocab)), strict=True))
        return self._index

    def __len__(self) -> int:
        return len(self._vocab)

    def __contains__(self, word: object) -> bool:
        return word in self.index

    def __getitem__(self, word: str) -> np.ndarray:
        return np.array(self._matrix[self.row(word)])

    def __repr__(self) -> str:
        return f"Vectors(name={self.name!r}, words={len(self):,}, dim={self.dim})"

    def row(self, word: str) -> int:
        """The row of ``word``; ``UnknownWordError`` when it is missing.

        Example:
            >>> Vectors(["a", "b"], np.eye(2, dtype="float32")).row("b")
            1
        """
        try:
            return self.index[word]
        except KeyError:
            raise UnknownWordError(f"word not in vocabulary: {word!r}") from None

    def limit(self, n: int) -> Vectors:
        """The first ``n`` words (a view: no copy).

        Example:
            >>> len(Vectors(["a", "b"], np.eye(2, dtype="float32")).limit(1))
            1
        """
        return Vectors(self._vocab[:n], self._matrix[:n], name=self.name)

    # -- statistics ------------------------------------------------------------------------
    def stats(self) -> tuple[float, float, np.ndarray]:
        """``(mean, std, mean_vector)`` over all values, computed once (for OOV policies).

        Example:
            >>> Vectors(["a", "b"], np.eye(2, dtype="float32")).stats()[0]
            0.5
        """
        if self._stats is None:
            total = np.zeros(self.dim, dtype=np.float64)
            squares = 0.0
            for start in range(0, len(self), _QUERY_BLOCK):
                block = np.asarray(self._matrix[start:start + _QUERY_BLOCK], dtype=np.float64)
                total += block.sum(axis=0)
                squares += float(np.square(block).sum())
            count = max(len(self), 1)
            mean_vector = total / count
            mean = float(mean_vector.mean())
            std = float(np.sqrt(max(squares / (count * self.dim) - mean * mean, 0.0)))
            self._stats = (mean, std, mean_vector.astype(np.float32))
        return self._stats

    # -- cosine queries --------------------------------------------------------------------
    @property
    def normed(self) -> np.ndarray:
        """Unit-length float32 rows (zero rows stay zero), built once and kept.

        Example:
            >>> Vectors(["a"], np.array([[3, 4]], dtype="float32")).normed.tolist()
            [[0.6000000238418579, 0.800000011920929]]
        """
        if self._normed is None:
            out = np.empty(self._matrix.shape, dtype=np.float32)
            for start in range(0, len(self), _QUERY_BLOCK):
                block = np.asarray(self._matrix[start:start + _QUERY_BLOCK], dtype=np.float32)
                out[start:start + len(block)] = _unit_rows(block)
            self._normed = out
        return self._normed

    def unit(self, word_or_vector: str | np.ndarray) -> np.ndarray:
        """The unit-length float32 vector of a word or of a raw vector.

        Example:
            >>> Vectors(["a"], np.array([[3, 4]], dtype="float32")).unit("a") * 5
            array([3., 4.], dtype=float32)
        """
        if isinstance(word_or_vector, str):
            return self.normed[self.row(word_or_vector)]
        vector = np.asarray(word_or_vector, dtype=np.float32).reshape(-1)
        if vector.shape[0] != self.dim:
            raise VectorsError(f"query vector has dimension {vector.shape[0]}, need {self.dim}")
        return _unit_rows(vector[None, :])[0]

    def most_similar(
        self, word_or_vector: str | np.ndarray, topn: int = 10, *,
        exclude: Iterable[str] = (), restrict_vocab: int | None = None,
    ) -> list[tuple[str, float]]:
        """The ``topn`` nearest words by cosine; a query word is excluded from its own answer.

        Example:
            >>> v = Vectors(["a", "b", "c"], np.array([[1, 0], [1, .1], [0, 1]], "float32"))
            >>> [w for w, _ in v.most_similar("a", topn=2)]
            ['b', 'c']
        """
        skip = set(exclude)
        if isinstance(word_or_vector, str):
            skip.add(word_or_vector)
        return self._nearest(self.unit(word_or_vector), topn, skip, restrict_vocab)

    def analogy(
        self, a: str, b: str, c: str, topn: int = 10, *, restrict_vocab: int | None = None,
    ) -> list[tuple[str, float]]:
        """"``a`` is to ``b`` as ``c`` is to ?": nearest to ``b - a + c`` (unit vectors,
        3CosAdd as in gensim), the three inputs excluded.

        Example:
            >>> v = Vectors(["man", "king", "woman", "queen"],
            ...             np.array([[2, 1], [1, 1], [2, -1], [1, -1]], dtype="float32"))
            >>> v.analogy("man", "king", "woman", topn=1)[0][0]
            'queen'
        """
        query = self.unit(b) - self.unit(a) + self.unit(c)
        return self._nearest(_unit_rows(query[None, :])[0], topn, {a, b, c}, restrict_vocab)

    def similarity(self, w1: str, w2: str) -> float:
        """Cosine similarity of two words.

        Example:
            >>> v = Vectors(["a", "b"], np.array([[1, 0], [0, 2]], dtype="float32"))
            >>> v.similarity("a", "b")
            0.0
        """
        return float(np.dot(self.unit(w1), self.unit(w2)))

    def doesnt_match(self, words: Sequence[str]) -> str:
        """The word furthest (by cosine) from the mean of the given words.

        Example:
            >>> v = Vectors(["a", "b", "c"], np.array([[1, 0], [1, .1], [0, 1]], "float32"))
            >>> v.doesnt_match(["a", "b", "c"])
            'c'
        """
        if len(words) < 2:
            raise VectorsError(f"doesnt_match needs at least two words, got {len(words)}")
        units = np.stack([self.unit(word) for word in words])
        mean = _unit_rows(units.mean(axis=0)[None, :])[0]
        return words[int(np.argmin(units @ mean))]

    def _nearest(
        self, unit: np.ndarray, topn: int, skip: set[str], restrict_vocab: int | None,
    ) -> list[tuple[str, float]]:
        if topn < 1:
            raise VectorsError(f"topn must be at least 1, got {topn}")
        normed = self.normed if restrict_vocab is None else self.normed[:restrict_vocab]
        sims = normed @ unit
        want = min(topn + len(skip), len(sims))
        if want <= 0:
            return []
        best = np.argpartition(-sims, want - 1)[:want] if want < len(sims) else np.arange(len(sims))
        best = best[np.lexsort((best, -sims[best]))]
        out = [(self._vocab[i], float(sims[i])) for i in best if self._vocab[i] not in skip]
        return out[:topn]


def _unit_rows(block: np.ndarray) -> np.ndarray:
    """Rows divided by their L2 norm; zero rows stay zero."""
    norms = np.linalg.norm(block, axis=1, keepdims=True)
    return np.divide(block, norms, out=np.zeros_like(block), where=norms > 0)
