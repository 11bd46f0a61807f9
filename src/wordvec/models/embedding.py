"""Embedding matrix for a tokenizer's ``word_index`` from pre-trained vectors (numpy only).

Keras conventions: row 0 is padding (zeros), the word with index ``i`` fills row ``i``; with
``num_words`` the matrix has ``min(num_words, len(word_index) + 1)`` rows and words whose index
does not fit are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from wordvec.errors import VectorsError

OOV_POLICIES = ("zeros", "random", "mean")
_TOP_MISSING = 20


@dataclass
class Coverage:
    """How much of a vocabulary (and of its token occurrences) the vectors cover.

    Example:
        >>> c = Coverage(words_total=4, words_found=3, tokens_total=10, tokens_found=9,
        ...              top_missing=[("zzz", 1)])
        >>> str(c)
        'coverage: 75.0% of 4 words, 90.0% of 10 tokens; missing: zzz (1)'
    """

    words_total: int
    words_found: int
    tokens_total: int | None = None
    tokens_found: int | None = None
    top_missing: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def word_share(self) -> float:
        """Share of the vocabulary words that have a vector."""
        return self.words_found / self.words_total if self.words_total else 0.0

    @property
    def token_share(self) -> float | None:
        """Share of token occurrences whose word has a vector (``None`` without counts)."""
        if self.tokens_total is None or self.tokens_found is None:
            return None
        return self.tokens_found / self.tokens_total if self.tokens_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict, shares included.

        Example:
            >>> Coverage(2, 1).to_dict()["word_share"]
            0.5
        """
        return {
            "words_total": self.words_total, "words_found": self.words_found,
            "tokens_total": self.tokens_total, "tokens_found": self.tokens_found,
            "word_share": self.word_share, "token_share": self.token_share,
            "top_missing": [[word, count] for word, count in self.top_missing],
        }

    def __str__(self) -> str:
        text = f"coverage: {self.word_share:.1%} of {self.words_total:,} words"
        if self.token_share is not None:
            text += f", {self.token_share:.1%} of {self.tokens_total:,} tokens"
        if self.top_missing:
            shown = ", ".join(
                word if count is None else f"{word} ({count:,})"
                for word, count in self.top_missing[:10]
            )
            text += f"; missing: {shown}"
        return text


def embedding_matrix(
    word_index: Mapping[str, int], vectors: Any, num_words: int | None = None, *,
    word_counts: Mapping[str, int] | None = None, oov: str = "zeros",
    lowercase_fallback: bool = True, seed: int = 0,
) -> tuple[np.ndarray, Coverage]:
    """The ``(rows, dim)`` float32 matrix for ``word_index`` and its coverage report.

    ``vectors`` is a ``Vectors`` or a mapping word -> vector (the seeds' ``embeddings_index``).
    Missing words get ``oov``: ``zeros`` (the seeds' rule), ``random`` (normal with the
    vectors' mean and std, seeded) or ``mean`` (the mean vector). With ``lowercase_fallback`` a
    missing word is looked up lowercased, then case-insensitively (most frequent form first).

    Example:
        >>> from wordvec.vectors import Vectors
        >>> v = Vectors(["the", "cat"], np.array([[1, 2], [3, 4]], dtype="float32"))
        >>> matrix, coverage = embedding_matrix({"the": 1, "Cat": 2, "zebra": 3}, v)
        >>> matrix.tolist()
        [[0.0, 0.0], [1.0, 2.0], [3.0, 4.0], [0.0, 0.0]]
        >>> coverage.words_found, coverage.words_total
        (2, 3)
    """
    if oov not in OOV_POLICIES:
        raise VectorsError(f"unknown OOV policy {oov!r} (choose from {', '.join(OOV_POLICIES)})")
    if num_words is not None and num_words < 1:
        raise VectorsError(f"num_words must be at least 1, got {num_words}")
    vectors = _as_vectors(vectors)
    rows = len(word_index) + 1 if num_words is None else min(num_words, len(word_index) + 1)
    entries = sorted((i, w) for w, i in word_index.items() if 0 < i < rows)
    lookup = _Lookup(vectors, lowercase_fallback)
    found_rows, found_src, missing = [], [], []
    for i, word in entries:
        src = lookup(word)
        if src is None:
            missing.append((i, word))
        else:
            found_rows.append(i)
            found_src.append(src)
    matrix = np.zeros((rows, vectors.dim), dtype=np.float32)
    if found_rows:
        order = np.argsort(found_src, kind="stable")  # read the (maybe memory-mapped) rows in order
        src = np.asarray(found_src)[order]
        matrix[np.asarray(found_rows)[order]] = np.asarray(vectors.matrix[src], dtype=np.float32)
    _fill_missing(matrix, [i for i, _ in missing], vectors, oov, seed)
    return matrix, _coverage(entries, missing, word_counts)


class _Lookup:
    """Word -> row: exact, then lowercased, then any case (the most frequent form)."""

    def __init__(self, vectors: Any, fallback: bool) -> None:
        self.index = vectors.index
        self.vocab = vectors.vocab
        self.fallback = fallback
        self._folded: dict[str, int] | None = None

    def __call__(self, word: str) -> int | None:
        row = self.index.get(word)
        if row is not None or not self.fallback:
            return row
        lower = word.lower()
        row = self.index.get(lower)
        if row is not None:
            return row
        if self._folded is None:
            self._folded = {}
            if "".join(self.vocab) != "".join(self.vocab).lower():  # cased vectors only
                for i, known in enumerate(self.vocab):
                    self._folded.setdefault(known.lower(), i)
        return self._folded.get(lower)


def _fill_missing(matrix: np.ndarray, rows: list[int], vectors: Any, oov: str, seed: int) -> None:
    if not rows or oov == "zeros":
        return
    mean, std, mean_vector = vectors.stats()
    if oov == "mean":
        matrix[rows] = mean_vector
    else:
        rng = np.random.default_rng(seed)
        matrix[rows] = rng.normal(mean, std, size=(len(rows), matrix.shape[1]))


def _coverage(
    entries: list[tuple[int, str]], missing: list[tuple[int, str]],
    word_counts: Mapping[str, int] | None,
) -> Coverage:
    if word_counts is None:
        top = [(word, None) for _, word in missing[:_TOP_MISSING]]
        return Coverage(len(entries), len(entries) - len(missing), top_missing=top)
    tokens_total = sum(int(word_counts.get(word, 0)) for _, word in entries)
    tokens_missing = sum(int(word_counts.get(word, 0)) for _, word in missing)
    ranked = sorted(missing, key=lambda item: (-int(word_counts.get(item[1], 0)), item[0]))
    top = [(word, int(word_counts.get(word, 0))) for _, word in ranked[:_TOP_MISSING]]
    return Coverage(len(entries), len(entries) - len(missing), tokens_total,
                    tokens_total - tokens_missing, top)


def _as_vectors(vectors: Any) -> Any:
    from wordvec.vectors.vectors import Vectors

    if isinstance(vectors, Vectors):
        return vectors
    if isinstance(vectors, Mapping):
        if not vectors:
            raise VectorsError("the vectors mapping is empty")
        words = list(vectors)
        return Vectors(words, np.stack([np.asarray(vectors[w], dtype=np.float32) for w in words]))
    raise VectorsError(f"vectors must be a Vectors or a word -> vector mapping, "
                       f"got {type(vectors).__name__}")
