"""Entry point of the ``wordvec`` command: sub-commands and one-line error reporting."""

from __future__ import annotations

import sys

import typer

from wordvec.cli import datasets as _datasets
from wordvec.cli import vectors as _vectors
from wordvec.cli.evaluate import evaluate
from wordvec.cli.predict import predict
from wordvec.cli.train import train
from wordvec.errors import WordvecError

app = typer.Typer(
    name="wordvec",
    help="Text classification with word embeddings: train, evaluate, predict, explore vectors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command()(train)
app.command()(evaluate)
app.command()(predict)
app.add_typer(_datasets.app, name="datasets")
app.add_typer(_vectors.app, name="vectors")


def fail(message: str) -> None:
    """Print ``wordvec: error: MESSAGE`` on one line of stderr and exit with code 2."""
    text = " ".join(str(message).split())
    sys.stderr.write(f"wordvec: error: {text}\n")
    sys.exit(2)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every user error ends in one line on stderr and exit code 2."""
    try:
        app(args=argv, prog_name="wordvec", standalone_mode=False)
    except WordvecError as exc:
        fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        fail("aborted")
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.exit(0)
        fail(exc.format_message())
    except FileNotFoundError as exc:
        fail(f"file not found: {exc.filename or exc}")
    except KeyboardInterrupt:
        fail("interrupted")


if __name__ == "__main__":
    main()
