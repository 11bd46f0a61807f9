"""Few-shot IMDB (issue 5): embeddings learned from scratch vs word2vec trained here vs GloVe.

Seed 000's setting: IMDB train shuffled with seed 0, the first 200 reviews train, the next
10,000 validate (early stopping), the official 25,000 test reviews are scored. Each row is one
``TextClassifier`` with the same head, maxlen 100 and num_words 10,000; only the embeddings
differ:

- ``learned``: no vectors, a 50-d Embedding learned with the task (trainable);
- ``word2vec-imdb-unsup``: word2vec trained in this run on IMDB's 50,000 *unlabelled* reviews
  only (no labelled text), frozen;
- ``glove-6b-50d``: the embedded GloVe vectors, frozen (as seed 000 does).

Two vocabularies: ``train`` is ``TextClassifier``'s own (Tokenizer fitted on the 200 training
reviews); ``pool`` is seed 000's (Tokenizer fitted on the text of all 25,000 training reviews,
labels unused), which lets pre-trained vectors speak for words the 200 reviews never use.

Run from the repository root (data from ``../shared/data`` unless ``WORDVEC_SHARED_DATA`` says
otherwise):

    .venv/bin/python benchmarks/fewshot.py [--heads average,flatten] [--vocab train,pool]
        [--w2v-file FILE] [--w2v-out FILE] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import REPO, load_task  # noqa: E402
from _report import machine  # noqa: E402

VECTORS = ("learned", "word2vec-imdb-unsup", "glove-6b-50d")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line.

    Example:
        >>> parse_args(["--heads", "average"]).heads
        ['average']
    """
    def names(text: str) -> list[str]:
        return [name.strip() for name in text.split(",") if name.strip()]

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--heads", type=names, default=["average", "flatten"])
    parser.add_argument("--vocab", type=names, default=["train", "pool"],
                        help="train: Tokenizer on the 200 reviews; pool: on all 25k (seed 000)")
    parser.add_argument("--epochs", type=int, default=1000, help="maximum epochs")
    parser.add_argument("--patience", type=int, default=10,
                        help="early stopping on validation loss (best weights restored)")
    parser.add_argument("--learning-rate", type=float, default=0.01, help="Adam")
    parser.add_argument("--w2v-sg", action=argparse.BooleanOptionalAction, default=True,
                        help="skip-gram (else CBOW)")
    parser.add_argument("--w2v-dim", type=int, default=50)
    parser.add_argument("--w2v-epochs", type=int, default=5)
    parser.add_argument("--w2v-file", type=Path, default=None,
                        help="reuse these word2vec vectors instead of training them")
    parser.add_argument("--w2v-out", type=Path, default=REPO / "runs" / "fewshot" /
                        "word2vec-imdb-unsup.bin", help="where the trained word2vec is written")
    parser.add_argument("--quick", action="store_true",
                        help="5,000 unsup reviews, 2,000 test reviews, 3 epochs: a smoke run")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Train word2vec, then every (vocabulary, head, vectors) classifier; print the table."""
    args = parse_args(argv)
    _log("reading IMDB")
    task = load_task("imdb-200", unlabelled=True)
    unsup, pool = task.unlabelled, task.pool
    test_texts, test_labels = task.test
    if args.quick:
        unsup, test_texts, test_labels = unsup[:5000], test_texts[::12], test_labels[::12]
        args.epochs = 3
    w2v, w2v_note = _word2vec(args, unsup)
    vectors = {"learned": None, "word2vec-imdb-unsup": w2v, "glove-6b-50d": "glove-6b-50d"}
    rows = []
    for vocab in args.vocab:
        for head in args.heads:
            for name in VECTORS:
                _log(f"fitting {head} on {name} ({vocab} vocabulary)")
                rows.append(_fit_one(args, vocab, head, name, vectors[name], pool,
                                     task.train, task.validation, (test_texts, test_labels)))
                _log(f"  test accuracy {rows[-1]['accuracy']:.4f} in "
                     f"{rows[-1]['train_seconds']:.1f} s")
    print(_table(rows))
    print()
    print(w2v_note)
    print(f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the end of the "
          f"run.")
    command = shlex.join(["benchmarks/fewshot.py", *(sys.argv[1:] if argv is None else argv)])
    print(f"Command: `.venv/bin/python {command}`")


def _word2vec(args: argparse.Namespace, unsup: list[str]) -> tuple[Any, str]:
    """word2vec on the unlabelled reviews (trained here and written), or read from a file."""
    from wordvec.vectors import load_vectors
    from wordvec.vectors.formats import write_vectors
    from wordvec.vectors.train import train_word2vec

    if args.w2v_file is not None:
        vectors = load_vectors(args.w2v_file)
        return vectors, f"word2vec read from {args.w2v_file} ({len(vectors):,} words)."
    _log(f"training word2vec on {len(unsup):,} unlabelled reviews")
    started = time.perf_counter()
    vectors = train_word2vec(unsup, sg=args.w2v_sg, dim=args.w2v_dim, epochs=args.w2v_epochs,
                             workers=2, seed=0)
    seconds = time.perf_counter() - started
    write_vectors(args.w2v_out, vectors.vocab, vectors.matrix, format="word2vec-binary")
    _log(f"  {len(vectors):,} words in {seconds:.0f} s, written to {args.w2v_out}")
    return vectors, (f"word2vec: {vectors.report.notes[0]}, workers=2; trained in "
                     f"{seconds:.0f} s ({len(vectors):,} words).")


def _fit_one(args, vocab, head, name, vectors, pool, train, val, test) -> dict[str, Any]:
    from wordvec.training import TextClassifier

    class PoolVocabulary(TextClassifier):
        """Seed 000's Tokenizer: fitted on the text of every training review."""

        def _fit_tokenizer(self, texts: list[str]) -> None:
            super()._fit_tokenizer(pool)

    cls = PoolVocabulary if vocab == "pool" else TextClassifier
    clf = cls(head=head, vectors=vectors, maxlen=100, num_words=10000,
              trainable=vectors is None, embedding_dim=50, epochs=args.epochs,
              patience=args.patience, learning_rate=args.learning_rate, seed=0)
    clf.fit(list(train[0]), list(train[1]), validation_data=(list(val[0]), list(val[1])))
    scores = clf.evaluate(*test)
    coverage = clf.coverage_.word_share if clf.coverage_ is not None else None
    return {"vocab": vocab, "head": head, "vectors": name, "val": clf.metrics_["val"]["accuracy"],
            "accuracy": scores["accuracy"], "macro_f1": scores["macro_f1"],
            "train_seconds": clf.metrics_["train_seconds"], "coverage": coverage,
            "epochs": len(clf.history_.get("loss", []))}


def _table(rows: list[dict[str, Any]]) -> str:
    lines = ["| vocabulary | vectors | head | coverage | epochs run | val accuracy | test accuracy "
             "| macro F1 | train seconds |", "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        coverage = "-" if r["coverage"] is None else f"{r['coverage']:.1%}"
        lines.append(f"| {r['vocab']} | {r['vectors']} | {r['head']} | {coverage} | "
                     f"{r['epochs']} | {r['val']:.4f} | {r['accuracy']:.4f} | "
                     f"{r['macro_f1']:.4f} | {r['train_seconds']:.1f} |")
    return "\n".join(lines)


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
