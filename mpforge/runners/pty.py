"""`mpforge run --console pty` on a board that is not in QEMU: the runner's console on a
pseudo-terminal instead of the user's terminal, for mpremote, Thonny, rshell or a terminal
program to open, as QEMU's `-serial pty` does for the QEMU boards.

The child gets the pty's master side as its standard input and output (at a terminal as far
as it knows, so the host firmware and every board drop into the REPL after main.py, never a
batch run); mpforge prints the other side's path and keeps it open, so a tool may connect,
leave and connect again. The child runs in a session of its own: Ctrl-C at mpforge's
terminal stops the run (the board's Ctrl-C is the tool's to send); --timeout ends it with
TIMEOUT_STATUS as any run.
"""

from __future__ import annotations

import os
import sys
import tty
from collections.abc import Sequence

from mpforge import process
from mpforge.errors import MpforgeError
from mpforge.runners.base import Runner, wait_for


def run_on_pty(runner: Runner, args: Sequence[str], timeout: float | None) -> int:
    """Boot with the console on a new pty; the run's exit status."""
    if runner.device_console is None:
        raise MpforgeError(
            f"--console pty: the {runner.name} runner cannot put its console on a pty; "
            f"{runner.no_device_console}"
        )
    runner.require_image()
    runner.check()
    cmd = [*runner.command(args), *runner.device_console]
    master, slave = os.openpty()
    try:
        tty.setraw(slave)  # nothing echoed back to the board before a tool opens the pty
        path = os.ttyname(slave)
        proc = process.popen(cmd, env=runner.environment(), new_session=True, console=master)
        print(
            f"console on {path} (connect mpremote, Thonny or a terminal program to it; "
            "Ctrl-C here stops the board)",
            file=sys.stderr,
            flush=True,
        )
        return wait_for(proc, timeout)
    finally:
        os.close(master)
        os.close(slave)
