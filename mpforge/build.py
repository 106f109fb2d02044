"""Running SCons for a board: the COMPILE and LINK stages behind `mpforge build`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge import paths, process, roots
from mpforge.textfile import INVOCATION_DIR


def scons_command(
    board: str,
    build_dir: Path,
    fragments: Sequence[Path] = (),
    jobs: int | None = None,
    verbose: bool = False,
    pristine: bool = False,
    app: Path | None = None,
    board_roots: Sequence[roots.Root] = (),
    package_roots: Sequence[roots.Root] = (),
) -> list[str]:
    """The exact `scons` invocation for a board (also what `scons BOARD=...` users type)."""
    cmd = [sys.executable, "-m", "SCons", "-Q", "-C", str(paths.ROOT)]
    cmd += [f"-j{jobs or os.cpu_count() or 1}", f"BOARD={board}", f"BUILD_DIR={build_dir}"]
    if fragments:
        cmd.append("CONFIG_FRAGMENTS=" + ",".join(str(f) for f in fragments))
    if app is not None:
        cmd.append(f"APP={app}")
    if board_roots:
        cmd.append("BOARD_ROOTS=" + roots.join(board_roots))
    if package_roots:
        cmd.append("PACKAGE_ROOTS=" + roots.join(package_roots))
    if verbose:
        cmd.append("V=1")
    if pristine:
        cmd.append("PRISTINE=1")
    return cmd


def run_scons(cmd: Sequence[str]) -> int:
    """Run SCons with a fixed locale, so tools print and sort the same everywhere; from the
    tree, where its -C goes anyway (so SCons does not print `Entering directory`). SCons
    starts with SIGINT held until the SConstruct has its handler (process.call). Its
    messages name files relative to the user's directory (textfile.show), not the tree."""
    return process.call(cmd, env=_scons_env(), cwd=paths.ROOT, hold_sigint=True)


def run_scons_captured(cmd: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """run_scons with the output kept (for builds the user does not watch)."""
    return process.run(cmd, env=_scons_env(), cwd=paths.ROOT)


def _scons_env() -> dict[str, str]:
    return dict(os.environ, LC_ALL="C", **{INVOCATION_DIR: os.getcwd()})
