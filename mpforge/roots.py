"""Search paths beyond the source tree: out-of-tree boards and frozen packages.

A *board root* (`--board-root DIR`, `board_roots` in mpforge.toml) holds `<board>_defconfig`
files and, optionally, the board's Kconfig: `<board>.Kconfig`, or `Kconfig.board` for every
board of the directory (a board symbol in the port's board choice, its chip, its facts).
A *package root* (`package_roots` in mpforge.toml, then $MPFORGE_PACKAGE_PATH, os.pathsep
separated) holds `<name>/package.yml` directories as frozen/ does.

They are set once per process: the CLI from its options and the project file, the
SConstruct from its BOARD_ROOTS= and PACKAGE_ROOTS= variables (which the CLI passes).
Every mistake is one error naming where the root was given.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mpforge import paths
from mpforge.errors import MpforgeError
from mpforge.textfile import show

PACKAGE_PATH_ENV = "MPFORGE_PACKAGE_PATH"
BOARD_KCONFIG_SUFFIX = ".Kconfig"
SHARED_BOARD_KCONFIG = "Kconfig.board"
_BOARD_NAME = re.compile(r"[A-Za-z0-9_]+")
_UNSAFE = re.compile(r'["$\\\x00-\x1f\x7f]')


@dataclass(frozen=True)
class Root:
    path: Path  # absolute
    origin: str  # where it was given: `--board-root`, `mpforge.toml:3`, `$MPFORGE_PACKAGE_PATH`


_board_roots: tuple[Root, ...] = ()
_package_roots: tuple[Root, ...] = ()


def configure(board_roots: Sequence[Root] = (), package_roots: Sequence[Root] = ()) -> None:
    """Check and set this process's board and package roots."""
    global _board_roots, _package_roots
    boards = tuple(_check_dir(r, "board root") for r in board_roots)
    packages = tuple(_check_dir(r, "package root") for r in package_roots)
    _check_boards(boards)
    _board_roots, _package_roots = _unique(boards), _unique(packages)


def _unique(roots: Sequence[Root]) -> tuple[Root, ...]:
    seen: dict[Path, Root] = {}
    for r in roots:
        seen.setdefault(r.path.resolve(), r)
    return tuple(seen.values())


def _check_dir(root: Root, what: str) -> Root:
    path = root.path.absolute()
    if _UNSAFE.search(str(path)):
        raise MpforgeError(
            f"{root.origin}: {what} {show(path)!r} holds a quote, $, backslash or control "
            "character, which Kconfig cannot read; move it"
        )
    if not path.exists():
        raise MpforgeError(f"{root.origin}: {what} {show(path)} does not exist")
    if not path.is_dir():
        raise MpforgeError(f"{root.origin}: {what} {show(path)} is not a directory")
    return Root(Path(os.path.normpath(path)), root.origin)


def _check_boards(roots: Sequence[Root]) -> None:
    """Every root holds boards; no board name is given twice (in the tree or by two roots)."""
    owner: dict[str, Path] = {
        p.name[: -len(paths.DEFCONFIG_SUFFIX)]: p
        for p in paths.CONFIGS.glob(f"*{paths.DEFCONFIG_SUFFIX}")
    }
    for root in roots:
        found = sorted(root.path.glob(f"*{paths.DEFCONFIG_SUFFIX}"))
        if not found:
            raise MpforgeError(
                f"{root.origin}: board root {show(root.path)} holds no <board>"
                f"{paths.DEFCONFIG_SUFFIX} file"
            )
        for defconfig in found:
            name = defconfig.name[: -len(paths.DEFCONFIG_SUFFIX)]
            if not _BOARD_NAME.fullmatch(name):
                raise MpforgeError(
                    f"{root.origin}: {show(defconfig)}: board names are letters, digits and _; "
                    "rename the file"
                )
            other = owner.setdefault(name, defconfig)
            if other != defconfig and other.resolve() != defconfig.resolve():
                where = "in the tree" if other.parent == paths.CONFIGS else "in another root"
                raise MpforgeError(
                    f"{root.origin}: board '{name}' of {show(defconfig)} clashes with the board "
                    f"{where} ({show(other)}); rename one of them"
                )


def board_roots() -> tuple[Root, ...]:
    return _board_roots


def package_roots() -> tuple[Root, ...]:
    """The configured package roots, then those of $MPFORGE_PACKAGE_PATH."""
    env = [
        Root(Path(p), f"${PACKAGE_PATH_ENV}")
        for p in os.environ.get(PACKAGE_PATH_ENV, "").split(os.pathsep)
        if p.strip()
    ]
    return _unique([*_package_roots, *(_check_dir(r, "package root") for r in env)])


def join(roots: Sequence[Root]) -> str:
    """The roots as one build variable (the SConstruct's BOARD_ROOTS= / PACKAGE_ROOTS=)."""
    return os.pathsep.join(str(r.path) for r in roots)


def split(text: str, origin: str) -> list[Root]:
    return [Root(Path(p), origin) for p in text.split(os.pathsep) if p]
