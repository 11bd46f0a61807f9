"""`wordvec vectors train | export | plot`: make your own vectors and look at them.

Registered on the ``wordvec vectors`` app of ``wordvec.cli.vectors``. Module-level imports stay
light (typer, rich); gensim, Keras and matplotlib load inside the commands that need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from wordvec.cli._output import err, info_console, print_json
from wordvec.cli.vectors import JsonOption, app

OutOption = Annotated[Path, typer.Option(
    "--out", "-o", help="Vectors file to write (.bin: word2vec binary; otherwise word2vec text "
    "unless --format says; .gz/.bz2/.xz compress).")]
FormatOption = Annotated[str | None, typer.Option(
    "--format", help="word2vec | word2vec-binary | glove | fasttext (default: word2vec-binary "
    "for a .bin name, else word2vec text).")]


@app.command("train")
def train_vectors(
    source: Annotated[str, typer.Argument(help="Dataset: registry name (imdb, bbc, "
                                          "20newsgroups) or a path to a folder, archive or "
                                          "file.")],
    out: OutOption,
    sg: Annotated[bool, typer.Option("--sg/--cbow", help="Skip-gram or CBOW.")] = True,
    dim: Annotated[int, typer.Option(min=1, help="Vector dimension.")] = 100,
    window: Annotated[int, typer.Option(min=1, help="Context words on each side.")] = 5,
    min_count: Annotated[int, typer.Option(min=1, help="Drop words seen fewer times.")] = 5,
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the corpus.")] = 5,
    negative: Annotated[int, typer.Option(min=1, help="Negative samples per word.")] = 5,
    workers: Annotated[int, typer.Option(min=1, help="Training threads (1: repeatable).")]
    = 2,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    include_unlabelled: Annotated[bool, typer.Option(
        "--include-unlabelled/--labelled-only", help="Also train on the dataset's unlabelled "
        "texts (IMDB's 50,000 unsup reviews).")] = True,
    splits: Annotated[str, typer.Option(
        help="Labelled splits to train on: 'train' (the test texts stay unseen, so a "
        "classifier scored on them later is scored honestly), 'all', 'none' or a comma list.")]
    = "train",
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Train word2vec on a dataset's texts (tokenised like the classifier), save it, score it."""
    from wordvec.data import load_dataset
    from wordvec.vectors.train import train_word2vec

    info = info_console(as_json)
    data = load_dataset(source, test_size=None, progress=not as_json)
    texts = _corpus(data, splits, include_unlabelled)
    info.print(f"dataset {data.name}: training on {len(texts):,} texts", soft_wrap=True)
    with _TrainProgress(as_json) as report:
        vectors = train_word2vec(
            texts, sg=sg, dim=dim, window=window, min_count=min_count, epochs=epochs,
            negative=negative, workers=workers, seed=seed, progress=report,
        )
    written = _save(vectors, out, fmt)
    scores = _evaluation(vectors)
    facts = {"out": str(out), "format": written, "texts": len(texts), "words": len(vectors),
             "dim": vectors.dim, "train_seconds": round(vectors.report.seconds, 3),
             "evaluation": scores}
    if as_json:
        print_json(facts)
        return
    info.print(f"trained {vectors.report.notes[0]} in {vectors.report.seconds:.1f} s",
               soft_wrap=True)
    info.print(f"wrote {len(vectors):,} words x {vectors.dim} dims as {written} to {out}",
               soft_wrap=True)
    info.print(_evaluation_table(scores, vectors.name))


