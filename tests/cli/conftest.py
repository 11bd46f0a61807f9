"""Run the real ``wordvec`` command line in-process and capture what it prints."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wordvec.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def assert_error(self, *fragments: str) -> None:
        """Exit code 2, exactly one line on stderr naming every fragment, no traceback."""
        assert self.code == 2, (self.out, self.err)
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("wordvec: error: ")
        assert "Traceback" not in self.err + self.out
        for fragment in fragments:
            assert fragment in lines[0], lines[0]


@pytest.fixture
def cli(capsys):
    """``cli(*args)`` runs ``wordvec ARGS`` and returns its exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run

