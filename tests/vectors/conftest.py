"""Fixtures for the vectors tests: gensim's real test files and small GloVe slices."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def gensim_data() -> Path:
    """gensim's own test_data folder (real GloVe, word2vec and fastText files)."""
    gensim = pytest.importorskip("gensim")
    path = Path(gensim.__file__).parent / "test" / "test_data"
    if not path.is_dir():
        pytest.skip(f"gensim test data not found at {path}")
    return path


@pytest.fixture(scope="session")
def glove_text(tmp_path_factory) -> Path:
    """The first 5,000 embedded GloVe words rendered as GloVe text with '%.6g'."""
    from wordvec.vectors import load_vectors

    v = load_vectors("glove-6b-50d", limit=5000)
    path = tmp_path_factory.mktemp("glove") / "glove.5k.50d.txt"
    fmt = " ".join(["%.6g"] * v.dim)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for word, row in zip(v.vocab, v.matrix.tolist(), strict=True):
            handle.write(f"{word} {fmt % tuple(row)}\n")
    return path
