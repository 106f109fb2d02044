"""Small helpers the tooling tests share: running the CLI in-process and writing fragments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from mpforge.cli import main


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def mpforge(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> CliResult:
    """Run `mpforge ARGV...` in this process and capture what it printed."""
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def fragment(directory: Path, name: str, *lines: str) -> Path:
    path = directory / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path
