"""`mpforge build`: configure and build a board's firmware into its build directory."""

from __future__ import annotations

import argparse

from mpforge import roots
from mpforge.build import run_scons, scons_command
from mpforge.commands.common import add_board, add_fragments, positive_int
from mpforge.config.fragment import parse_fragment
from mpforge.config.inputs import make_inputs, materialize_streams


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument(
        "-j", "--jobs", type=positive_int, help="parallel jobs, 1 or more (default: CPU count)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print full command lines")


def run(args: argparse.Namespace) -> int:
    # Everything checkable is checked before SCons starts: the board, the build
    # directory, the fragments' paths, the application directory.
    inputs = make_inputs(args.board, args.fragments, args.app, args.build_dir)
    for f in inputs.fragments:  # readable and well-formed (a stream is read once, kept)
        parse_fragment(f)
    app = args.app.absolute() if args.app else None
    # SCons adds the app's app.conf itself (APP=); pass the user's fragments only.
    own = make_inputs(args.board, args.fragments, None, args.build_dir)
    fragments = materialize_streams(own).fragments
    # --pristine is done by the CONFIG stage, once the inputs are known to be good.
    cmd = scons_command(
        args.board,
        inputs.build_dir,
        fragments,
        args.jobs,
        args.verbose,
        args.pristine,
        app,
        roots.board_roots(),
        roots.package_roots(),
    )
    return run_scons(cmd)
