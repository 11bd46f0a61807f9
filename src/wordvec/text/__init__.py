"""Texts to integer sequences: the legacy Keras ``Tokenizer`` (same output, faster) and padding.

Example:
    >>> from wordvec.text import Tokenizer, pad_sequences
    >>> tok = Tokenizer(num_words=100)
    >>> tok.fit_on_texts(["The cat sat.", "The dog!"])
    >>> pad_sequences(tok.texts_to_sequences(["the cat"]), maxlen=3).tolist()
    [[0, 1, 2]]
"""

from wordvec.text._words import text_to_word_sequence
from wordvec.text.sequences import pad_sequences
from wordvec.text.tokenizer import Tokenizer, tokenizer_from_json

__all__ = ["Tokenizer", "pad_sequences", "text_to_word_sequence", "tokenizer_from_json"]
