"""Where things are: the source tree, the boards' defconfigs, build directories.

In a checkout (or an editable install) the tree is the checkout; an installed wheel carries
it as package data in mpforge/_data (see setup.py), which is never a place to build in:
there the default build directory is build/BOARD under the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE / "_data"
INSTALLED = (_DATA / "SConstruct").is_file()
"""True when running from an installed wheel, not a checkout."""

ROOT = _DATA if INSTALLED else _PACKAGE.parent
"""The mpforge source tree (SConstruct, Kconfig, py/, ports/, configs/)."""

CONFIGS = ROOT / "configs"
DEFCONFIG_SUFFIX = "_defconfig"


def default_build_dir(board: str) -> Path:
    if INSTALLED:
        return Path.cwd() / "build" / board
    return ROOT / "build" / board


def defconfig_path(board: str) -> Path:
    return CONFIGS / f"{board}{DEFCONFIG_SUFFIX}"


def cache_root() -> Path:
    """$MPFORGE_CACHE, default ~/.cache/mpforge (mpy-cross results, PyPI downloads)."""
    base = os.environ.get("MPFORGE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mpforge"
    )
    return Path(base)
