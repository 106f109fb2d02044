"""`mpforge debug -b BOARD`: gdb-multiarch on the board's firmware.elf, connected to a gdb
server: QEMU started halted at reset with its gdb stub (`-s -S`) for a board that runs in
QEMU, or `pyocd gdbserver` on the board itself through a debug probe (`--hardware`, or a
board without QEMU). The QEMU console is a pseudo-terminal (QEMU prints its /dev/pts path:
`mpforge monitor --port` it). `-n` prints both commands; arguments after `--` go to gdb
(e.g. `-- -batch -ex "info registers"`).
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from mpforge import process
from mpforge.commands.common import add_board, build_dir, tcp_port
from mpforge.config.resolve import build_first, require_config
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.runners import runner_for
from mpforge.runners.qemu import QemuRunner

GDB = "gdb-multiarch"
DEFAULT_GDB_PORT = 1234  # QEMU's -s
# Ports whose image no gdb server runs: what to use instead (it named firmware.elf, which
# their builds never make).
NO_GDB_SERVER = {
    "host": "a native program: debug it with `gdb --args {dir}/firmware` (no gdb server)",
    "wasm": "a WebAssembly build has no gdb target: use Node's inspector "
    "(`node --inspect-brk {dir}/firmware.js`)",
    "wasm_page": "a WebAssembly page has no gdb target: open it (`mpforge run`) and use the "
    "browser's developer tools",
}
# gdb retries the connection while the server starts (a loaded machine: be patient).
CONNECT_TIMEOUT = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = "%(prog)s [-b BOARD] [options] [-- GDB-ARGS...]"
    add_board(parser)
    parser.add_argument(
        "--hardware",
        action="store_true",
        help="debug the board itself through a probe (pyocd gdbserver), not QEMU",
    )
    parser.add_argument(
        "--gdb-port",
        type=tcp_port,
        default=DEFAULT_GDB_PORT,
        help=f"TCP port of the gdb server (default {DEFAULT_GDB_PORT})",
    )
    parser.add_argument(
        "-n", "--dry-run", action="store_true", help="print the two commands, run nothing"
    )


def server_command(directory: Path, view: ConfigView, hardware: bool, port: int) -> list[str]:
    """QEMU halted at reset with its gdb stub, or pyocd's gdb server for the board's chip."""
    if not hardware and runner_for(view.value("EMULATOR")) is QemuRunner:
        qemu = QemuRunner(directory, interactive=False, console="pty").command([])
        stub = ["-s"] if port == DEFAULT_GDB_PORT else ["-gdb", f"tcp::{port}"]
        at = qemu.index("-kernel")
        return [*qemu[:at], *stub, "-S", *qemu[at:]]
    target = view.values.get("PYOCD_TARGET", "")
    if not target:
        where = "" if hardware else " it does not run in QEMU, and"
        raise MpforgeError(
            f"board {view.board}:{where} no CONFIG_PYOCD_TARGET names its chip for pyocd "
            "gdbserver; debug it with your probe's own gdb server and "
            f"`{GDB} {directory / 'firmware.elf'}`"
        )
    return ["pyocd", "gdbserver", "-t", target, "--port", str(port)]


def gdb_command(elf: Path, port: int, extra: list[str]) -> list[str]:
    return [
        GDB,
        "-q",
        str(elf),
        "-ex",
        f"set tcp connect-timeout {CONNECT_TIMEOUT}",
        "-ex",
        f"target remote localhost:{port}",
        *extra,
    ]


def run(args: argparse.Namespace) -> int:
    directory = build_dir(args)
    view = read_dotconfig(args.board, require_config(directory, args.board))
    port = "wasm_page" if view.values.get("EMULATOR") == "browser" else view.values.get("PORT")
    if port in NO_GDB_SERVER:
        raise MpforgeError(f"board {args.board}: {NO_GDB_SERVER[port].format(dir=directory)}")
    elf = directory / "firmware.elf"
    if not elf.is_file():
        raise MpforgeError(
            f"{elf} does not exist; build it first with {build_first(directory, args.board)}"
        )
    server = server_command(directory, view, args.hardware, args.gdb_port)
    gdb = gdb_command(elf, args.gdb_port, getattr(args, "extra", None) or [])
    if args.dry_run:
        for cmd in (server, gdb):
            process.call(cmd, dry_run=True)
            problem = process.missing(cmd[0])
            if problem is not None:
                print(f"note: {problem}", file=sys.stderr)
        return 0
    process.require(server[0])
    process.require(GDB)
    # The server leaves the terminal's process group: Ctrl-C is gdb's (it stops the target).
    with process.popen(server, new_session=True) as proc:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            return process.call(gdb)
        finally:
            signal.signal(signal.SIGINT, previous)
            process.end(proc, grace=10)
