"""Options shared by several commands, and resolving a board's configuration for them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.config.resolve import ConfigInputs, Resolution, resolve
from mpforge.frozen.collect import APP_FRAGMENT


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


def build_dir(args: argparse.Namespace) -> Path:
    return (args.build_dir or paths.default_build_dir(args.board)).resolve()


def config_inputs(args: argparse.Namespace) -> ConfigInputs:
    fragments = [f.resolve() for f in getattr(args, "fragments", [])]
    app = getattr(args, "app", None)
    if app is not None and (app / APP_FRAGMENT).is_file():
        fragments.append((app / APP_FRAGMENT).resolve())
    return ConfigInputs(
        board=args.board,
        defconfig=find_defconfig(args.board),
        fragments=tuple(fragments),
        build_dir=build_dir(args),
        pristine=getattr(args, "pristine", False),
    )


def resolve_board(args: argparse.Namespace) -> Resolution:
    """Run the CONFIG stage for the command's board, reporting notes on stderr."""
    return resolve(config_inputs(args), lambda line: print(line, file=sys.stderr))
