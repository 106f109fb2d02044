"""Options shared by several commands, and resolving a board's configuration for them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mpforge import paths, roots
from mpforge.boards import find_defconfig
from mpforge.config.inputs import (
    APP_FRAGMENT,
    ConfigInputs,
    check_app,
    check_build_dir,
    make_inputs,
)
from mpforge.config.resolve import Resolution, recorded_inputs, resolve
from mpforge.errors import MpforgeError
from mpforge.project import (
    BOARD_ENV,
    PROJECT_FILE,
    Project,
    default_board,
    find_project,
    load_project,
)
from mpforge.textfile import is_stream, show


def add_board(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-b",
        "--board",
        help=f"board name (see `mpforge boards`; default: ${BOARD_ENV}, "
        f"else the board of {PROJECT_FILE})",
    )
    parser.add_argument(
        "--build-dir",
        type=Path,
        help=f"build directory (default: APP/build/BOARD inside an app with {PROJECT_FILE}, "
        "else build/BOARD)",
    )
    add_board_root(parser)


def add_board_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--board-root",
        dest="board_roots",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also look for boards in DIR (DIR/<board>_defconfig, DIR/<board>.Kconfig); "
        f"repeatable, after the board_roots of {PROJECT_FILE}",
    )


def configure_roots(args: argparse.Namespace, project: Project | None) -> None:
    """The board and package roots of the project file, then of the command line."""
    given = [roots.Root(p.absolute(), "--board-root") for p in getattr(args, "board_roots", [])]
    if project is None:
        roots.configure(given, ())
        return
    roots.configure([*project.board_roots, *given], project.package_roots)


def apply_project(args: argparse.Namespace) -> None:
    """Fill in what the command line left out from MPFORGE_BOARD and the app's mpforge.toml.

    Inside an application (a directory with mpforge.toml, or above one), the app is that
    directory, its fragments apply before the command line's, and the build goes to
    APP/build/BOARD. An explicit --app looks for mpforge.toml in that directory only.
    """
    app = getattr(args, "app", None)
    # Whether -C was given on the command line (the project's fragments are added below).
    args.fragments_given = bool(getattr(args, "fragments", None))
    if app is not None:
        check_app(app)  # a file or a typo was "no board" when mpforge.toml gives the board
        file = app / PROJECT_FILE
        project = load_project(file) if os.path.lexists(file) else None
    else:
        project = find_project()
    configure_roots(args, project)
    if args.board is None:
        args.board = default_board(project)
    if args.board is None:
        raise MpforgeError(
            f"no board: give -b BOARD, set ${BOARD_ENV}, or run inside an app whose "
            f'{PROJECT_FILE} says board = "..." (`mpforge init --board BOARD` writes one)'
        )
    if project is None:
        return
    if hasattr(args, "app") and args.app is None:
        args.app = project.app
    if hasattr(args, "fragments"):
        args.fragments = [*project.fragments, *args.fragments]
    if args.build_dir is None:
        args.build_dir = project.build_dir(args.board)


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


def tcp_port(text: str) -> int:
    """argparse type: a TCP port number, 1 to 65535."""
    value = positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a TCP port is 1 to 65535, not {value}")
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


def use_build_inputs(args: argparse.Namespace, command: str) -> None:
    """`savedefconfig` and `menuconfig` without -C work on the configuration the build
    directory holds: the fragments and the app it was configured with (a `build -C FRAG`
    followed by a bare `savedefconfig` lost FRAG's settings, from the result and from
    .config). With -C, the command line's inputs apply, as for `build`."""
    if getattr(args, "fragments_given", False) or getattr(args, "pristine", False):
        return
    directory = build_dir(args)
    recorded = recorded_inputs(directory, args.board)
    if recorded is None:
        return
    fragments, app = recorded
    if getattr(args, "app", None) is None:
        args.app = app
    own = Path(os.path.abspath(args.app / APP_FRAGMENT)) if args.app is not None else None
    streams = [f for f in fragments if is_stream(f)]
    if streams:
        raise MpforgeError(
            f"{command}: the configuration of {show(directory)} was made from a stream "
            f"(-C {streams[0]}), which cannot be read again; give the fragments with -C"
        )
    fragments = [f for f in fragments if f != own]
    current = make_inputs(args.board, args.fragments, args.app, args.build_dir).fragments
    if [f for f in current if f != own] != fragments:
        shown = " ".join(f"-C {f}" for f in fragments) or "no -C"
        print(
            f"note: {command}: the configuration of {directory} (made with {shown}); "
            "give -C to use other fragments",
            file=sys.stderr,
        )
    args.fragments = fragments
