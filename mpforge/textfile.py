"""The one reader of user input files (fragments, manifests, package.yml, Python sources),
and the one writer of generated files (atomic, only when the content changes).

Every file a user hands us is checked here before anything parses it: it must
exist, be a regular file (a directory, a device or a named FIFO is refused
without opening it, so a FIFO never blocks the build), be readable, not be a
symlink loop, hold no NUL byte and be UTF-8 (the error names the line).

A stream the shell hands over as a path (`-C /dev/stdin`, `-C <(cmd)`, which
are pipes under /dev/fd or /proc/self/fd) is read once and remembered, so a
second read in the same process gets the same text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from mpforge.errors import MpforgeError

_STREAM = re.compile(r"/dev/(stdin|fd/\d+)|/proc/(self|\d+)/fd/\d+")
_streams: dict[str, bytes] = {}


# The directory the user ran mpforge in, for the SCons child (which runs in the tree):
# its messages name files as the user sees them (mpforge/build.py sets it).
INVOCATION_DIR = "MPFORGE_INVOCATION_DIR"


def show(path: Path) -> str:
    """A path relative to the user's working directory when it is below it, else as given."""
    try:
        here = Path(os.environ.get(INVOCATION_DIR) or Path.cwd())
        return str(path.resolve().relative_to(here.resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def show_paths(line: str) -> str:
    """`line` (a build step's progress line) with each word that is a path shown as show()
    shows it: relative to the user's working directory when below it, else as given."""
    return " ".join(show(Path(word)) if os.sep in word else word for word in line.split(" "))


def is_stream(path: Path) -> bool:
    """True for the paths of already-open descriptors (/dev/stdin, /dev/fd/N)."""
    return _STREAM.fullmatch(os.path.abspath(path)) is not None


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of the regular file (or shell stream) `path`; `what` names it in errors."""
    key = os.path.abspath(path)
    if key in _streams:
        return _streams[key]
    where = f"{what} {show(path)}"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise MpforgeError(f"{where} does not exist{_close_names(Path(path))}") from None
    except OSError as e:
        raise MpforgeError(f"{where}: {_reason(e)}") from None
    if is_stream(path):
        data = _read(path, where)
        _streams[key] = data
        return data
    if stat.S_ISDIR(st.st_mode):
        raise MpforgeError(f"{where} is a directory, not a file; name a file inside it")
    if stat.S_ISFIFO(st.st_mode):
        raise MpforgeError(
            f"{where} is a named pipe (FIFO), not a regular file; write the content to a file "
            "(or pass it as -C /dev/stdin)"
        )
    if not stat.S_ISREG(st.st_mode):
        raise MpforgeError(f"{where} is a device or socket, not a regular file")
    return _read(path, where)


def _close_names(path: Path) -> str:
    """A did-you-mean among the files beside a missing `path` (a typo in its name)."""
    return close_names(path, directories=False)


def close_names(path: Path, directories: bool) -> str:
    """` (did you mean X?)` among the files (or directories) beside a missing `path`, shown
    as show() shows them, or ''. A missing directory on the way is the typo looked at
    (`buidl/host`: did you mean build/host?)."""
    import difflib

    missing, rest = path, []
    while not missing.parent.exists() and missing.parent != missing:
        rest.insert(0, missing.name)
        missing = missing.parent
    try:
        beside = [p for p in missing.parent.iterdir() if p.is_dir() == (directories or bool(rest))]
    except OSError:
        return ""
    alike = [p.name for p in beside if p.suffix == missing.suffix]  # then main.txt: main.py
    names = [p.name for p in beside]
    close = difflib.get_close_matches(missing.name, alike, n=3) or difflib.get_close_matches(
        missing.name, names, n=3
    )
    if not close:
        return ""
    shown = [show(missing.parent.joinpath(name, *rest)) for name in close]
    return f" (did you mean {' or '.join(shown)}?)"


def _read(path: Path, where: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise MpforgeError(f"{where}: {_reason(e)}") from None


def _reason(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop (a link points back to itself); fix or remove the link"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied); fix its permissions"
    if e.errno == errno.ENOTDIR:
        return "a component of the path is a file, not a directory"
    return f"cannot be read ({e.strerror})"


def decode(data: bytes, path: Path) -> str:
    """UTF-8 text; a NUL byte or an invalid sequence is an error naming file:line."""
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise MpforgeError(
            f"{show(path)}:{line}: NUL byte in a text file; remove it (is this a binary file?)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise MpforgeError(
            f"{show(path)}:{line}: not UTF-8 text ({e.reason} at byte {e.start}); "
            "save the file as UTF-8"
        ) from None


def read_text(path: Path, what: str) -> str:
    """`read_bytes` + `decode`, with a leading UTF-8 byte-order mark dropped."""
    return decode(read_bytes(path, what), path).removeprefix("\ufeff")


def write_if_changed(destination: Path, text: str) -> None:
    """Write atomically, and only when the content differs (so nothing rebuilds needlessly)."""
    try:
        if destination.is_file() and destination.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    tmp = None
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # `--build-dir /proc/x`: the file was named, not the directory
        raise MpforgeError(
            f"cannot write {show(destination)}: its directory {show(destination.parent)} "
            f"cannot be made ({e.strerror}); choose another place"
        ) from None
    try:
        fd, tmp = tempfile.mkstemp(dir=destination.parent, prefix=".tmp-")
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, destination)
    except OSError as e:  # a full disk, a read-only file system: one error, no half file
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise MpforgeError(f"cannot write {show(destination)}: {e.strerror}") from None
