"""`mpforge guiconfig`: kconfiglib's Tk configuration window on the board's .config."""

from __future__ import annotations

import argparse

from mpforge.commands.common import add_board, add_fragments
from mpforge.commands.menuconfig import launch
from mpforge.errors import MpforgeError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)


def run(args: argparse.Namespace) -> int:
    try:
        import tkinter  # noqa: F401
    except ImportError:
        raise MpforgeError(
            "guiconfig needs Tk: install it with `sudo apt-get install python3-tk`, "
            "or use `mpforge menuconfig`"
        ) from None
    return launch(args, "guiconfig")
