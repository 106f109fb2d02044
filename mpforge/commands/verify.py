"""`mpforge verify`: prove a build is reproducible by rebuilding it from scratch elsewhere."""

from __future__ import annotations

import argparse
import re
import shutil
import sys

from mpforge.commands.common import add_board, build_dir, positive_int
from mpforge.config.resolve import require_config
from mpforge.provenance.verify import verify


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    parser.add_argument(
        "-j", "--jobs", type=positive_int, help="parallel jobs, 1 or more (default: CPU count)"
    )


class Progress:
    """The rebuild's `[n/N] STEP` lines, on a terminal, as one line rewritten in place:
    the rebuild takes minutes, and said nothing after `rebuilding ...` until the verdict."""

    STEP = re.compile(r"\[\d+/\d+\] ")

    def __init__(self) -> None:
        self.on = sys.stderr.isatty()
        self.width = shutil.get_terminal_size().columns - 1
        self.shown = False

    def line(self, text: str) -> None:
        if self.on and self.STEP.match(text):
            sys.stderr.write("\r\x1b[K" + f"verify: {text}"[: self.width])
            sys.stderr.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    # A build of -b's board must be there (verify said "rebuilding..." before it found none).
    require_config(build_dir(args), args.board)

    def starting() -> None:
        print(
            f"verify: rebuilding {args.board} from scratch in a temporary directory ...",
            flush=True,
        )

    shown = Progress()
    try:
        verdict = verify(args.board, build_dir(args), args.jobs, starting, shown.line)
    finally:
        shown.done()
    if verdict.identical:
        print(f"identical: {len(verdict.checked)} images match ({', '.join(verdict.checked)})")
        return 0
    print(f"different: {verdict.difference}")
    return 1
