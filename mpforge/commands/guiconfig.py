"""`mpforge guiconfig`: kconfiglib's Tk configuration window on the board's .config."""

from __future__ import annotations

import argparse
import os

from mpforge.commands import menuconfig
from mpforge.commands.menuconfig import launch
from mpforge.errors import MpforgeError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    menuconfig.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    try:
        import tkinter
    except ImportError:
        raise MpforgeError(
            "guiconfig needs Tk: install it with `sudo apt-get install python3-tk`, "
            "or use `mpforge menuconfig`"
        ) from None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise MpforgeError(
            "guiconfig needs a graphical display (DISPLAY is not set); "
            "use `mpforge menuconfig` in a terminal"
        )
    try:
        return launch(args, "guiconfig")
    except tkinter.TclError as e:
        raise MpforgeError(
            f"guiconfig cannot open a window ({e}); use `mpforge menuconfig` in a terminal"
        ) from None
