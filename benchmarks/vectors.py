"""Benchmark: loading GloVe 6B 50d text and scoring the Google analogies, wordvec vs the anchors.

Renders the 400,000 x 50 GloVe text file from the embedded vectors with '%.6g' (the official
file's exact byte count), then, in one run, times in fresh processes (best of --repeat) with
their peak memory:

* the seeds' loop (``line.split()`` + ``np.asarray`` per line into a dict),
* gensim ``KeyedVectors.load_word2vec_format(no_header=True)``,
* wordvec ``load_vectors`` on an empty cache (parses and writes the cache), without a cache,
  and a second time (from the cache),

and then gensim's ``evaluate_word_analogies`` vs wordvec's ``evaluate_analogies`` (same vectors,
300,000 words, questions-words.txt). Prints a markdown table.

Run: ``.venv/bin/python benchmarks/vectors.py`` (about 5 minutes, most of it gensim).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OFFICIAL_BYTES = 171_350_079
MATRIX_BYTES = 400_000 * 50 * 4


def render_glove(path: Path) -> int:
    """Write the embedded vectors as GloVe text with '%.6g'; return the byte count."""
    import numpy as np

    from wordvec.vectors import load_vectors

    v = load_vectors("glove-6b-50d")
    fmt = " ".join(["%.6g"] * v.dim)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for start in range(0, len(v), 20000):
            block = np.asarray(v.matrix[start:start + 20000]).tolist()
            handle.write("".join(f"{word} {fmt % tuple(row)}\n"
                                 for word, row in zip(v.vocab[start:start + 20000], block,
                                                      strict=True)))
    return path.stat().st_size


def _status(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in bytes (Linux)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def child(method: str, path: str) -> dict:
    """Run one loader in this (fresh) process; report seconds, rows and peak memory growth."""
    import numpy as np

    if method == "gensim":
        from gensim.models import KeyedVectors
    else:
        import pyarrow.csv  # noqa: F401 - imported before the baseline, like gensim above

        from wordvec.vectors import load_vectors
    base = _status("VmRSS")
    started = time.perf_counter()
    if method == "seeds":
        index = {}
        with open(path, encoding="utf8") as handle:
            for line in handle:
                values = line.split()
                word = values[0]
                coefs = np.asarray(values[1:], dtype="float32")
                index[word] = coefs
        rows = len(index)
    elif method == "gensim":
        rows = len(KeyedVectors.load_word2vec_format(path, binary=False, no_header=True))
    elif method == "wordvec-nocache":
        rows = len(load_vectors(path, cache=False))
    else:  # wordvec (empty cache) or wordvec-cached (cache written by an earlier process)
        v = load_vectors(path)
        rows = len(v)
        if method == "wordvec-cached" and not v.report.cached:
            raise SystemExit("the cache was not used")
    seconds = time.perf_counter() - started
    peak = _status("VmHWM")  # this process's own high-water mark (ru_maxrss survives exec)
    return {"seconds": seconds, "rows": rows, "peak_growth": peak - base}


def run_child(method: str, path: Path, home: Path) -> dict:
    env = dict(os.environ, WORDVEC_HOME=str(home))
    out = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path)], env=env, check=True,
        capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def analogies() -> dict:
    """gensim's and wordvec's analogy evaluation on the same 400k x 50 vectors."""
    import numpy as np
    from gensim.models import KeyedVectors

    from wordvec.vectors import load_vectors
    from wordvec.vectors.evaluate import benchmark_file, evaluate_analogies

    v = load_vectors("glove-6b-50d")
    kv = KeyedVectors(v.dim)
    kv.add_vectors(v.vocab, np.asarray(v.matrix))
    questions = str(benchmark_file("questions-words.txt"))
    started = time.perf_counter()
    ours = evaluate_analogies(v)  # includes building the normalised matrix
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    score, sections = kv.evaluate_word_analogies(questions)
    gensim_seconds = time.perf_counter() - started
    same = [(s["section"], len(s["correct"])) for s in sections[:-1]] == [
        (s["section"], s["correct"]) for s in ours.sections]
    return {"gensim": gensim_seconds, "wordvec": ours_seconds, "gensim_accuracy": score,
            "wordvec_accuracy": ours.accuracy, "questions": ours.total, "same_sections": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per loader (best is kept)")
    parser.add_argument("--skip-analogies", action="store_true")
    parser.add_argument("--skip-loaders", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    if not args.skip_loaders:
        loaders(args.repeat)
    if not args.skip_analogies:
        print_analogies(analogies())


def loaders(repeat: int) -> None:
    """Time every loader on the rendered file, best of ``repeat`` fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "glove.6B.50d.txt"
        size = render_glove(path)
        print(f"rendered {path.name}: {size:,} bytes "
              f"({'matches' if size == OFFICIAL_BYTES else 'DIFFERS FROM'} the official "
              f"{OFFICIAL_BYTES:,})", file=sys.stderr)
        results: dict[str, dict] = {}
        for attempt in range(repeat):
            home = Path(tmp) / f"home{attempt}"  # empty: the first wordvec load parses
            for method in ("seeds", "gensim", "wordvec", "wordvec-cached", "wordvec-nocache"):
                result = run_child(method, path, home)
                best = results.get(method)
                if best is None or result["seconds"] < best["seconds"]:
                    results[method] = result
                print(f"  {method}: {result['seconds']:.3f} s", file=sys.stderr)
    seeds = results["seeds"]["seconds"]
    labels = {
        "seeds": "seeds' loop (split + np.asarray per line)",
        "gensim": "gensim load_word2vec_format(no_header=True)",
        "wordvec": "wordvec load_vectors, first load (parse + write cache)",
        "wordvec-nocache": "wordvec load_vectors(cache=False)",
        "wordvec-cached": "wordvec load_vectors, second load (cache)",
    }
    print(f"\nGloVe 6B 50d text, {size:,} bytes, 400,000 x 50 (float32 matrix "
          f"{MATRIX_BYTES / 2**20:.1f} MiB); best of {repeat} fresh processes\n")
    print("| loader | seconds | vs seeds' loop | peak memory growth | / matrix |")
    print("|---|---:|---:|---:|---:|")
    for method, label in labels.items():
        r = results[method]
        assert r["rows"] == 400_000, (method, r["rows"])
        print(f"| {label} | {r['seconds']:.3f} | {seeds / r['seconds']:.1f}x | "
              f"{r['peak_growth'] / 2**20:.0f} MiB | {r['peak_growth'] / MATRIX_BYTES:.2f} |")


def print_analogies(a: dict) -> None:
    print(f"\nGoogle analogies (questions-words.txt, {a['questions']:,} questions, first "
          "300,000 words)\n")
    print("| evaluator | seconds | accuracy |")
    print("|---|---:|---:|")
    print(f"| gensim evaluate_word_analogies | {a['gensim']:.1f} | {a['gensim_accuracy']:.4f} |")
    print(f"| wordvec evaluate_analogies | {a['wordvec']:.1f} | {a['wordvec_accuracy']:.4f} |")
    print(f"\nwordvec is {a['gensim'] / a['wordvec']:.1f}x faster; per-section counts "
          f"{'identical' if a['same_sections'] else 'DIFFERENT'}.")


if __name__ == "__main__":
    main()
