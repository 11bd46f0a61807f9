"""`wordvec vectors ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="vectors commands.", no_args_is_help=True)
