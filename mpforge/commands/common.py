"""Options shared by several commands, and resolving a board's configuration for them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.config.inputs import ConfigInputs, check_build_dir, make_inputs
from mpforge.config.resolve import Resolution, resolve


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
    parser.add_argument(
        "--app",
        type=Path,
        help="application directory: its .py files (or manifest.yml) are frozen, "
        "its app.conf applies last",
    )


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1 (for -j)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def build_dir(args: argparse.Namespace) -> Path:
    find_defconfig(args.board)  # an unknown or path-like board name is an error first
    return check_build_dir((args.build_dir or paths.default_build_dir(args.board)).absolute())


def config_inputs(args: argparse.Namespace) -> ConfigInputs:
    return make_inputs(
        args.board,
        getattr(args, "fragments", []),
        getattr(args, "app", None),
        args.build_dir,
        getattr(args, "pristine", False),
    )


def resolve_board(args: argparse.Namespace) -> Resolution:
    """Run the CONFIG stage for the command's board, reporting notes on stderr."""
    return resolve(config_inputs(args), lambda line: print(line, file=sys.stderr))
