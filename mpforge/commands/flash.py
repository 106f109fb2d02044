"""`mpforge flash`: program a board's built image (dfu-util, pyocd, a UF2 copy, esptool)."""

from __future__ import annotations

import argparse

from mpforge.commands.common import add_board, build_dir
from mpforge.config.resolve import require_config
from mpforge.config.view import read_dotconfig
from mpforge.flash import FLASHERS, flash


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    parser.add_argument(
        "--method", choices=sorted(FLASHERS), help="flash tool (default: the board's FLASH_METHOD)"
    )
    parser.add_argument(
        "--port", metavar="PORT", help="esptool boards: the serial port (e.g. /dev/ttyUSB0)"
    )
    parser.add_argument(
        "-n", "--dry-run", action="store_true", help="print the command without running it"
    )


def run(args: argparse.Namespace) -> int:
    directory = build_dir(args)
    view = read_dotconfig(args.board, require_config(directory, args.board))
    return flash(directory, view, args.method, args.dry_run, args.port)
