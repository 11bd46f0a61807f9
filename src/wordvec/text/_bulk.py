"""The batch engine of the Tokenizer: whole chunks of texts split and looked up in numpy/Arrow.

Splitting a text with the Keras rules keeps the maximal runs of characters that are neither a
filter character nor ``split``. When all of those are ASCII, the runs are the same in the UTF-8
bytes, so a chunk of texts becomes one byte buffer, a lookup table marks the delimiters, and the
tokens are cut out without creating one Python object per token. Arrow's hash kernels then
count them (``dictionary_encode``: first-appearance order, like Keras) or look them up in the
vocabulary (``index_in``). The results are exactly those of ``_words``; the Tokenizer falls back
to that per-text path whenever this one does not apply (non-ASCII filters, multi-character
``split``, lists of tokens, ``char_level``, an analyzer, unencodable text, small inputs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from wordvec.text._words import DROP, id_rule

CHUNK_CHARS = 1 << 23
"""Texts are processed in chunks of about this many characters (bounds the memory used)."""


def chunks(texts: Iterable[Any], max_chars: int | None = None) -> Iterator[tuple[list, int, bool]]:
    """Group ``texts`` into ``(chunk, characters, all_strings)`` of about ``max_chars``."""
    max_chars = max_chars or CHUNK_CHARS
    if isinstance(texts, list | tuple) and set(map(type, texts)) <= {str}:
        ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))
        start = 0
        while start < len(texts):
            before = int(ends[start - 1]) if start else 0
            stop = max(int(np.searchsorted(ends, before + max_chars, side="left")) + 1, start + 1)
            stop = min(stop, len(texts))
            yield list(texts[start:stop]), int(ends[stop - 1]) - before, True
            start = stop
        return
    chunk: list = []
    size = 0
    all_str = True
    for text in texts:
        chunk.append(text)
        if isinstance(text, str):
            size += len(text)
        else:
            all_str = False
            size += 1
        if size >= max_chars:
            yield chunk, size, all_str
            chunk, size, all_str = [], 0, True
    if chunk:
        yield chunk, size, all_str


@dataclass(frozen=True)
class Tokens:
    """The tokens of a chunk of texts: one Arrow string array plus where each text starts."""

    array: Any  # pyarrow.StringArray, every token of every text in order
    first: np.ndarray  # index in ``array`` of each text's first token
    per_text: np.ndarray  # number of tokens of each text


class BulkSplitter:
    """Splits chunks of strings like ``text_to_word_sequence`` (lower, filters, split)."""

    def __init__(self, delimiters: np.ndarray, lower: bool, split: bytes) -> None:
        codes = np.arange(256, dtype=np.uint8)
        if lower:  # ASCII lower-casing of bytes; str.lower handles the non-ASCII texts
            codes[ord("A") : ord("Z") + 1] += ord("a") - ord("A")
        apart = delimiters[codes]  # delimiters once lower-cased
        self.lower = lower
        self.split = split
        self.lower_table = bytes(codes) if lower else None
        self.in_word_table = bytes((~apart).astype(np.uint8))
        self.delete = bytes(np.flatnonzero(apart).astype(np.uint8))

    @classmethod
    def create(cls, filters: Any, lower: bool, split: Any) -> BulkSplitter | None:
        """The splitter for these settings, or None when they need the per-text path."""
        if not (isinstance(split, str) and len(split) == 1 and split.isascii()):
            return None
        chars = list(filters) if not isinstance(filters, str) else filters
        if not all(isinstance(c, str) and len(c) == 1 and c.isascii() for c in chars):
            return None
        delimiters = np.zeros(256, dtype=bool)
        delimiters[[ord(c) for c in chars] + [ord(split)]] = True
        return cls(delimiters, bool(lower), split.encode())

    def _encode(self, texts: list[str]) -> list[bytes]:
        if not self.lower:
            return [t.encode() for t in texts]
        return [t.encode() if t.isascii() else t.lower().encode() for t in texts]

    def tokens(self, texts: list[str]) -> Tokens | None:
        """Split ``texts`` (all strings); None when a text cannot be encoded (lone surrogates)."""
        import pyarrow as pa

        try:
            encoded = self._encode(texts)
        except UnicodeEncodeError:
            return None
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        encoded.append(b"")  # so that the buffer ends with a delimiter
        joined = self.split.join(encoded)
        in_word = np.frombuffer(joined.translate(self.in_word_table), dtype=bool)
        # the buffer ends with a delimiter, so edges alternate: token start, token end, ...
        changes = np.empty(len(in_word), dtype=bool)
        changes[0] = in_word[0]
        np.not_equal(in_word[1:], in_word[:-1], out=changes[1:])
        edges = np.flatnonzero(changes)
        starts, ends = edges[0::2], edges[1::2]
        offsets = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(ends - starts, out=offsets[1:])
        data = joined.translate(self.lower_table, self.delete)  # the tokens, end to end
        array = pa.LargeStringArray.from_buffers(
            len(starts), pa.py_buffer(offsets), pa.py_buffer(data)
        )
        text_starts = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(lengths[:-1] + 1, out=text_starts[1:])
        first = np.searchsorted(starts, text_starts)
        per_text = np.diff(first, append=len(starts))
        return Tokens(array, first, per_text)


def _count(tokens: Tokens) -> tuple[Any, np.ndarray, np.ndarray]:
    """Distinct tokens (first-appearance order), their counts and their document counts."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(tokens.array)
    codes = encoded.indices.to_numpy()
    n_words = len(encoded.dictionary)
    counts = np.bincount(codes, minlength=n_words)
    small = len(tokens.per_text) * max(n_words, 1) < 2**31  # int32 sorts twice as fast
    kind = np.int32 if small else np.int64
    text = np.repeat(np.arange(len(tokens.per_text), dtype=kind), tokens.per_text)
    pairs = np.sort(text * kind(n_words) + codes.astype(kind, copy=False))
    new = np.empty(len(pairs), dtype=bool)
    new[:1] = True
    np.not_equal(pairs[1:], pairs[:-1], out=new[1:])
    docs = np.bincount(pairs[new] % max(n_words, 1), minlength=n_words)
    return encoded.dictionary, counts, docs


