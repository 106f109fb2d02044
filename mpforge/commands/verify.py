"""`mpforge verify`: prove a build is reproducible by rebuilding it from scratch elsewhere."""

from __future__ import annotations

import argparse

from mpforge.commands.common import add_board, build_dir, positive_int
from mpforge.config.resolve import require_config
from mpforge.provenance.verify import verify


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    parser.add_argument(
        "-j", "--jobs", type=positive_int, help="parallel jobs, 1 or more (default: CPU count)"
    )


def run(args: argparse.Namespace) -> int:
    # A build of -b's board must be there (verify said "rebuilding..." before it found none).
    require_config(build_dir(args), args.board)

    def starting() -> None:
        print(
            f"verify: rebuilding {args.board} from scratch in a temporary directory ...",
            flush=True,
        )

    verdict = verify(args.board, build_dir(args), args.jobs, starting)
    if verdict.identical:
        print(f"identical: {len(verdict.checked)} images match ({', '.join(verdict.checked)})")
        return 0
    print(f"different: {verdict.difference}")
    return 1
