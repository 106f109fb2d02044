"""Options shared by several commands, and resolving a board's configuration for them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.config.resolve import ConfigInputs, Resolution, resolve


def add_board(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-b", "--board", required=True, help="board name (see `mpforge boards`)")
    parser.add_argument("--build-dir", type=Path, help="build directory (default: build/BOARD)")


def add_fragments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-C",
        "--config-fragment",
        dest="fragments",
        action="append",
        type=Path,
        default=[],
        metavar="FRAGMENT",
        help="apply this config fragment after the board's defconfig (repeatable, in order)",
    )
    parser.add_argument(
        "--pristine", action="store_true", help="discard the existing .config and start over"
    )


def build_dir(args: argparse.Namespace) -> Path:
    return (args.build_dir or paths.default_build_dir(args.board)).resolve()


def config_inputs(args: argparse.Namespace) -> ConfigInputs:
    return ConfigInputs(
        board=args.board,
        defconfig=find_defconfig(args.board),
        fragments=tuple(f.resolve() for f in getattr(args, "fragments", [])),
        build_dir=build_dir(args),
        pristine=getattr(args, "pristine", False),
    )


def resolve_board(args: argparse.Namespace) -> Resolution:
    """Run the CONFIG stage for the command's board, reporting notes on stderr."""
    return resolve(config_inputs(args), lambda line: print(line, file=sys.stderr))
