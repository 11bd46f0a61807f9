"""Where wordvec keeps its cache and where the shared data lives."""

from __future__ import annotations

import os
from pathlib import Path


def wordvec_home() -> Path:
    """The cache directory: ``$WORDVEC_HOME`` or ``~/.cache/wordvec``.

    Example:
        >>> wordvec_home().name in {"wordvec"} or "WORDVEC_HOME" in os.environ
        True
    """
    env = os.environ.get("WORDVEC_HOME")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "wordvec"