class Counts:
    """Word and document counts summed over chunks, words kept in first-appearance order."""

    def __init__(self) -> None:
        self.words: Any = None  # pyarrow array of the distinct words so far
        self.counts = np.zeros(0, dtype=np.int64)
        self.docs = np.zeros(0, dtype=np.int64)

    def add(self, tokens: Tokens) -> None:
        """Count the tokens of one chunk."""
        import pyarrow as pa
        import pyarrow.compute as pc

        words, counts, docs = _count(tokens)
        if self.words is None:
            self.words, self.counts, self.docs = words, counts, docs
            return
        where = pc.index_in(words, value_set=self.words)
        known = where.is_valid().to_numpy(zero_copy_only=False)
        at = where.filter(known).to_numpy()
        self.counts[at] += counts[known]
        self.docs[at] += docs[known]
        fresh = ~known
        self.words = pa.concat_arrays([self.words, words.filter(pa.array(fresh))])
        self.counts = np.concatenate([self.counts, counts[fresh]])
        self.docs = np.concatenate([self.docs, docs[fresh]])

    def flush(self, word_counts: Counter, word_docs: Counter) -> None:
        """Add the counts so far to ``word_counts`` / ``word_docs`` and start again."""
        if self.words is not None:
            words = self.words.to_pylist()
            for total, part in ((word_counts, self.counts), (word_docs, self.docs)):
                if total:
                    total.update(dict(zip(words, part.tolist(), strict=True)))
                else:  # plain dict insertion keeps first-appearance order
                    dict.update(total, zip(words, part.tolist(), strict=True))
        self.__init__()


class Lookup:
    """``word_index`` (with num_words and the oov token) as an Arrow value set for ``index_in``."""

    def __init__(self, word_index: dict, num_words: int | None, oov_token: Any) -> None:
        """Raises TypeError or ValueError when a key is not a string (use the per-text path)."""
        import pyarrow as pa

        self.values = pa.array(list(word_index), type=pa.large_string())
        oov_index = word_index.get(oov_token)
        has_oov = oov_token is not None
        indices = list(word_index.values())
        self.ids = np.empty(len(indices) + 1, dtype=object)
        self.ids[:-1] = indices
        self.ids[-1] = id_rule(None, num_words, oov_index, has_oov)  # the unknown-token slot
        self.keep = np.ones(len(self.ids), dtype=bool)
        self.keep[-1] = self.ids[-1] is not DROP
        if num_words and set(map(type, indices)) <= {int}:
            beyond = np.flatnonzero(np.fromiter(indices, dtype=np.int64) >= num_words)
            self.ids[beyond] = DROP if oov_index is None else oov_index
            self.keep[beyond] = oov_index is not None
        elif num_words:
            self.ids[:-1] = [id_rule(i, num_words, oov_index, has_oov) for i in indices]
            self.keep[:-1] = [i is not DROP for i in self.ids[:-1]]
        self.keeps_all = bool(self.keep.all())

    def __call__(self, tokens: Tokens) -> list[list]:
        """The id sequence of every text in ``tokens``."""
        import pyarrow.compute as pc

        slots = pc.index_in(tokens.array, value_set=self.values)
        slots = slots.fill_null(len(self.ids) - 1).to_numpy()
        per_text = tokens.per_text
        if not self.keeps_all:
            kept = self.keep[slots]
            slots = slots[kept]
            cumulative = np.concatenate(([0], np.cumsum(kept)))
            per_text = cumulative[tokens.first + tokens.per_text] - cumulative[tokens.first]
        flat = self.ids[slots].tolist()
        ends = np.cumsum(per_text).tolist()
        return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]
