"""The boards: one `configs/<board>_defconfig` each (U-Boot style)."""

from __future__ import annotations

import re
from pathlib import Path

from mpforge import paths
from mpforge.errors import MpforgeError, did_you_mean


def board_names() -> list[str]:
    """All boards, sorted."""
    return sorted(
        p.name[: -len(paths.DEFCONFIG_SUFFIX)]
        for p in paths.CONFIGS.glob(f"*{paths.DEFCONFIG_SUFFIX}")
    )


def find_defconfig(board: str) -> Path:
    """The defconfig of `board`, or an error listing the close names."""
    path = paths.defconfig_path(board)
    if re.fullmatch(r"[A-Za-z0-9_]+", board) and path.is_file():
        return path
    names = board_names()
    hint = did_you_mean(board, names)
    raise MpforgeError(
        f"unknown board '{board}'{hint}; boards are the files configs/*_defconfig: "
        + ", ".join(names)
        + " (see `mpforge boards`)"
    )
