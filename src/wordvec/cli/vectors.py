"""`wordvec vectors ...`: look inside word vectors (a registry name or any supported file).

Module-level imports stay light (typer, rich): numpy and the readers load inside each command,
and none of these commands imports Keras or JAX.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from wordvec.cli._output import out, print_json

app = typer.Typer(
    help="Word vectors: list the named sets, inspect, query (neighbors, analogy, similarity), "
    "evaluate and convert any GloVe / word2vec / fastText file.",
    no_args_is_help=True,
)

VectorsOption = Annotated[str, typer.Option(
    "--vectors", "-v", help="Registry name (see `wordvec vectors list`) or a path; "
    "archive members as archive.zip:member.txt.")]
LimitOption = Annotated[int | None, typer.Option(
    "--limit", min=0, help="Read only the first N words of the file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
TopnOption = Annotated[int, typer.Option("--topn", min=1, help="How many answers to show.")]
DEFAULT_VECTORS = "glove-6b-50d"


def _load(source: str, limit: int | None, as_json: bool) -> Any:
    from wordvec.vectors import load_vectors

    return load_vectors(source, limit=limit, progress=not as_json)


def _loaded_note(vectors: Any) -> None:
    """One dim line after a successful answer: which vectors, how they were loaded."""
    report = vectors.report
    how = "from cache" if report.cached else f"parsed as {report.format}"
    out.print(f"[dim]{vectors.name}: {len(vectors):,} words x {vectors.dim} dims, {how} in "
              f"{report.seconds:.2f} s[/dim]", soft_wrap=True)


def _answers_table(title: str, answers: list[tuple[str, float]]) -> Any:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("#", justify="right")
    table.add_column("word")
    table.add_column("cosine", justify="right")
    for rank, (word, score) in enumerate(answers, start=1):
        table.add_row(str(rank), word, f"{score:.4f}")
    return table


@app.command("list")
def list_vectors(as_json: JsonOption = False) -> None:
    """Show the named vector sets: dimension, words, download size, availability."""
    from rich.table import Table

    from wordvec.vectors.registry import REGISTRY

    rows = [{
        "name": e.name, "dim": e.dim, "words": e.words, "download_bytes": e.size,
        "format": e.format, "embedded": e.url is None, "url": e.url,
        "checksum_known": e.url is None or e.sha256 is not None, "description": e.description,
    } for e in REGISTRY.values()]
    if as_json:
        print_json(rows)
        return
    table = Table(title="word vectors")
    for column in ("name", "dim", "words", "download"):
        table.add_column(column, justify="left" if column == "name" else "right", no_wrap=True)
    table.add_column("description")
    for row in rows:
        size = "embedded" if row["embedded"] else f"{row['download_bytes'] / 1e9:.2f} GB"
        table.add_row(row["name"], str(row["dim"]), f"{row['words']:,}", size,
                      row["description"])
    out.print(table)


@app.command()
def info(
    source: Annotated[str | None, typer.Argument(help="Name or path (default: --vectors).")]
    = None,
    vectors: VectorsOption = DEFAULT_VECTORS, limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Describe vectors: size, format, load time, what the reader repaired or skipped."""
    v = _load(source or vectors, limit, as_json)
    report = v.report.to_dict()
    facts = {"name": v.name, "words": len(v), "dim": v.dim, "dtype": str(v.matrix.dtype),
             "first_words": v.vocab[:10], **report}
    if as_json:
        print_json(facts)
        return
    for key, value in facts.items():
        if key == "first_words":
            value = " ".join(value)
        elif key == "seconds":
            value = f"{value:.3f}"
        out.print(f"{key:>12}: {value}", soft_wrap=True)


