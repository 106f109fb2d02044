"""Versions of the tools that made an image (recorded in build-info.json and the SBOM)."""

from __future__ import annotations

import platform
from importlib import metadata

from mpforge import process
from mpforge.mpycross import executable


def _first_line(cmd: list[str]) -> str:
    try:
        out = process.run(cmd, env={"LC_ALL": "C", "PATH": _path()}).stdout
    except (OSError, process.ToolNotFound):
        return "not found"
    return out.splitlines()[0].strip() if out else "unknown"


def _path() -> str:
    import os

    return os.environ.get("PATH", "/usr/bin:/bin")


def versions(cc: str, objcopy: str) -> dict[str, str]:
    """Tool name -> version line: the C compiler, binutils, mpy-cross, Python, SCons."""
    return {
        "gcc": _first_line([cc, "--version"]),
        "binutils": _first_line([objcopy, "--version"]),
        "mpy-cross": _first_line([executable(), "--version"]),
        "python": platform.python_version(),
        "scons": metadata.version("scons"),
        "kconfiglib": metadata.version("kconfiglib"),
    }
