"""Shared test set-up: the host boards are built once, before any worker starts.

The language corpus and the firmware tests run the host port's executables;
building them here (in the xdist controller, or the single process) keeps
workers from racing on one build directory.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from mpforge import paths, roots
from mpforge.build import scons_command

PREBUILT_BOARDS = ("host", "host_asan", "host_minimal", "wasm_node")


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has built them
    for board in PREBUILT_BOARDS:
        cmd = scons_command(board, paths.default_build_dir(board))
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            pytest.exit(f"building board {board} failed (see above)", returncode=1)


@pytest.fixture
def no_roots(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Board and package roots are per process: an in-process test starts without any (and
    without MPFORGE_BOARD or $MPFORGE_PACKAGE_PATH from the caller's shell)."""
    monkeypatch.delenv("MPFORGE_BOARD", raising=False)
    monkeypatch.delenv(roots.PACKAGE_PATH_ENV, raising=False)
    roots.configure()
    yield
    roots.configure()
