"""`python -m mpforge.cpu MACHINE IMAGE [--console N] [--timeout S] [--batch] [--device]`: boot
IMAGE on a CPU-level machine with the console on stdin/stdout (--batch: a non-interactive run,
which ends with main.py's status). At a terminal the console is raw (Ctrl-C reaches the board
as a byte) and Ctrl-A then X leaves; with --device the console is a device a program drives
(`mpforge run --console pty`: raw, every byte the board's, no key to leave). Exit status: the
firmware's (its exit call), 124 when --timeout cut the run off, 134 when the CPU faulted, 2 for
an image it cannot load."""

from __future__ import annotations

import argparse
import os
import struct
import sys
import termios
import time
import tty
from pathlib import Path

from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.cpu import MACHINES
from mpforge.cpu.core import CLOCK, Console
from mpforge.errors import MpforgeError

EXIT_KEY = b"\x01x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mpforge.cpu", allow_abbrev=False)
    parser.add_argument("machine", choices=sorted(MACHINES))
    parser.add_argument("image", type=Path)
    parser.add_argument("--console", type=int, default=0, help="the console UART's number")
    parser.add_argument("--timeout", type=float, help="stop after SECONDS (status 124)")
    parser.add_argument(
        "--batch",
        action="store_true",
        help="a non-interactive run: set the runner's word (ports/cortex_m/cortex_m.h), so "
        "the image leaves after main.py with its status",
    )
    parser.add_argument(
        "--device",
        action="store_true",
        help="the console is a device a program drives (a pty for mpremote): raw, with no key "
        "to leave and no note",
    )
    parser.add_argument(
        "--stress",
        type=int,
        metavar="SEED",
        help="for tests: interrupts at seeded random instants on a virtual clock "
        "(mpforge/cpu/core.py), the same ones on every run of SEED",
    )
    args = parser.parse_args(argv)
    if not args.image.is_file():
        print(f"error: {args.image}: no such file; build it with `mpforge build`", file=sys.stderr)
        return 2

    def out(data: bytes) -> None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    if args.stress is not None:
        CLOCK.stress_run(args.stress)
    try:
        spec = MACHINES[args.machine]
        machine = spec.make(args.image, Console(out), args.console)
    except (MpforgeError, ValueError) as e:
        print(f"error: {args.image}: {e}", file=sys.stderr)
        return 2
    if args.batch:
        # the runner's word (ports/cortex_m/cortex_m.h): leave after main.py with its status
        elf = args.image if args.image.suffix == ".elf" else args.image.parent / "firmware.elf"
        address = runner_mode_address(elf, spec.runner_word)
        if address is not None:
            machine.uc.mem_write(address, struct.pack("<I", RUNNER_BATCH))
    stdin = sys.stdin.fileno() if sys.stdin is not None and not sys.stdin.closed else None
    deadline = None if args.timeout is None else time.monotonic() + args.timeout
    if stdin is not None and os.isatty(stdin):
        saved = termios.tcgetattr(stdin)
        if not args.device:
            machine.exit_key = EXIT_KEY
            print("note: CPU-level machine (unicorn), not a chip emulator; exit with Ctrl-A X",
                  file=sys.stderr)  # fmt: skip
        tty.setraw(stdin)
        try:
            return machine.run(stdin, deadline)
        finally:
            termios.tcsetattr(stdin, termios.TCSADRAIN, saved)
    return machine.run(stdin, deadline)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # SIGINT when the console is not a terminal
        sys.exit(130)
    except BrokenPipeError:  # the reader of the console went away (`| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)  # as a shell reports SIGPIPE
