"""`mpforge menuconfig`: kconfiglib's terminal menuconfig on the board's .config."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from mpforge.commands.common import add_board, add_fragments, resolve_board
from mpforge.config.resolve import DOTCONFIG
from mpforge.errors import MpforgeError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)


def launch(args: argparse.Namespace, ui_module: str) -> int:
    """Resolve the board's .config, then hand it to kconfiglib's `ui_module` to edit and save."""
    resolution = resolve_board(args)
    dotconfig = resolution.inputs.build_dir / DOTCONFIG
    os.environ["KCONFIG_CONFIG"] = str(dotconfig)
    importlib.import_module(ui_module).menuconfig(resolution.kconf)
    print(f"configuration: {dotconfig} (used by the next `mpforge build -b {args.board}`)")
    return 0


def run(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty():
        raise MpforgeError("menuconfig needs a terminal; run it in an interactive shell")
    return launch(args, "menuconfig")