@app.command("export")
def export_vectors(
    bundle: Annotated[Path, typer.Argument(help="Bundle directory written by `wordvec "
                                           "train`.")],
    out: OutOption,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the Embedding a classifier learned as vectors keyed by its tokenizer's words."""
    from wordvec.vectors.export import export_embeddings

    vectors = export_embeddings(bundle)
    written = _save(vectors, out, fmt)
    if as_json:
        print_json({"bundle": str(bundle), "out": str(out), "format": written,
                    "words": len(vectors), "dim": vectors.dim})
        return
    info_console(as_json).print(
        f"wrote {len(vectors):,} words x {vectors.dim} dims from {bundle}'s Embedding layer as "
        f"{written} to {out}", soft_wrap=True)


@app.command("plot")
def plot(
    vectors: Annotated[str, typer.Argument(help="Registry name or path of the vectors.")],
    words: Annotated[list[str], typer.Argument(help="Words to draw.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Image to write (.png, .svg, .pdf, "
                                      "...).")],
    method: Annotated[str, typer.Option(help="Projection: pca | tsne.")] = "pca",
    neighbors: Annotated[int, typer.Option(min=0, help="Also draw each word's N nearest "
                                           "neighbours (second colour).")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed (t-SNE).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Draw WORDS (and their nearest neighbours) as a labelled 2-D projection."""
    from wordvec.vectors import load_vectors
    from wordvec.vectors.plot import plot_words

    loaded = load_vectors(vectors, progress=not as_json)
    projection = plot_words(loaded, words, out, method=method.lower(), neighbors=neighbors,
                            seed=seed)
    if as_json:
        print_json({"out": str(out), "method": projection.method, "missing": projection.missing,
                    "points": [vars(point) for point in projection.points]})
        return
    info = info_console(as_json)
    shown = sum(point.kind == "word" for point in projection.points)
    info.print(f"drew {shown} words and {len(projection.points) - shown} neighbours "
               f"({projection.method}) to {out}", soft_wrap=True)
    if projection.missing:
        info.print(f"not in the vectors: {', '.join(projection.missing)}", soft_wrap=True)


def _corpus(data: Any, splits: str, include_unlabelled: bool) -> list[str]:
    """The texts of the chosen labelled splits, then the unlabelled ones."""
    names = {"all": list(data.splits), "none": []}.get(splits.strip().lower())
    if names is None:
        names = [name.strip() for name in splits.split(",") if name.strip()]
    texts = [text for name in names for text in data.split(name).texts]
    return texts + list(data.unlabelled) if include_unlabelled else texts


def _save(vectors: Any, out: Path, fmt: str | None) -> str:
    from wordvec.vectors.formats import normalise_format, write_vectors

    if fmt is None:
        binary = out.name.lower().removesuffix(".gz").removesuffix(".bz2").removesuffix(".xz")
        fmt = "word2vec-binary" if binary.endswith(".bin") else "word2vec"
    return write_vectors(out, vectors.vocab, vectors.matrix, format=normalise_format(fmt))


def _evaluation(vectors: Any) -> dict[str, dict[str, Any]]:
    """Issue 4's intrinsic scores; a benchmark none of whose words is known gives an error
    entry instead of failing the command."""
    from wordvec.errors import VectorsError
    from wordvec.vectors import evaluate as ev

    tasks = {
        "analogy": lambda: ev.evaluate_analogies(vectors),
        "wordsim353": lambda: ev.evaluate_pairs(vectors, ev.benchmark_file("wordsim353.tsv")),
        "simlex999": lambda: ev.evaluate_pairs(vectors, ev.benchmark_file("simlex999.txt")),
    }
    scores: dict[str, dict[str, Any]] = {}
    for name, task in tasks.items():
        try:
            result = task().to_dict()
            result.pop("sections", None)
            scores[name] = result
        except VectorsError as exc:
            scores[name] = {"error": str(exc)}
    return scores


def _evaluation_table(scores: dict[str, dict[str, Any]], name: str) -> Any:
    from rich.table import Table

    table = Table(title=f"{name}: intrinsic evaluation")
    for column in ("benchmark", "score", "items", "unknown"):
        table.add_column(column, justify="left" if column == "benchmark" else "right")
    for bench, result in scores.items():
        if "error" in result:
            table.add_row(bench, "-", "-", result["error"])
        elif bench == "analogy":
            table.add_row("analogy accuracy", f"{result['accuracy']:.4f}",
                          f"{result['total']:,}", f"{result['oov']:.1%}")
        else:
            table.add_row(f"{bench} Spearman", f"{result['spearman']:.4f}",
                          str(result["pairs"]), f"{result['oov']:.1%}")
    return table


class _TrainProgress:
    """A rich progress bar on stderr fed by ``train_word2vec``'s ``progress(stage, done,
    total)``; silent when ``quiet``."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if self.quiet:
            return None
        from rich import progress as rp

        self.bar = rp.Progress(
            rp.TextColumn("[bold]{task.description:<10}"), rp.BarColumn(),
            rp.MofNCompleteColumn(), rp.TextColumn("texts"), rp.TimeElapsedColumn(),
            rp.TimeRemainingColumn(), console=err, transient=True,
        )
        self.bar.start()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done)

    def __exit__(self, *exc: object) -> None:
        if not self.quiet:
            self.bar.stop()
