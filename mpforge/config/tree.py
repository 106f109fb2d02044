"""Loading the Kconfig tree with kconfiglib, with errors in the tree reported as MpforgeError."""

from __future__ import annotations

import os
from pathlib import Path

import kconfiglib

from mpforge import paths
from mpforge.errors import MpforgeError
from mpforge.frozen.packages import write_kconfig


def load_kconfig(root: Path = paths.ROOT) -> kconfiglib.Kconfig:
    """Parse `root/Kconfig`; symbols start at their defaults. Warnings collect in `.warnings`."""
    os.environ["srctree"] = str(root)  # noqa: SIM112 (kconfiglib reads this name)
    packages_kconfig = root / "build" / ".generated" / "Kconfig.frozen-packages"
    write_kconfig(packages_kconfig, root / "frozen")
    os.environ["MPFORGE_FROZEN_PACKAGES_KCONFIG"] = str(packages_kconfig)
    os.environ.setdefault("KCONFIG_CONFIG", os.devnull)
    try:
        kconf = kconfiglib.Kconfig(
            str(root / "Kconfig"), warn=True, warn_to_stderr=False, suppress_traceback=False
        )
    except kconfiglib.KconfigError as e:
        raise MpforgeError(f"the Kconfig tree is broken: {e}") from None
    # Our own checks report these with file:line and the fix; kconfiglib's
    # generic warnings would only duplicate them.
    kconf.warn_assign_undef = False
    kconf.warn_assign_override = False
    kconf.warn_assign_redun = False
    return kconf


def kconfig_files(kconf: kconfiglib.Kconfig, root: Path = paths.ROOT) -> list[Path]:
    """Every Kconfig file the tree sourced (for dependency tracking)."""
    return sorted({(root / f).resolve() for f in kconf.kconfig_filenames})


def has_prompt(sym: kconfiglib.Symbol) -> bool:
    return any(node.prompt for node in sym.nodes)


def location(sym: kconfiglib.Symbol) -> str:
    """`file:line` of the symbol's first definition, relative to the source tree."""
    node = sym.nodes[0]
    return f"{node.filename}:{node.linenr}"
