"""Tokenizer speed: keras-preprocessing vs wordvec, fit_on_texts + texts_to_sequences on IMDB train.

Run from the repository root (the shared data folder is ``../shared/data`` unless
``WORDVEC_SHARED_DATA`` says otherwise):

    .venv/bin/python benchmarks/tokenizer.py [--repeat 3] [--num-words N] [--oov-token TOK]

Both tokenizers run in this one process on the same 25,000 reviews; every repetition alternates
which goes first and the best time of each is kept. The outputs (word_counts in order,
word_index, word_docs, sequences) are checked equal before the table is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def imdb_archive() -> Path:
    """``$WORDVEC_SHARED_DATA/aclImdb.tar.gz`` or ``../shared/data/aclImdb.tar.gz``."""
    shared = os.environ.get("WORDVEC_SHARED_DATA")
    return (Path(shared) if shared else REPO.parent / "shared" / "data") / "aclImdb.tar.gz"


def run(cls: type, texts: list[str], config: dict[str, Any]) -> tuple[Any, list, float, float]:
    """Fit a fresh tokenizer and encode the texts; returns it, the sequences and both times."""
    start = time.perf_counter()
    tokenizer = cls(**config)
    tokenizer.fit_on_texts(texts)
    fitted = time.perf_counter()
    sequences = tokenizer.texts_to_sequences(texts)
    return tokenizer, sequences, fitted - start, time.perf_counter() - fitted


def check_same(ours: Any, ours_seqs: list, theirs: Any, theirs_seqs: list) -> None:
    """Exit with an error if the two tokenizers disagree on anything they produced."""
    checks = {
        "word_counts": list(ours.word_counts.items()) == list(theirs.word_counts.items()),
        "word_index": ours.word_index == theirs.word_index,
        "word_docs": dict(ours.word_docs) == dict(theirs.word_docs),
        "index_docs": dict(ours.index_docs) == dict(theirs.index_docs),
        "sequences": ours_seqs == theirs_seqs,
    }
    bad = [name for name, ok in checks.items() if not ok]
    if bad:
        sys.exit(f"tokenizer benchmark: outputs differ from keras-preprocessing: {', '.join(bad)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per system (best kept)")
    parser.add_argument("--num-words", type=int, default=None)
    parser.add_argument("--oov-token", default=None)
    args = parser.parse_args(argv)

    from keras_preprocessing.text import Tokenizer as KerasTokenizer

    from wordvec.data import load_dataset
    from wordvec.text import Tokenizer

    start = time.perf_counter()
    texts = load_dataset(imdb_archive()).split("train").texts
    print(f"read {len(texts):,} IMDB train reviews in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    config = {"num_words": args.num_words, "oov_token": args.oov_token}
    systems = {"keras-preprocessing": KerasTokenizer, "wordvec": Tokenizer}
    best: dict[str, tuple[float, float]] = {}
    outputs: dict[str, tuple[Any, list]] = {}
    for rep in range(args.repeat):
        order = list(systems) if rep % 2 == 0 else list(reversed(systems))
        for name in order:
            tokenizer, sequences, fit_s, seq_s = run(systems[name], texts, config)
            outputs[name] = (tokenizer, sequences)
            if name not in best or fit_s + seq_s < sum(best[name]):
                best[name] = (fit_s, seq_s)
            print(f"  run {rep + 1} {name}: fit {fit_s:.2f} s + sequences {seq_s:.2f} s",
                  file=sys.stderr)
    check_same(*outputs["wordvec"], *outputs["keras-preprocessing"])

    reference = sum(best["keras-preprocessing"])
    tokens = sum(map(len, outputs["wordvec"][1]))
    print(f"IMDB train: {len(texts):,} reviews, {tokens:,} tokens, "
          f"vocabulary {len(outputs['wordvec'][0].word_index):,}; config {config}; "
          f"best of {args.repeat}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}; outputs identical")
    print()
    print("| system | fit_on_texts (s) | texts_to_sequences (s) | total (s) | speed-up |")
    print("|---|---:|---:|---:|---:|")
    for name, (fit_s, seq_s) in best.items():
        total = fit_s + seq_s
        print(f"| {name} | {fit_s:.2f} | {seq_s:.2f} | {total:.2f} | {reference / total:.1f}x |")


if __name__ == "__main__":
    main()
