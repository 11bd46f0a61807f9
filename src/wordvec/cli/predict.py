"""`wordvec predict BUNDLE [TEXT...]`: label texts with a saved classifier."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wordvec.cli._output import out, print_json


def predict(
    bundle: Annotated[Path, typer.Argument(help="Bundle directory written by wordvec train.")],
    texts: Annotated[list[str] | None, typer.Argument(help="Texts to label; '-' reads one "
                                                      "text per line from stdin.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read one text per line from "
                                              "this file.")] = None,
    top_k: Annotated[int, typer.Option(min=1, help="Show the K most probable labels.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the predicted label and its probability for each text."""
    from wordvec.errors import WordvecError
    from wordvec.training import TextClassifier

    items = _gather_texts(texts or [], file)
    if not items:
        raise WordvecError("no text to classify: pass TEXT arguments, --file FILE or - for stdin")
    clf = TextClassifier.load(bundle)
    probabilities = clf.predict_proba(items)
    k = min(top_k, len(clf.classes_))
    results = []
    for text, row in zip(items, probabilities, strict=True):
        best = row.argsort()[::-1][:k]
        top = [{"label": clf.classes_[i], "probability": round(float(row[i]), 4)} for i in best]
        results.append({"text": text, **top[0], "top": top})
    if as_json:
        print_json(results)
        return
    for result in results:
        out.print("  ".join(f"{t['label']}\t{t['probability']:.4f}" for t in result["top"]))


def _gather_texts(texts: list[str], file: Path | None) -> list[str]:
    from wordvec.errors import WordvecError

    items: list[str] = []
    for text in texts:
        if text == "-":
            items.extend(line.rstrip("\n") for line in sys.stdin if line.strip())
        else:
            items.append(text)
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise WordvecError(f"cannot read --file {file}: {exc.strerror}") from exc
        items.extend(line for line in lines if line.strip())
    return [t for t in items if t.strip()]
