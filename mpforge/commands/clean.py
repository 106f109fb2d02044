"""`mpforge clean`: remove a build's objects and images; `--pristine`: the whole build."""

from __future__ import annotations

import argparse
import shutil

from mpforge.commands.common import add_board, build_dir
from mpforge.config.fragment import display_path
from mpforge.config.inputs import STREAMS_DIR
from mpforge.config.resolve import (
    BUILD_LOCK,
    DOTCONFIG,
    INPUTS_RECORD,
    check_no_build_running,
    remove_build_dir,
)
from mpforge.errors import MpforgeError
from mpforge.textfile import close_names

_KEPT = (DOTCONFIG, INPUTS_RECORD, STREAMS_DIR)  # the configuration and its inputs
_HELD = (*_KEPT, BUILD_LOCK)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    parser.add_argument(
        "--pristine",
        action="store_true",
        help="remove the whole build directory, configuration and menuconfig edits included",
    )


def run(args: argparse.Namespace) -> int:
    directory = build_dir(args)
    shown = display_path(directory)
    if not directory.exists():
        print(f"clean: nothing to do: {shown} does not exist{close_names(directory, True)}")
        return 0
    check_no_build_running(directory)
    if args.pristine:
        remove_build_dir(directory, lambda line: None)  # its note would say it twice
        shutil.rmtree(directory)
        print(f"clean: removed {shown}")
        return 0
    if not (directory / DOTCONFIG).is_file():
        raise MpforgeError(
            f"clean: {shown} does not look like an mpforge build directory (no {DOTCONFIG}); "
            "not touching it"
        )
    for entry in sorted(directory.iterdir()):
        if entry.name in _HELD:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    kept = [name for name in _KEPT if (directory / name).exists()]  # not a `streams` never made
    print(f"clean: removed objects and images in {shown} (kept {', '.join(kept)})")
    return 0
