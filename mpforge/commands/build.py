"""`mpforge build`: configure and build a board's firmware into its build directory."""

from __future__ import annotations

import argparse

from mpforge.boards import find_defconfig
from mpforge.build import run_scons, scons_command
from mpforge.commands.common import add_board, add_fragments, build_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument("-j", "--jobs", type=int, help="parallel jobs (default: CPU count)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print full command lines")


def run(args: argparse.Namespace) -> int:
    find_defconfig(args.board)  # unknown board: fail before starting SCons
    cmd = scons_command(
        args.board,
        build_dir(args),
        [f.resolve() for f in args.fragments],
        args.jobs,
        args.verbose,
        args.pristine,
        args.app.resolve() if args.app else None,
    )
    return run_scons(cmd)
