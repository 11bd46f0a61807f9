"""Intrinsic evaluation with gensim's rules: word analogies and word-pair similarity.

``evaluate_analogies`` follows ``KeyedVectors.evaluate_word_analogies`` (3CosAdd over the first
``restrict_vocab`` words, case-insensitive, questions with unknown words skipped, the answer is
the best candidate that is not one of the three inputs) but scores all questions in batched
matrix products instead of one product per question. ``evaluate_pairs`` follows
``evaluate_word_pairs`` (Spearman, Pearson, share of pairs with unknown words).
"""

from __future__ import annotations

import importlib.util
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from wordvec.errors import VectorsError
from wordvec.vectors.topk import batched_topk
from wordvec.vectors.vectors import Vectors

_ANSWERS = 5  # gensim looks at the 5 best candidates left after removing the inputs


@dataclass
class AnalogyResult:
    """Accuracy over all sections and per section; ``oov``: share of questions skipped.

    Example:
        >>> AnalogyResult(accuracy=0.5, correct=1, total=2).to_dict()["accuracy"]
        0.5
    """

    accuracy: float
    correct: int
    total: int
    oov: float = 0.0
    sections: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict."""
        return asdict(self)


@dataclass
class PairsResult:
    """Spearman and Pearson correlation with human judgements; ``oov``: share of pairs skipped.

    Example:
        >>> PairsResult(spearman=0.5, pearson=0.4, oov=0.0, pairs=10).to_dict()["pairs"]
        10
    """

    spearman: float
    pearson: float
    oov: float
    pairs: int
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict."""
        return asdict(self)


def benchmark_file(name: str) -> Path:
    """A file of gensim's ``test_data`` (``questions-words.txt``, ``wordsim353.tsv``, ...).

    Example:
        >>> benchmark_file("wordsim353.tsv").name
        'wordsim353.tsv'
    """
    spec = importlib.util.find_spec("gensim")  # locate without importing gensim (slow)
    if spec is None or spec.origin is None:
        raise VectorsError(f"gensim is not installed, so its {name} is not available")
    path = Path(spec.origin).parent / "test" / "test_data" / name
    if not path.is_file():
        raise VectorsError(f"evaluation file not found: {path}")
    return path


def evaluate_analogies(
    vectors: Vectors, path: str | Path | None = None, *, restrict_vocab: int = 300_000,
    case_insensitive: bool = True,
) -> AnalogyResult:
    """Score ``a : b :: c : ?`` questions (``: section`` lines start sections).

    Example:
        >>> v = Vectors(["man", "king", "woman", "queen"],
        ...             np.array([[2, 1], [1, 1], [2, -1], [1, -1]], dtype="float32"))
        >>> import tempfile, os
        >>> f = os.path.join(tempfile.mkdtemp(), "q.txt")
        >>> _ = open(f, "w").write(": royal\\nman king woman queen\\n")
        >>> evaluate_analogies(v, f).accuracy
        1.0
    """
    started = time.perf_counter()
    path = Path(path) if path is not None else benchmark_file("questions-words.txt")
    limit = min(restrict_vocab, len(vectors))
    ok = _ok_vocab(vectors.vocab[:limit], case_insensitive)
    fold = str.upper if case_insensitive else str
    section_names, section_of, rows, quads, asked = _read_questions(path, ok, fold)
    correct = np.zeros(len(rows), dtype=bool)
    if rows:
        idx = np.asarray(rows, dtype=np.int64)
        unit = vectors.normed[:limit]
        queries = unit[idx[:, 1]] + unit[idx[:, 2]] - unit[idx[:, 0]]
        queries /= np.linalg.norm(queries, axis=1, keepdims=True).clip(1e-30)
        best = batched_topk(unit, queries, _ANSWERS + 3)
        vocab = vectors.vocab
        for q, (a, b, c, expected) in enumerate(quads):
            inputs = set(idx[q, :3].tolist())
            ignore = {a, b, c}
            predicted = None
            for j in [j for j in best[q].tolist() if j not in inputs][:_ANSWERS]:
                predicted = fold(vocab[j])
                if predicted in ok and predicted not in ignore:
                    break
            correct[q] = predicted == expected
    sections = []
    section_ids = np.asarray(section_of, dtype=np.int64)
    for number, name in enumerate(section_names):
        mask = section_ids == number
        hits, count = int(correct[mask].sum()), int(mask.sum())
        sections.append({"section": name, "correct": hits, "total": count,
                         "accuracy": hits / count if count else 0.0})
    hits = int(correct.sum())
    return AnalogyResult(
        accuracy=hits / len(rows) if rows else 0.0, correct=hits, total=len(rows),
        oov=(asked - len(rows)) / asked if asked else 0.0,
        sections=sections, seconds=time.perf_counter() - started,
    )


