"""The application's project file, `mpforge.toml`: its board, fragments and freeze exclusions.

It is found in the working directory or the nearest directory above. Its directory is the
application (frozen as with `--app`); builds go to `<app>/build/<board>`. Paths in it resolve
against the file. Every mistake is one `error:` naming `mpforge.toml:line`.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mpforge.boards import find_defconfig
from mpforge.errors import MpforgeError, did_you_mean
from mpforge.roots import Root
from mpforge.textfile import read_bytes, read_text, show

PROJECT_FILE = "mpforge.toml"
BOARD_ENV = "MPFORGE_BOARD"
BUILD_SUBDIR = "build"
TESTS_DIR = "tests"
_KEYS = {
    "board": "the default board (`-b` and MPFORGE_BOARD override it)",
    "fragments": "config fragments applied after the board's defconfig, before app.conf",
    "exclude": "files or directories of the app not to freeze",
    "board_roots": "directories of out-of-tree boards (<board>_defconfig, <board>.Kconfig)",
    "package_roots": "directories of frozen packages (<name>/package.yml) besides frozen/",
}
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Project:
    file: Path  # absolute path of mpforge.toml
    board: str | None = None
    fragments: tuple[Path, ...] = ()  # absolute
    exclude: tuple[str, ...] = ()  # relative to the app directory, as written
    board_where: str = ""  # `mpforge.toml:line` of the board
    board_roots: tuple[Root, ...] = ()
    package_roots: tuple[Root, ...] = ()

    @property
    def app(self) -> Path:
        return self.file.parent

    def build_dir(self, board: str) -> Path:
        return self.app / BUILD_SUBDIR / board


def find_project(start: Path | None = None) -> Project | None:
    """The project file in `start` (default: the working directory) or the nearest parent."""
    here = (start or Path.cwd()).absolute()
    for directory in (here, *here.parents):
        candidate = directory / PROJECT_FILE
        if os.path.lexists(candidate):
            return load_project(candidate)
    return None


def load_project(path: Path) -> Project:
    text = read_text(path, "project file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        found = _TOML_LINE.search(message)
        line = found.group(1) if found else str(max(1, len(text.splitlines())))
        where = f"{show(path)}:{line}"
        reason = _TOML_LINE.sub("", message).strip()
        raise MpforgeError(f"{where}: {reason} (not valid TOML)") from None
    for key in data:
        if key not in _KEYS:
            raise MpforgeError(
                f"{_where(path, text, key)}: unknown key '{key}'{did_you_mean(key, list(_KEYS))}; "
                "known keys: " + ", ".join(f"{k} ({v})" for k, v in _KEYS.items())
            )
    board = data.get("board")
    if board is not None and not isinstance(board, str):
        raise MpforgeError(f'{_where(path, text, "board")}: board must be a string, e.g. "host"')
    base = path.parent
    fragments = tuple(
        Path(os.path.normpath(base / f)) for f in _strings(path, text, data, "fragments")
    )
    for fragment in fragments:
        if not os.path.lexists(fragment):
            raise MpforgeError(
                f"{_where(path, text, 'fragments')}: config fragment {show(fragment)} does not "
                f"exist (paths are relative to {PROJECT_FILE})"
            )
        try:  # a directory, a FIFO, an unreadable file: named with the line that lists it
            read_bytes(fragment, "config fragment")
        except MpforgeError as e:
            raise MpforgeError(f"{_where(path, text, 'fragments')}: {e.message}") from None
    exclude = tuple(_strings(path, text, data, "exclude"))
    for item in exclude:
        if Path(item).is_absolute() or ".." in Path(item).parts:
            raise MpforgeError(
                f"{_where(path, text, 'exclude')}: exclude '{item}' must be a path inside the app "
                "(relative, no ..)"
            )
        if not os.path.lexists(base / item):
            raise MpforgeError(
                f"{_where(path, text, 'exclude')}: exclude '{item}' names nothing in "
                f"{show(base)}; remove it or fix the path"
            )
    found_roots = {
        key: tuple(
            Root(Path(os.path.normpath(base / d)).absolute(), _where(path, text, key))
            for d in _strings(path, text, data, key)
        )
        for key in ("board_roots", "package_roots")
    }
    return Project(
        path.absolute(),
        board,
        fragments,
        exclude,
        _where(path, text, "board"),
        found_roots["board_roots"],
        found_roots["package_roots"],
    )


# A path of the kind each list holds, for the example of its error.
_EXAMPLES = {
    "fragments": "conf/debug.conf",
    "exclude": "tools",
    "board_roots": "boards",
    "package_roots": "libs",
}


def _strings(path: Path, text: str, data: dict[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise MpforgeError(
            f"{_where(path, text, key)}: {key} must be a list of paths, "
            f'e.g. {key} = ["{_EXAMPLES.get(key, "a.conf")}"]'
        )
    return list(value)


def _where(path: Path, text: str, key: str) -> str:
    """`file:line` of the line that sets `key` (the file when it cannot be told)."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=|^\s*\[\s*{re.escape(key)}\s*\]")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return f"{show(path)}:{number}"
    return show(path)


def default_board(project: Project | None) -> str | None:
    """MPFORGE_BOARD, else the project file's board; an unknown board names where it was set."""
    env = os.environ.get(BOARD_ENV, "").strip()
    board, where = (env, f"${BOARD_ENV}") if env else (None, "")
    if board is None and project is not None and project.board is not None:
        board, where = project.board, project.board_where
    if board is not None:
        try:
            find_defconfig(board)
        except MpforgeError as e:
            raise MpforgeError(f"{where}: {e.message}") from None
    return board
