"""Where things are: the source tree, the boards' defconfigs, build directories."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The mpforge source tree (SConstruct, Kconfig, py/, ports/, configs/)."""

CONFIGS = ROOT / "configs"
DEFCONFIG_SUFFIX = "_defconfig"


def default_build_dir(board: str) -> Path:
    return ROOT / "build" / board


def defconfig_path(board: str) -> Path:
    return CONFIGS / f"{board}{DEFCONFIG_SUFFIX}"
