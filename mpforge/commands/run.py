"""`mpforge run`: boot the board's built image (natively, or in its emulator)."""

from __future__ import annotations

import argparse
import math
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from mpforge.commands.common import add_board, build_dir
from mpforge.config.resolve import require_config
from mpforge.config.view import read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.mpycross import compile_file
from mpforge.runners import runner_for
from mpforge.runners.base import Runner
from mpforge.runners.pty import run_on_pty
from mpforge.runners.qemu import QemuRunner
from mpforge.textfile import read_bytes, show


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = "%(prog)s [-b BOARD] [options] [FILE [ARGS...]] [-- RUNNER-ARGS...]"
    parser.epilog = (
        "After `--`, arguments go to the runner's command line: QEMU's (e.g. -d int), "
        "rp2040js_run.js's, the host or wasm_node executable's; the unicorn runners take none."
    )
    add_board(parser)
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="stop the image after SECONDS (more than 0)",
    )
    parser.add_argument(
        "--serial",
        action="append",
        default=[],
        type=_backend,
        metavar="BACKEND",
        help="QEMU boards: attach one more serial port (a QEMU character device such as "
        "pty or pipe:/tmp/u2); the first is USART2 on STM32 boards (repeatable)",
    )
    parser.add_argument(
        "--console",
        type=_backend,
        metavar="BACKEND",
        help="the console on this character device instead of the terminal: pty for "
        "mpremote or Thonny (the /dev/pts path is printed; every board and the host), or on "
        "QEMU boards any QEMU character device",
    )
    parser.add_argument("file", nargs="?", type=Path, help="host port: a .py or .mpy to run")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for FILE (sys.argv)")


# QEMU's character device kinds (`-serial KIND[:...]`), and /dev/... (a host serial port)
_BACKENDS = ("pty", "stdio", "null", "none", "vc", "file", "pipe", "tcp", "udp", "telnet",
             "websocket", "unix", "mon", "chardev", "braille", "msmouse")  # fmt: skip


def _backend(text: str) -> str:
    """A QEMU character device for --serial/--console: its kind is checked here, so a typo
    is one `error:` line (QEMU's own two lines came through, without `error:`)."""
    from mpforge.errors import did_you_mean

    kind = text.split(":", 1)[0].split(",", 1)[0]
    if kind in _BACKENDS or text.startswith("/dev/"):
        return text
    raise argparse.ArgumentTypeError(
        f"'{text}' is not a QEMU character device{did_you_mean(kind, _BACKENDS)}; give pty, "
        "stdio, null, file:PATH, pipe:PATH, tcp:HOST:PORT,server=on, unix:PATH or /dev/tty..."
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text}")
    return value


def _on_pty(runner: Runner) -> Callable[[Sequence[str], float | None], int]:
    """`runner.run` with the console on a new pty (runners/pty.py)."""
    return lambda argv, timeout: run_on_pty(runner, argv, timeout)


def run(args: argparse.Namespace) -> int:
    if args.file is not None:
        # what is wrong with the file first: missing (a typo) before its kind
        read_bytes(args.file, "program")  # exists, a regular file, readable
        if args.file.suffix not in (".py", ".mpy"):
            raise MpforgeError(
                f"program {show(args.file)} is not a .py or .mpy file; run a Python source "
                "(.py) or a compiled module (.mpy)"
            )
    directory = build_dir(args)
    view = read_dotconfig(args.board, require_config(directory, args.board))
    emulator = view.value("EMULATOR")
    runner_class = runner_for(emulator)
    if runner_class is None:
        raise MpforgeError(f"board {args.board}: no runner for emulator '{emulator}'")
    if runner_class is not QemuRunner and args.serial:
        raise MpforgeError(f"board {args.board}: --serial needs a board that runs in QEMU")
    if runner_class is not QemuRunner and args.console not in (None, "pty"):
        raise MpforgeError(
            f"board {args.board}: --console {args.console} needs a board that runs in QEMU; "
            "this board's console goes to a terminal or, with --console pty, to a pty"
        )
    if args.serial or (args.console and runner_class is QemuRunner):
        runner: Runner = QemuRunner(directory, serials=args.serial, console=args.console or "stdio")
    else:
        runner = runner_class(directory)
    extra = getattr(args, "extra", None) or []
    if extra:
        if runner.extra_args is None:
            raise MpforgeError(
                f"board {args.board}: its runner ({runner.name}) takes no arguments after `--` "
                f"(leave out: {' '.join(extra)})"
            )
        if args.file is not None:
            raise MpforgeError(
                f"give FILE or `-- ARGS` for {runner.extra_args}, not both "
                f"(the host runs `-- FILE ARGS` too)"
            )
    start = runner.run if args.console is None or runner_class is QemuRunner else _on_pty(runner)
    if args.file is None:
        return start([*extra, *args.args], args.timeout)
    if not runner_class.runs_files:
        raise MpforgeError(
            "running a file is only possible on the host and wasm_node boards; freeze it instead"
        )
    if args.file.suffix != ".py":
        return start([str(args.file), *args.args], args.timeout)
    with tempfile.TemporaryDirectory() as tmp:
        # mpy-cross first: a syntax error is one `error:` line naming file:line:column.
        mpy = Path(tmp) / args.file.with_suffix(".mpy").name
        bits = view.value("MPY_SMALL_INT_BITS")
        compile_file(args.file, mpy, [f"-msmall-int-bits={bits}"] if bits else [])
        if view.enabled("COMPILER"):
            # The firmware compiles the source itself, as `firmware FILE.py`: argv[0] is the
            # path given and sys.path[0] its directory, so the modules beside it import.
            return start([str(args.file), *args.args], args.timeout)
        return start([str(mpy), *args.args], args.timeout)
