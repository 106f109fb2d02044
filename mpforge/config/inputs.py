"""The inputs of the CONFIG stage, assembled in one place for the CLI and the SConstruct.

The board names its defconfig; the fragments follow in the order given; an
application's app.conf applies last. The build directory is checked here
before anything is written: not a file, not the source tree or inside it
(except build/), not the parent of the source tree, writable.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.config.pathvalues import absolute_in_stream
from mpforge.errors import MpforgeError
from mpforge.textfile import is_stream, read_text, show

APP_FRAGMENT = "app.conf"
STREAMS_DIR = "streams"
_UNSAFE = re.compile(r'["$\\\x00-\x1f\x7f]')


@dataclass(frozen=True)
class ConfigInputs:
    board: str
    defconfig: Path
    fragments: tuple[Path, ...]
    build_dir: Path
    pristine: bool = False
    root: Path = paths.ROOT
    app: Path | None = None

    @property
    def all_files(self) -> tuple[Path, ...]:
        """The defconfig and the fragments, in the order they apply."""
        return (self.defconfig, *self.fragments)


def make_inputs(
    board: str,
    fragments: Sequence[Path],
    app: Path | None,
    build_dir: Path | None,
    pristine: bool = False,
    base: Path | None = None,
) -> ConfigInputs:
    """Check and assemble what resolving a board's configuration reads.

    Relative paths are taken from `base` (default: the working directory).
    """
    base = base or Path.cwd()
    defconfig = find_defconfig(board)
    directory = check_build_dir(_absolute(build_dir or paths.default_build_dir(board), base))
    files = [f if is_stream(f) else _absolute(Path(f), base) for f in fragments]
    if app is not None:
        app = check_app(_absolute(app, base))
        if os.path.lexists(app / APP_FRAGMENT):  # the reader refuses what is not a file
            files.append(app / APP_FRAGMENT)
    return ConfigInputs(board, defconfig, tuple(files), directory, pristine, app=app)


def _absolute(path: Path, base: Path) -> Path:
    return Path(os.path.normpath(base / path))


def check_app(app: Path) -> Path:
    if not app.exists():
        raise MpforgeError(f"--app {show(app)}: no such directory")
    if not app.is_dir():
        raise MpforgeError(f"--app {show(app)}: not a directory (give the application's directory)")
    real = app.resolve()
    if real == Path(real.anchor) or paths.ROOT.resolve().is_relative_to(real):
        raise MpforgeError(
            f"--app {show(app)}: this directory holds the source tree (or is the file system's "
            "root); give the application's own directory"
        )
    return app


def check_build_dir(directory: Path) -> Path:
    """The build directory, absolute; an error if it cannot or must not be one."""
    shown = show(directory)
    if _UNSAFE.search(str(directory)):
        raise MpforgeError(
            f"build directory {shown!r}: the path holds a quote, $, backslash or control "
            "character, which the tools cannot pass through; choose another"
        )
    real = directory.resolve()
    root = paths.ROOT.resolve()
    if real == root or root.is_relative_to(real):
        raise MpforgeError(
            f"build directory {shown} is the source tree or contains it; choose a directory of "
            "its own (default: build/BOARD)"
        )
    in_build = real.is_relative_to(root / "build") and not paths.INSTALLED
    if real.is_relative_to(root) and not in_build:
        raise MpforgeError(
            f"build directory {shown} lies inside the source tree "
            f"({real.relative_to(root)}); use a directory under build/ or outside the tree"
        )
    if real.is_relative_to(root / "build") and real == root / "build":
        raise MpforgeError(f"build directory {shown}: use build/BOARD, not build/ itself")
    existing = real
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        what = "is a file" if existing == real else f"lies below the file {show(existing)}"
        raise MpforgeError(f"build directory {shown} {what}; choose a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise MpforgeError(f"build directory {shown}: {show(existing)} is not writable")
    return real


def materialize_streams(inputs: ConfigInputs) -> ConfigInputs:
    """Copy fragments given as shell streams (/dev/stdin, <(...)) into the build directory,
    so the build (a child process) and `mpforge verify` can read them again."""
    if not any(is_stream(f) for f in inputs.fragments):
        return inputs
    out: list[Path] = []
    for number, f in enumerate(inputs.fragments, 1):
        if is_stream(f):
            copy = inputs.build_dir / STREAMS_DIR / f"fragment-{number}.conf"
            text = read_text(f, "config fragment")
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(absolute_in_stream(text, Path.cwd()), encoding="utf-8")
            f = copy
        out.append(f)
    return dataclasses.replace(inputs, fragments=tuple(out))
