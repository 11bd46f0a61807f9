"""Learn your own word vectors: word2vec (skip-gram or CBOW) with gensim on raw texts.

Texts are split with wordvec's ``text_to_word_sequence`` (the Keras ``Tokenizer`` rules:
lower-case, punctuation filtered), so the words of the trained vectors are exactly the words a
``TextClassifier`` looks up.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from wordvec.errors import VectorsError
from wordvec.text import text_to_word_sequence
from wordvec.vectors.vectors import LoadReport, Vectors

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage ``"vocabulary"`` or ``"training"``, counts in texts."""

_REPORT_EVERY = 2000  # texts between two progress calls


def tokenize_corpus(texts: Iterable[str]) -> list[list[str]]:
    """Split texts into word lists with the classifier's rules; equal words share one string.

    Example:
        >>> tokenize_corpus(["The cat, the DOG!", ""])
        [['the', 'cat', 'the', 'dog'], []]
    """
    if isinstance(texts, str):
        raise VectorsError("texts must be a list of strings, not a single string")
    canonical: dict[str, str] = {}
    intern = canonical.setdefault
    sentences = []
    for text in texts:
        if not isinstance(text, str):
            raise VectorsError(f"texts must be strings, got {type(text).__name__}: {text!r:.40}")
        sentences.append([intern(word, word) for word in text_to_word_sequence(text)])
    return sentences


def train_word2vec(
    texts: Iterable[str], *, sg: bool = True, dim: int = 100, window: int = 5,
    min_count: int = 5, epochs: int = 5, negative: int = 5, workers: int = 2, seed: int = 0,
    progress: Progress | None = None,
) -> Vectors:
    """Train word2vec on raw texts and return the vectors, most frequent word first.

    ``sg=True`` is skip-gram, ``sg=False`` CBOW; ``negative`` noise words per example;
    words seen fewer than ``min_count`` times are dropped. With ``workers=1`` the result is
    the same on every run for a given ``seed``; more workers train faster but not repeatably.

    Example:
        >>> texts = ["the cat sat on the mat", "the dog sat on the log"] * 50
        >>> v = train_word2vec(texts, dim=8, min_count=1, epochs=2, workers=1)
        >>> v.vocab[0], len(v), v.dim
        ('the', 7, 8)
    """
    from gensim.models import Word2Vec

    _check_positive(dim=dim, window=window, min_count=min_count, epochs=epochs,
                    negative=negative, workers=workers)
    started = time.perf_counter()
    sentences = tokenize_corpus(texts)
    tokens = sum(map(len, sentences))
    if tokens == 0:
        raise VectorsError(f"empty corpus: no words in {len(sentences):,} texts")
    model = Word2Vec(
        vector_size=dim, window=window, min_count=min_count, sg=int(bool(sg)), hs=0,
        negative=negative, workers=workers, seed=seed, epochs=epochs, hashfxn=_stable_hash,
    )
    model.build_vocab(_Counted(sentences, "vocabulary", 1, progress))
    if len(model.wv) == 0:
        distinct = len({word for sentence in sentences for word in sentence})
        raise VectorsError(
            f"no word occurs at least min_count={min_count} times ({distinct:,} distinct words "
            f"in {len(sentences):,} texts): lower min_count or give more text"
        )
    model.train(
        _Counted(sentences, "training", epochs, progress), total_examples=len(sentences),
        total_words=tokens, epochs=epochs,
    )
    matrix = np.array(model.wv.vectors, dtype=np.float32)
    vocab = list(model.wv.index_to_key)
    seconds = time.perf_counter() - started
    kind = "skip-gram" if sg else "CBOW"
    report = LoadReport(
        source="word2vec", format="word2vec", rows=len(vocab), dim=dim, seconds=seconds,
        notes=[f"{kind} dim={dim} window={window} min_count={min_count} epochs={epochs} "
               f"negative={negative} seed={seed} on {len(sentences):,} texts, "
               f"{tokens:,} words"],
    )
    return Vectors(vocab, matrix, name=f"word2vec-{'sg' if sg else 'cbow'}-{dim}d",
                   report=report)


class _Counted:
    """A re-iterable corpus that reports how many texts gensim has read, pass after pass."""

    def __init__(
        self, sentences: list[list[str]], stage: str, passes: int, progress: Progress | None,
    ) -> None:
        self.sentences, self.stage, self.progress = sentences, stage, progress
        self.total = len(sentences) * passes
        self.done = 0

    def __iter__(self) -> Iterator[list[str]]:
        if self.progress is None:
            yield from self.sentences
            return
        for sentence in self.sentences:
            yield sentence
            self.done += 1
            if self.done % _REPORT_EVERY == 0 or self.done % len(self.sentences) == 0:
                self.progress(self.stage, self.done, self.total)


def _stable_hash(text: str) -> int:
    """gensim seeds each word's initial vector with ``hashfxn(word + str(seed))``; Python's
    ``hash`` of a string changes between processes, CRC-32 does not."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _check_positive(**values: Any) -> None:
    for name, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise VectorsError(f"{name} must be a whole number of at least 1, got {value!r}")
