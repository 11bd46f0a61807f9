"""Word splitting with the legacy Keras rules, one text at a time (the exact reference path).

``text_to_word_sequence`` lower-cases, maps every filter character to ``split``, splits on
``split`` and drops empty pieces, exactly like ``keras_preprocessing.text``. The helpers below
reuse it for the per-text paths of the Tokenizer (generators, lists of tokens, ``char_level``,
custom analyzers, small inputs); ``_bulk`` gives the same results for large batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np

DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


@lru_cache(maxsize=64)
def _cached_table(filters: str, split: str) -> dict[int, str]:
    return str.maketrans(dict.fromkeys(filters, split))


def _table(filters: Iterable[str], split: str) -> dict[int, str]:
    if isinstance(filters, str) and isinstance(split, str):
        return _cached_table(filters, split)
    return str.maketrans({c: split for c in filters})


def text_to_word_sequence(
    text: str,
    filters: str = DEFAULT_FILTERS,
    lower: bool = True,
    split: str = " ",
) -> list[str]:
    """Split a text into words the way ``keras.preprocessing.text`` does.

    The text is lower-cased (``lower``), every character of ``filters`` becomes ``split``,
    the text is split on ``split`` and empty pieces are dropped. Everything else (accents,
    apostrophes, digits, emoji, ``\\r``) is kept as part of the words.

    Example:
        >>> text_to_word_sequence("Hello, World!  It's  2024...")
        ['hello', 'world', "it's", '2024']
        >>> text_to_word_sequence("a-b c", filters="", lower=False)
        ['a-b', 'c']
    """
    if lower:
        text = text.lower()
    return list(filter(None, text.translate(_table(filters, split)).split(split)))


class _Splitter:
    """Turns one Tokenizer input (a string or a list of tokens) into its list of tokens."""

    def __init__(
        self,
        filters: Iterable[str],
        lower: bool,
        split: str,
        char_level: bool,
        analyzer: Callable[[str], Any] | None,
    ) -> None:
        self.lower = lower
        self.split = split
        self.char_level = char_level
        self.analyzer = analyzer
        self.table = _table(filters, split)

    def __call__(self, text: Any) -> Any:
        if self.char_level or isinstance(text, list):
            if self.lower:
                return [t.lower() for t in text] if isinstance(text, list) else text.lower()
            return text
        if self.analyzer is not None:
            return self.analyzer(text)
        if self.lower:
            text = text.lower()
        return list(filter(None, text.translate(self.table).split(self.split)))


DROP = object()
"""What ``id_rule`` returns for a token that Keras leaves out of the sequence."""


def id_rule(index: Any, num_words: int | None, oov_index: Any, has_oov: bool) -> Any:
    """Keras' rule for one token whose ``word_index`` entry is ``index`` (None: unknown).

    Returns the id to emit, or ``DROP``. ``has_oov`` tells whether the Tokenizer has an
    ``oov_token``; ``oov_index`` is that token's index (None when it is not in word_index).
    """
    if index is None:
        return oov_index if has_oov else DROP
    if num_words and index >= num_words:
        return DROP if oov_index is None else oov_index
    return index


def encode_tokens(
    tokens: Iterable[str],
    word_index: dict,
    num_words: int | None,
    oov_index: Any,
    has_oov: bool,
) -> list:
    """One token list to ids with Keras' rules (see ``id_rule``)."""
    get = word_index.get
    if not num_words:
        if has_oov:
            return list(map(get, tokens, repeat(oov_index)))
        return [i for i in map(get, tokens) if i is not None]
    out: list = []
    append = out.append
    for i in map(get, tokens):  # id_rule, inlined: this loop runs once per token
        if i is None:
            if has_oov:
                append(oov_index)
        elif i >= num_words:
            if oov_index is not None:
                append(oov_index)
        else:
            append(i)
    return out


def decode_ids(
    ids: Iterable[int], index_word: dict, num_words: int | None, oov_index: Any, oov_token: Any
) -> str:
    """One id sequence back to text with Keras' rules (the mirror of ``encode_tokens``)."""
    words = []
    for i in ids:
        word = index_word.get(i)
        if word is not None:
            if num_words and i >= num_words:
                if oov_index is not None:
                    words.append(index_word[oov_index])
            else:
                words.append(word)
        elif oov_token is not None:
            words.append(index_word[oov_index])
    return " ".join(words)


def by_count(word_counts: dict[str, int]) -> list[str]:
    """Words by decreasing count, ties in their current order (Keras' stable sort)."""
    words, counts = list(word_counts), list(word_counts.values())
    if set(map(type, counts)) <= {int}:
        try:
            order = np.argsort(-np.fromiter(counts, dtype=np.int64, count=len(counts)),
                               kind="stable")
            return list(map(words.__getitem__, order.tolist()))
        except OverflowError:
            pass
    return [word for word, _ in sorted(word_counts.items(), key=itemgetter(1), reverse=True)]