@app.command()
def neighbors(
    word: Annotated[str, typer.Argument(help="The word whose nearest neighbours to list.")],
    vectors: VectorsOption = DEFAULT_VECTORS, topn: TopnOption = 10, limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """The words nearest to WORD by cosine similarity."""
    v = _load(vectors, limit, as_json)
    answers = v.most_similar(word, topn=topn)
    if as_json:
        print_json({"word": word, "neighbors": [{"word": w, "cosine": s} for w, s in answers]})
        return
    out.print(_answers_table(f"nearest to {word!r}", answers))
    _loaded_note(v)


@app.command()
def analogy(
    a: Annotated[str, typer.Argument(help="A, in 'A is to B as C is to ?'.")],
    b: Annotated[str, typer.Argument(help="B.")],
    c: Annotated[str, typer.Argument(help="C.")],
    vectors: VectorsOption = DEFAULT_VECTORS, topn: TopnOption = 5, limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Answer 'A is to B as C is to ?' (nearest to B - A + C, inputs excluded)."""
    v = _load(vectors, limit, as_json)
    answers = v.analogy(a, b, c, topn=topn)
    if as_json:
        print_json({"a": a, "b": b, "c": c,
                    "answers": [{"word": w, "cosine": s} for w, s in answers]})
        return
    out.print(_answers_table(f"{a} is to {b} as {c} is to ...", answers))
    _loaded_note(v)


@app.command()
def similarity(
    word1: Annotated[str, typer.Argument(help="First word.")],
    word2: Annotated[str, typer.Argument(help="Second word.")],
    vectors: VectorsOption = DEFAULT_VECTORS, limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Cosine similarity of two words."""
    v = _load(vectors, limit, as_json)
    score = v.similarity(word1, word2)
    if as_json:
        print_json({"word1": word1, "word2": word2, "cosine": score})
        return
    out.print(f"cosine({word1}, {word2}) = {score:.4f}")
    _loaded_note(v)


@app.command()
def evaluate(
    source: Annotated[str | None, typer.Argument(help="Name or path (default: --vectors).")]
    = None,
    vectors: VectorsOption = DEFAULT_VECTORS, limit: LimitOption = None,
    restrict_vocab: Annotated[int, typer.Option(
        min=1, help="Only the N most frequent words take part (gensim's default).")] = 300_000,
    as_json: JsonOption = False,
) -> None:
    """Google analogies, WordSim353 and SimLex-999 scores, with gensim's rules."""
    from wordvec.vectors.evaluate import evaluate as run

    v = _load(source or vectors, limit, as_json)
    scores = run(v, restrict_vocab=restrict_vocab)
    if as_json:
        print_json(scores)
        return
    from rich.table import Table

    table = Table(title=f"{v.name}: intrinsic evaluation (first {restrict_vocab:,} words)")
    for column in ("benchmark", "score", "items", "unknown", "seconds"):
        table.add_column(column, justify="left" if column == "benchmark" else "right")
    ana = scores["analogy"]
    table.add_row("analogy accuracy", f"{ana['accuracy']:.4f}", f"{ana['total']:,}",
                  f"{ana['oov']:.1%}", f"{ana['seconds']:.2f}")
    for name in ("wordsim353", "simlex999"):
        pairs = scores[name]
        table.add_row(f"{name} Spearman", f"{pairs['spearman']:.4f}", str(pairs["pairs"]),
                      f"{pairs['oov']:.1%}", f"{pairs['seconds']:.2f}")
        table.add_row(f"{name} Pearson", f"{pairs['pearson']:.4f}", "", "", "")
    out.print(table)
    _loaded_note(v)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="Name or path of the vectors to read.")],
    dest: Annotated[str, typer.Argument(help="File to write (.txt GloVe, .vec fastText, .w2v "
                                        "word2vec text, .bin word2vec binary; .gz/.bz2/.xz "
                                        "compress).")],
    to: Annotated[str | None, typer.Option(
        "--to", help="Output format: glove, word2vec, fasttext, word2vec-binary "
        "(default: from DEST's name).")] = None,
    limit: LimitOption = None,
    precision: Annotated[int | None, typer.Option(
        min=1, max=9, help="Significant digits in text output (default: exact float32, "
        "6 digits where that is enough).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Read vectors in any supported format and write them in another."""
    import time

    from wordvec.vectors.formats import write_vectors

    v = _load(source, limit, as_json)
    started = time.perf_counter()
    fmt = write_vectors(dest, v.vocab, v.matrix, format=to, precision=precision)
    seconds = time.perf_counter() - started
    if as_json:
        print_json({"source": source, "dest": dest, "format": fmt, "words": len(v),
                    "dim": v.dim, "seconds": seconds})
        return
    out.print(f"wrote {len(v):,} words x {v.dim} dims as {fmt} to {dest} in {seconds:.2f} s",
              soft_wrap=True)
    _loaded_note(v)


from wordvec.cli import vectors_own as _vectors_own  # noqa: E402,F401  (train, export, plot)
