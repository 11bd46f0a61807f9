"""The examples in the docstrings of the vectors modules run and print what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "wordvec.vectors.vectors", "wordvec.vectors.rows", "wordvec.vectors.sources",
    "wordvec.vectors.text_format", "wordvec.vectors.binary_format", "wordvec.vectors.formats",
    "wordvec.vectors.cache", "wordvec.vectors.registry", "wordvec.vectors.load",
    "wordvec.vectors.topk", "wordvec.vectors.evaluate", "wordvec.vectors.arrow_csv",
    "wordvec.models.embedding",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
