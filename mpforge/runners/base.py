"""The runner contract: every way of booting an image (native, QEMU, rp2040js, unicorn)
behaves the same to the user.

- The console is the terminal: the program's output on stdout, the terminal's input
  to the program (its console UART on a board).
- Ctrl-C: a native program gets SIGINT as usual; an emulated board gets the byte 0x03
  on its console (so Python raises KeyboardInterrupt), and the emulator has its own
  key to leave (QEMU: Ctrl-A X).
- `run()` returns the program's exit status: a native exit code, or the status the
  board leaves the emulator with (semihosting SYS_EXIT_EXTENDED); a program killed by
  signal N gives 128 + N, as a shell reports it.
- `--timeout S`: after S seconds the run is stopped, a note on stderr says so, and the
  status is TIMEOUT_STATUS (124, as coreutils' timeout), never success.
- Interactive or not: with standard input a terminal the board drops into its REPL
  after main.py, as a board does; otherwise (a script, a pipe, </dev/null) the run is
  *batch*: boot.py and main.py run and the run ends with main.py's status (0, 1 after an
  uncaught exception, n after sys.exit(n)). A native program decides that itself
  (isatty); an emulator is told by `batch_command` (Cortex-M: the runner's word,
  mpforge.cortex_m.RUNNER_BATCH, stored in RAM before the core starts, and semihosting).

A subprocess runner (native, QEMU, Node) says only `command()` and `image()`, and
`check()` for the tools it needs; an in-process runner (unicorn) overrides `run()`.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from mpforge import process
from mpforge.config.resolve import build_first
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.errors import MpforgeError

# Exit status of a run stopped by --timeout.
TIMEOUT_STATUS = 124


def signal_status(returncode: int) -> int:
    """A subprocess return code as a shell shows it: 128 + N for death by signal N."""
    return 128 - returncode if returncode < 0 else returncode


def timed_out(timeout: float) -> int:
    """Say that the run was cut off; the status to return."""
    print(
        f"\nnote: stopped after {timeout:g} s (--timeout): the program had not ended "
        f"(exit status {TIMEOUT_STATUS})",
        file=sys.stderr,
    )
    return TIMEOUT_STATUS


def wait_for(proc: subprocess.Popen, timeout: float | None) -> int:
    """The run's exit status once [proc] ends, or TIMEOUT_STATUS after `timeout` seconds (the
    child stopped); when mpforge itself is told to end (SIGTERM, SIGHUP, a Ctrl-C it receives)
    the board goes too."""
    try:
        return signal_status(proc.wait(timeout))
    except subprocess.TimeoutExpired:
        process.end(proc)
        return timed_out(timeout or 0)
    except (KeyboardInterrupt, SystemExit):
        process.end(proc)
        raise


def is_batch(batch: bool | None = None) -> bool:
    """`batch`, or when None: standard input is not a terminal."""
    if batch is not None:
        return batch
    return sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty()


class Runner:
    """Boots the image in `build_dir`; subclasses say how (`command`) and what they need."""

    name: ClassVar[str] = "abstract"
    # The image runs a .py/.mpy file given on the command line (`mpforge run -b B FILE`).
    runs_files: ClassVar[bool] = False
    # What `mpforge run -b B -- ARGS` passes ARGS to (None: this runner takes none).
    extra_args: ClassVar[str | None] = None
    # Arguments telling the command that its console is a device a program drives (raw, no
    # key to leave), for `--console pty` (runners/pty.py); None: it cannot run that way.
    device_console: ClassVar[tuple[str, ...] | None] = None
    # Why not, when device_console is None: the end of `--console pty`'s error line.
    no_device_console: ClassVar[str] = "run it at a terminal"

    @classmethod
    def describe(cls) -> str:
        """What `mpforge boards` shows in its EMULATOR column."""
        return cls.name

    def __init__(self, build_dir: Path) -> None:
        self.build_dir = build_dir

    def command(self, args: Sequence[str]) -> list[str]:
        raise NotImplementedError

    def image(self) -> Path:
        raise NotImplementedError

    def config(self) -> ConfigView:
        """The board's configuration, as the build left it in .config."""
        dotconfig = self.build_dir / ".config"
        if not dotconfig.is_file():
            raise MpforgeError(
                f"{dotconfig} does not exist; build it first with {build_first(self.build_dir)}"
            )
        return read_dotconfig(self.build_dir.name, dotconfig)

    def emulated_machine(self, view: ConfigView, symbol: str, what: str) -> str:
        """The machine CONFIG_<symbol> names; an error when the board sets none."""
        machine = view.values.get(symbol, "")
        if not machine:
            raise MpforgeError(
                f"board {view.board}: CONFIG_{symbol} is not set, so no {what} models it; "
                "`mpforge boards` lists the boards with an emulator"
            )
        return machine

    def check(self) -> None:
        """Raise an MpforgeError naming what to install when a needed tool is missing."""

    def environment(self) -> dict[str, str] | None:
        """The environment of the command (None: this process's)."""
        return None

    def require_image(self) -> Path:
        image = self.image()
        if not image.is_file():
            raise MpforgeError(
                f"{image} does not exist; build it first with {build_first(self.build_dir)}"
            )
        return image

    def batch_command(self, cmd: list[str]) -> list[str]:
        """`cmd` changed to tell the image that the run is batch (not at a terminal)."""
        return cmd

    def run(
        self, args: Sequence[str] = (), timeout: float | None = None, batch: bool | None = None
    ) -> int:
        """Boot and wait for the program's exit status (see the module's contract).
        `batch` None: batch when standard input is not a terminal."""
        self.require_image()
        self.check()
        cmd = self.command(args)
        if is_batch(batch):
            cmd = self.batch_command(cmd)
        # The terminal's Ctrl-C goes to the whole foreground group: the child acts on it;
        # this process only keeps waiting for the child's status.
        previous = signal.signal(signal.SIGINT, lambda _sig, _frame: None)
        try:
            with process.popen(cmd, env=self.environment()) as proc:
                return wait_for(proc, timeout)
        finally:
            signal.signal(signal.SIGINT, previous)
