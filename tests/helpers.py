"""Small helpers the tooling tests share: running the CLI in-process and writing fragments."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mpforge import process
from mpforge.cli import main

BUILD_TIMEOUT = 1200  # a full build of the core on a loaded machine

BOARD_DEFCONFIG = """\
# An out-of-tree copy of netduinoplus2 under another name.
CONFIG_PORT_STM32=y
CONFIG_BOARD_MYNETDUINO=y
CONFIG_FROZEN_PKG_DEMO=y
"""

BOARD_KCONFIG = """\
# The board's facts: its entry in the port's board choice, its chip, clock and emulator.
choice STM32_BOARD
	prompt "Board"

config BOARD_MYNETDUINO
	bool "My Netduino (STM32F405RG), out of tree"
	select CHIP_STM32F405RG

endchoice

choice STM32_CLOCK
	prompt "System clock"
	default STM32_CLOCK_EMULATED if BOARD_MYNETDUINO
endchoice

config EMULATOR
	default "qemu" if BOARD_MYNETDUINO

config QEMU_MACHINE
	string
	default "netduinoplus2" if BOARD_MYNETDUINO

config COMPILER
	default y if BOARD_MYNETDUINO
"""


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def mpforge(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> CliResult:
    """Run `mpforge ARGV...` in this process and capture what it printed. What `-v` sets in
    the environment for the child processes is undone after it (else every later test of this
    worker would log its commands)."""
    capsys.readouterr()
    verbose = os.environ.get(process.VERBOSE_ENV)
    try:
        code = main([str(a) for a in argv])
    finally:
        if verbose is None:
            os.environ.pop(process.VERBOSE_ENV, None)
        else:
            os.environ[process.VERBOSE_ENV] = verbose
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def fragment(directory: Path, name: str, *lines: str) -> Path:
    path = directory / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def cli(
    cwd: Path,
    *argv: str | Path,
    env: dict[str, str] | None = None,
    stdin: int | None = subprocess.DEVNULL,
) -> subprocess.CompletedProcess[str]:
    """`mpforge ARGV` in a child process as a user types it in `cwd`: MPFORGE_BOARD unset,
    `env` added to the environment."""
    environment = {k: v for k, v in os.environ.items() if k != "MPFORGE_BOARD"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mpforge", *(str(a) for a in argv)],
        cwd=cwd,
        env=environment,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )


def one_error(err: str, notes: bool = False) -> str:
    """The one line of stderr, an `error:` (with notes=True, `note:` lines may come before)."""
    lines = [line for line in err.splitlines() if not (notes and line.startswith("note: "))]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def board_root(
    directory: Path, name: str = "mynetduino", kconfig: str = BOARD_KCONFIG, extra: str = ""
) -> Path:
    """An out-of-tree board NAME (netduinoplus2's facts) in `directory`: its defconfig and
    Kconfig, as a --board-root or board_roots holds them."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{name}_defconfig").write_text(
        BOARD_DEFCONFIG.replace("MYNETDUINO", name.upper()) + extra
    )
    (directory / f"{name}.Kconfig").write_text(kconfig.replace("MYNETDUINO", name.upper()))
    return directory
