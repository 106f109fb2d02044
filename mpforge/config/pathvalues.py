"""Kconfig strings that name a file: relative paths resolve against the file that sets them.

The rule: a relative path in a defconfig, a fragment or an app.conf is taken from that
file's directory; in a fragment handed over as a stream (`-C /dev/stdin`, `-C <(...)`, the
command line) from the working directory; a Kconfig default stays relative to the mpforge
tree. Each input's value is anchored as it is read, and stored in .config (and so in
config.h, build-info.json, the SBOM) in a form that names no machine directory:

- `$APP/PATH`: inside the application directory;
- `PATH` (relative): inside the mpforge tree (as a Kconfig default is);
- an absolute path only for a file outside both, which the user chose.

`savedefconfig` writes the values back relative to the file it writes, so its output read
again with `-C` means the same file.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from pathlib import Path

from mpforge.config.fragment import Assignment, display_path, parse_fragment
from mpforge.errors import MpforgeError
from mpforge.textfile import is_stream, show

PATH_SYMBOLS = frozenset({"FROZEN_MANIFEST"})
"""Every Kconfig string symbol whose value is a path (tests/test_path_values.py checks it)."""

APP_PREFIX = "$APP/"
_LINE = re.compile(r'CONFIG_([A-Za-z0-9_]+)="((?:[^"\\]|\\.)*)"')


def read_assignments(files: Iterable[Path], app: Path | None, root: Path) -> list[Assignment]:
    """The assignments of the config input files in order, path values anchored."""
    return [anchor(a, app, root) for f in files for a in parse_fragment(f)]


def anchor(a: Assignment, app: Path | None, root: Path) -> Assignment:
    """`a` with a path value in its stored form (see the module's docstring)."""
    if a.symbol not in PATH_SYMBOLS or not a.quoted or not a.value:
        return a
    path = resolve_input(a, app)
    if not os.path.lexists(path):  # anything else there: the reader names what is wrong
        base = "the working directory" if is_stream(a.file) else display_path(a.file.parent)
        raise MpforgeError(
            f"{a.where}: {a.text}: {show(path)} does not exist (a relative path is taken from "
            f"the directory of the file that sets it, here {base}); fix the path"
        )
    return dataclasses.replace(a, value=stored_form(path, app, root))


def resolve_input(a: Assignment, app: Path | None) -> Path:
    """The absolute path an input's value names."""
    if a.value.startswith(APP_PREFIX):
        if app is None:
            raise MpforgeError(
                f"{a.where}: {a.text}: {APP_PREFIX} is the application directory, and this "
                "build has none (give --app DIR or build inside an app with mpforge.toml)"
            )
        return _join(app, a.value[len(APP_PREFIX) :])
    base = Path.cwd() if is_stream(a.file) else a.file.absolute().parent
    return _join(base, os.path.expanduser(a.value))


def stored_form(path: Path, app: Path | None, root: Path) -> str:
    """How .config holds `path`: app-relative, tree-relative, or (elsewhere) absolute."""
    path = Path(os.path.normpath(path.absolute()))
    if app is not None:
        app_dir = Path(os.path.normpath(app.absolute()))
        if path.is_relative_to(app_dir):
            return APP_PREFIX + path.relative_to(app_dir).as_posix()
    tree = Path(os.path.normpath(root.absolute()))
    if path.is_relative_to(tree):
        return path.relative_to(tree).as_posix()
    return path.as_posix()


def locate(value: str, app: Path | None, root: Path, where: str) -> Path:
    """The file a stored value (.config, a Kconfig default, a menuconfig edit) names."""
    if value.startswith(APP_PREFIX):
        if app is None:
            raise MpforgeError(
                f"{where}: {APP_PREFIX} names the application directory, and this build has "
                "none (give --app DIR or build inside an app with mpforge.toml)"
            )
        return _join(app.absolute(), value[len(APP_PREFIX) :])
    return _join(root, value)


def relative_to_output(text: str, output_dir: Path, app: Path | None, root: Path) -> str:
    """Config text (savedefconfig) with each path value relative to the file's own directory."""

    def rewrite(line: str) -> str:
        m = _LINE.fullmatch(line)
        if m is None or m.group(1) not in PATH_SYMBOLS or not m.group(2):
            return line
        value = re.sub(r"\\(.)", r"\1", m.group(2))
        target = locate(value, app, root, f"CONFIG_{m.group(1)}")
        rel = os.path.relpath(target, output_dir.absolute())
        escaped = rel.replace("\\", "\\\\").replace('"', '\\"')
        return f'CONFIG_{m.group(1)}="{escaped}"'

    return "".join(rewrite(line) + "\n" for line in text.splitlines())


def absolute_in_stream(text: str, cwd: Path) -> str:
    """A stream's text with relative path values made absolute (from the working directory),
    for its copy in the build directory, which the build reads from elsewhere."""

    def rewrite(line: str) -> str:
        m = _LINE.fullmatch(line.rstrip())
        if m is None or m.group(1) not in PATH_SYMBOLS or not m.group(2):
            return line
        value = re.sub(r"\\(.)", r"\1", m.group(2))
        if value.startswith(APP_PREFIX) or Path(os.path.expanduser(value)).is_absolute():
            return line
        path = _join(cwd, value).as_posix().replace("\\", "\\\\").replace('"', '\\"')
        return f'CONFIG_{m.group(1)}="{path}"'

    return "".join(rewrite(line) + "\n" for line in text.splitlines())


def _join(base: Path, value: str) -> Path:
    return Path(os.path.normpath(base / value))
