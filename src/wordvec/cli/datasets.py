"""`wordvec datasets ...`: list the named datasets, download one, describe a name or a path."""

from __future__ import annotations

from typing import Annotated

import typer

from wordvec.cli._output import out, print_json

app = typer.Typer(help="Named datasets: list, download, describe (also any folder, archive or "
                  "file).", no_args_is_help=True)


@app.command("list")
def list_datasets(
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """Show the registry: name, description, size, and whether it is on this machine."""
    from rich.table import Table

    from wordvec.data.registry import REGISTRY

    rows = []
    for entry in REGISTRY.values():
        local = entry.cached_path()
        rows.append({
            "name": entry.name, "description": entry.description, "texts": entry.texts,
            "download_bytes": entry.size, "embedded": entry.url is None,
            "cached": local is not None, "path": str(local) if local else None,
        })
    if as_json:
        print_json(rows)
        return
    table = Table(title="datasets")
    for column in ("name", "texts", "download", "here"):
        table.add_column(column, no_wrap=True, justify="left" if column == "name" else "right")
    table.add_column("description")
    for row in rows:
        size = f"{row['download_bytes'] / 1e6:,.0f} MB" if row["download_bytes"] else "?"
        here = "embedded" if row["embedded"] else "cached" if row["cached"] else "no"
        table.add_row(row["name"], f"{row['texts']:,}", "-" if row["embedded"] else size, here,
                      row["description"])
    out.print(table)


@app.command()
def download(
    name: Annotated[str, typer.Argument(help="Registry name (see `wordvec datasets list`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the local path as JSON.")]
    = False,
) -> None:
    """Download a named dataset into the cache ($WORDVEC_HOME), verified by its sha256."""
    from wordvec.data.registry import DATASETS_SUBDIR, REGISTRY
    from wordvec.errors import DatasetError

    entry = REGISTRY.get(name.lower())
    if entry is None:
        raise DatasetError(f"unknown dataset {name!r} (registry names: {', '.join(REGISTRY)})")
    path = entry.cached_path()
    if path is None:
        from wordvec._paths import wordvec_home
        from wordvec.data.download import download as fetch

        path = fetch(entry.resource(), cache_dir=wordvec_home() / DATASETS_SUBDIR,
                     progress=not as_json, path_hint="--dataset PATH")
    if as_json:
        print_json({"name": entry.name, "path": str(path)})
        return
    note = "embedded, nothing to download" if entry.url is None else "ready"
    out.print(f"{entry.name}: {note}: {path}", soft_wrap=True)


@app.command()
def info(
    source: Annotated[str, typer.Argument(help="Registry name, or a path to a folder, archive "
                                          "or CSV/TSV/JSON Lines/fastText file.")],
    seed: Annotated[int, typer.Option(help="Seed of the held-out splits.")] = 0,
    test_size: Annotated[float, typer.Option(help="Share held out as test when the source has "
                                             "no test split.")] = 0.2,
    validation_size: Annotated[float | None, typer.Option(
        help="Share of train carved out as validation (stratified).")] = None,
    text_column: Annotated[str | None, typer.Option(help="Text column of a CSV/TSV/JSON Lines "
                                                    "file.")] = None,
    label_column: Annotated[str | None, typer.Option(help="Label column of a CSV/TSV/JSON "
                                                     "Lines file.")] = None,
    remove_quotes: Annotated[bool, typer.Option(help="20 Newsgroups: drop quoted lines "
                                                "('>' or '|').")] = False,
    remove_signatures: Annotated[bool, typer.Option(help="20 Newsgroups: drop signatures "
                                                    "(after a '-- ' line).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Texts per class and split, lengths in tokens (mean, median, 95th percentile), report."""
    import time

    from wordvec.data import load_dataset
    from wordvec.data.stats import describe

    start = time.perf_counter()
    dataset = load_dataset(
        source, seed=seed, test_size=test_size, validation_size=validation_size,
        progress=not as_json, text_column=text_column, label_column=label_column,
        remove_quotes=remove_quotes or None, remove_signatures=remove_signatures or None,
    )
    summary = describe(dataset)
    summary["load_seconds"] = round(time.perf_counter() - start, 2)
    if as_json:
        print_json(summary)
        return
    _print_summary(summary)
    for line in summary["report_lines"]:
        out.print(f"  {line}")


def _print_summary(summary: dict) -> None:
    from rich.table import Table

    splits = summary["splits"]
    table = Table(title=f"{summary['name']} ({summary['source']}), loaded in "
                  f"{summary['load_seconds']:.1f} s")
    table.add_column("class")
    for name in splits:
        table.add_column(name, justify="right")
    for label in summary["classes"]:
        table.add_row(label, *(f"{splits[name]['per_class'][label]:,}" for name in splits))
    table.add_row("[b]total[/b]", *(f"[b]{splits[name]['count']:,}[/b]" for name in splits))
    for stat in ("mean", "median", "p95"):
        table.add_row(f"tokens {stat}", *(f"{splits[name]['tokens'][stat]:,.1f}"
                                          for name in splits))
    out.print(table)
    if summary["unlabelled"]:
        tokens = summary["unlabelled_tokens"]
        out.print(f"unlabelled: {summary['unlabelled']:,} texts (tokens mean {tokens['mean']:.1f}"
                  f", median {tokens['median']:.1f}, p95 {tokens['p95']:.1f})")