def evaluate_pairs(
    vectors: Vectors, path: str | Path, *, delimiter: str = "\t", restrict_vocab: int = 300_000,
    case_insensitive: bool = True,
) -> PairsResult:
    """Correlate cosine similarities with human scores (``word1<TAB>word2<TAB>score`` lines).

    Example:
        >>> v = Vectors(["a", "b", "c"], np.array([[1, 0], [1, .5], [0, 1]], dtype="float32"))
        >>> import tempfile, os
        >>> f = os.path.join(tempfile.mkdtemp(), "p.tsv")
        >>> _ = open(f, "w").write("a\\tb\\t8\\na\\tc\\t1\\nb\\tc\\t5\\nc\\tzz\\t3\\n")
        >>> r = evaluate_pairs(v, f)
        >>> round(r.spearman, 3), r.pairs, r.oov
        (1.0, 3, 0.25)
    """
    from scipy import stats

    started = time.perf_counter()
    limit = min(restrict_vocab, len(vectors))
    ok = _ok_vocab(vectors.vocab[:limit], case_insensitive)
    fold = str.upper if case_insensitive else str
    gold, left, right, oov = [], [], [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line or line.startswith("#"):
                continue
            parts = line.split(delimiter)
            try:
                a, b, score = (fold(part) for part in parts) if len(parts) == 3 else ((),) * 3
                value = float(score)
            except (ValueError, TypeError):
                continue
            if a not in ok or b not in ok:
                oov += 1
                continue
            gold.append(value)
            left.append(ok[a])
            right.append(ok[b])
    if not gold:
        raise VectorsError(f"no usable word pairs in {path} (bad format or all words unknown)")
    unit = vectors.normed
    model = np.einsum("ij,ij->i", unit[left], unit[right])
    return PairsResult(
        spearman=float(stats.spearmanr(gold, model)[0]),
        pearson=float(stats.pearsonr(gold, model)[0]),
        oov=oov / (len(gold) + oov), pairs=len(gold), seconds=time.perf_counter() - started,
    )


def evaluate(vectors: Vectors, *, restrict_vocab: int = 300_000) -> dict[str, dict[str, Any]]:
    """Analogies (questions-words), WordSim353 and SimLex-999, as one JSON-ready dict.

    Example:
        >>> from wordvec.vectors import load_vectors
        >>> scores = evaluate(load_vectors("glove-6b-50d", limit=20000))  # doctest: +SKIP
        >>> sorted(scores)  # doctest: +SKIP
        ['analogy', 'simlex999', 'wordsim353']
    """
    return {
        "analogy": evaluate_analogies(vectors, restrict_vocab=restrict_vocab).to_dict(),
        "wordsim353": evaluate_pairs(vectors, benchmark_file("wordsim353.tsv"),
                                     restrict_vocab=restrict_vocab).to_dict(),
        "simlex999": evaluate_pairs(vectors, benchmark_file("simlex999.txt"),
                                    restrict_vocab=restrict_vocab).to_dict(),
    }


def _ok_vocab(words: list[str], case_insensitive: bool) -> dict[str, int]:
    """Folded word -> row of its first (most frequent) form, as gensim builds ``ok_vocab``."""
    ok: dict[str, int] = {}
    for i, word in enumerate(words):
        ok.setdefault(word.upper() if case_insensitive else word, i)
    return ok


def _read_questions(
    path: Path, ok: dict[str, int], fold: Any,
) -> tuple[list[str], list[int], list[tuple[int, int, int]], list[tuple[str, ...]], int]:
    """Section names; per question with known words its section, input rows and folded words;
    and the number of well-formed questions."""
    names: list[str] = []
    section_of: list[int] = []
    rows: list[tuple[int, int, int]] = []
    quads: list[tuple[str, ...]] = []
    asked = 0
    with open(path, "rb") as handle:
        for line_no, raw in enumerate(handle):
            line = raw.decode("utf-8")
            if line.startswith(": "):
                names.append(line.lstrip(": ").strip())
                continue
            if not names:
                raise VectorsError(f"{path} line {line_no + 1}: question before any ': section'")
            words = [fold(word) for word in line.split()]
            if len(words) != 4:
                continue
            asked += 1
            if not all(word in ok for word in words):
                continue
            section_of.append(len(names) - 1)
            rows.append((ok[words[0]], ok[words[1]], ok[words[2]]))
            quads.append(tuple(words))
    return names, section_of, rows, quads, asked
