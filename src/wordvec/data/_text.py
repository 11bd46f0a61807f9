"""Turning raw file bytes into clean text: decoding with replacement and per-corpus cleaning."""

from __future__ import annotations

import re

from wordvec.data.report import LoadReport

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)


def decode(data: bytes, name: str, report: LoadReport, encoding: str = "utf-8") -> str:
    """Decode ``data``; undecodable bytes become U+FFFD and the file is counted in ``report``.

    Example:
        >>> report = LoadReport()
        >>> decode(b"caf\\xe9", "a.txt", report)
        'caf\\ufffd'
        >>> report.replaced
        {'a.txt': 1}
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        report.replaced[name] = text.count("\ufffd") - _count_fffd(data, encoding)
        return text


def _count_fffd(data: bytes, encoding: str) -> int:
    """U+FFFD characters that were genuinely in the data (not produced by replacement)."""
    marker = "\ufffd".encode(encoding, errors="ignore")
    return data.count(marker) if marker else 0


def strip_html_breaks(text: str) -> str:
    """Replace IMDB's ``<br />`` tags with a space.

    Example:
        >>> strip_html_breaks("Great.<br /><br />Loved it")
        'Great.  Loved it'
    """
    return _BR.sub(" ", text)


def newsgroup_body(text: str, remove_quotes: bool = False, remove_signatures: bool = False) -> str:
    """The Keras blog's header removal (text from the first blank line on), plus options.

    ``remove_quotes`` drops lines starting with ``>`` or ``|`` (quoted replies);
    ``remove_signatures`` drops everything from the first signature delimiter line (``-- ``,
    or ``--`` when the trailing space was lost) on.

    Example:
        >>> post = "From: a@b\\nSubject: hi\\n\\n> old\\nnew text\\n-- \\nAlice"
        >>> newsgroup_body(post, remove_quotes=True, remove_signatures=True)
        '\\n\\nnew text\\n'
    """
    start = text.find("\n\n")
    if start > 0:  # the blog keeps the whole text when there is no header
        text = text[start:]
    if remove_signatures:
        match = _SIGNATURE.search(text)
        if match:
            text = text[: match.start()]
    if remove_quotes:
        text = "".join(
            line for line in text.splitlines(keepends=True) if not line.startswith((">", "|"))
        )
    return text
