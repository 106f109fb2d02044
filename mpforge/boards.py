"""The boards: one `configs/<board>_defconfig` each (U-Boot style), and those of the board
roots outside the tree (`--board-root DIR`, see mpforge/roots.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mpforge import paths, roots
from mpforge.errors import MpforgeError, did_you_mean


def _defconfigs() -> dict[str, Path]:
    """Board name -> defconfig; the tree's first (roots never clash with them)."""
    found: dict[str, Path] = {}
    for directory in (paths.CONFIGS, *(r.path for r in roots.board_roots())):
        for p in sorted(directory.glob(f"*{paths.DEFCONFIG_SUFFIX}")):
            found.setdefault(p.name[: -len(paths.DEFCONFIG_SUFFIX)], p)
    return found


def board_names() -> list[str]:
    """All boards, sorted."""
    return sorted(_defconfigs())


def out_of_tree(board: str) -> bool:
    return find_defconfig(board).parent != paths.CONFIGS


def find_defconfig(board: str) -> Path:
    """The defconfig of `board`, or an error listing the close names."""
    found = _defconfigs()
    if re.fullmatch(r"[A-Za-z0-9_]+", board) and board in found and found[board].is_file():
        return found[board]
    names = sorted(found)
    hint = did_you_mean(board, names)
    where = "configs/*_defconfig" + (
        " and the board roots' *_defconfig" if roots.board_roots() else ""
    )
    raise MpforgeError(
        f"unknown board '{board}'{hint}; boards are the files {where}: "
        + ", ".join(names)
        + " (see `mpforge boards`; `--board-root DIR` adds boards from outside the tree)"
    )


def board_kconfig(defconfig: Path) -> Path | None:
    """An out-of-tree board's own Kconfig: DIR/<board>.Kconfig, else DIR/Kconfig.board."""
    if defconfig.parent == paths.CONFIGS:
        return None
    board = defconfig.name[: -len(paths.DEFCONFIG_SUFFIX)]
    for name in (board + roots.BOARD_KCONFIG_SUFFIX, roots.SHARED_BOARD_KCONFIG):
        candidate = defconfig.parent / name
        if candidate.exists():
            return candidate
    return None
