"""`mpforge init`: write the skeleton of an application (main.py, app.conf, mpforge.toml)."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path

from mpforge import paths, roots
from mpforge.boards import find_defconfig
from mpforge.commands.common import add_board_root, configure_roots
from mpforge.errors import MpforgeError
from mpforge.project import BOARD_ENV, BUILD_SUBDIR, PROJECT_FILE
from mpforge.textfile import show

DEFAULT_BOARD = "host"
_KEEP = {".git"}  # what may already be there: a fresh repository


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-b",
        "--board",
        dest="default_board",
        metavar="BOARD",
        help=f"the app's board (default: ${BOARD_ENV}, else {DEFAULT_BOARD})",
    )
    parser.add_argument(
        "directory", nargs="?", type=Path, default=Path("."), help="where (default: here)"
    )
    add_board_root(parser)


def _skeleton(name: str, board: str, board_roots: Sequence[str] = ()) -> dict[str, str]:
    roots_line = (
        f"board_roots = [{', '.join(json.dumps(r) for r in board_roots)}]\n" if board_roots else ""
    )
    return {
        "main.py": f'print("hello from {name}")\n',
        "app.conf": "# This app's configuration: Kconfig lines applied after the board's\n"
        "# defconfig, e.g. CONFIG_HEAP_SIZE=32768 (see `mpforge menuconfig`).\n",
        PROJECT_FILE: "# mpforge project file: `mpforge build` here builds this app into\n"
        "# build/BOARD; `-b` or $MPFORGE_BOARD choose another board.\n"
        f'board = "{board}"\n'
        + roots_line
        + '# fragments = ["extra.conf"]   # applied before app.conf; paths relative to this file\n'
        '# exclude = ["tools"]          # not frozen (tests/ and hidden directories never are)\n',
        ".gitignore": f"/{BUILD_SUBDIR}/\n",
    }


def run(args: argparse.Namespace) -> int:
    board = args.default_board or os.environ.get(BOARD_ENV, "").strip() or DEFAULT_BOARD
    configure_roots(args, None)
    find_defconfig(board)  # an unknown board is an error before anything is written
    directory: Path = args.directory.absolute()
    board_roots = [os.path.relpath(r.path, directory) for r in roots.board_roots()]
    if directory.exists() and not directory.is_dir():
        raise MpforgeError(f"init: {show(args.directory)} is not a directory")
    real, root = directory.resolve(), paths.ROOT.resolve()
    if real.is_relative_to(root) and (paths.INSTALLED or not real.is_relative_to(root / "build")):
        # Its builds would go to DIR/build/BOARD inside the tree, which `build` refuses.
        raise MpforgeError(
            f"init: {show(args.directory)} lies inside the mpforge tree "
            f"({real.relative_to(root)}), where its builds would go too; make the app outside "
            "the tree (e.g. `mpforge init ~/blinky`)"
        )
    present = (
        sorted(e.name for e in directory.iterdir() if e.name not in _KEEP)
        if (directory.exists())
        else []
    )
    if present:
        shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise MpforgeError(
            f"init: {show(args.directory)} is not empty ({shown}); run `mpforge init` in an "
            "empty directory, or give a new one: `mpforge init DIR`"
        )
    directory.mkdir(parents=True, exist_ok=True)
    name = directory.name if directory.name.isidentifier() else "app"
    for file, text in _skeleton(name, board, board_roots).items():
        with open(directory / file, "x", encoding="utf-8") as out:  # never overwrites
            out.write(text)
    print(
        f"created an app for board {board} in {show(args.directory)}: "
        + ", ".join(_skeleton(name, board))
    )
    enter = "" if directory == Path.cwd() else f"cd {show(args.directory)} && "
    print(f"next: `{enter}mpforge build`, then `mpforge run`")
    return 0
