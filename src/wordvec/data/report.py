"""What reading a dataset did: files read, skipped, ignored, decoded with replacement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_SHOWN = 5  # names listed per report line before "and N more"


@dataclass
class LoadReport:
    """A record of how a dataset source was read, for users to check nothing was lost.

    ``replaced`` maps a file (or ``file:line``) to the number of characters that could not be
    decoded and were replaced by U+FFFD; ``empty`` lists files or rows skipped because they held
    no text; ``ignored`` lists files that are not part of the recognised layout (a README, a
    ``.feat`` file beside the class folders).

    Example:
        >>> report = LoadReport(layout="class folders", files_read=3, empty=["a/1.txt"])
        >>> report.lines()
        ['layout: class folders', 'read 3 files', 'skipped 1 empty file or row: a/1.txt']
    """

    layout: str = ""
    files_read: int = 0
    rows_read: int = 0
    empty: list[str] = field(default_factory=list)
    replaced: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable report lines (the CLI prints them under ``datasets info``)."""
        lines = [f"layout: {self.layout}"] if self.layout else []
        if self.files_read:
            lines.append(f"read {self.files_read:,} file{_s(self.files_read)}")
        if self.rows_read:
            lines.append(f"read {self.rows_read:,} row{_s(self.rows_read)}")
        if self.empty:
            lines.append(f"skipped {len(self.empty):,} empty file{_s(len(self.empty))} or "
                         f"row{_s(len(self.empty))}: {_names(self.empty)}")
        if self.replaced:
            chars = sum(self.replaced.values())
            lines.append(f"decoded {len(self.replaced):,} file{_s(len(self.replaced))} with "
                         f"replacement ({chars:,} undecodable byte sequence{_s(chars)}): "
                         f"{_names(list(self.replaced))}")
        if self.ignored:
            lines.append(f"ignored {len(self.ignored):,} file{_s(len(self.ignored))} outside "
                         f"the layout: {_names(self.ignored)}")
        return lines + self.notes

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values (``datasets info --json``).

        Example:
            >>> LoadReport(files_read=2).to_dict()["files_read"]
            2
        """
        return {
            "layout": self.layout, "files_read": self.files_read, "rows_read": self.rows_read,
            "empty": list(self.empty), "replaced": dict(self.replaced),
            "ignored": list(self.ignored), "notes": list(self.notes),
        }


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown if len(names) <= _SHOWN else f"{shown} and {len(names) - _SHOWN:,} more"
