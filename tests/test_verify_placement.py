"""`mpforge verify` and image identity wherever the build directory lies.

SCons names files under the tree relative to it (build/host/gen/...) and files outside
it absolutely; both spellings must reach the objects (DWARF included) as the same
path. Checked: the default in-tree build/BOARD verified against verify's out-of-tree
rebuild (host and netduinoplus2), and a relative --build-dir outside the tree giving
the default build's image byte for byte.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from boards import build_firmware, semihosting_fragment
from helpers import mpforge

from mpforge import paths


def _outputs(build_dir: Path) -> dict[str, str]:
    return json.loads((build_dir / "build-info.json").read_text())["outputs"]


def test_verify_default_in_tree_host(capsys: pytest.CaptureFixture[str]) -> None:
    """build/host is built by conftest at the default place, as `mpforge build -b host` does."""
    r = mpforge(capsys, "verify", "-b", "host", "-j", "2")
    assert r.code == 0, r.out + r.err
    assert "identical" in r.out


def test_verify_in_tree_netduinoplus2(capsys: pytest.CaptureFixture[str]) -> None:
    # The same in-tree build test_stm32 boots (built once for both).
    build_dir = build_firmware("netduinoplus2", "default", (semihosting_fragment(),))[0]
    assert build_dir.is_relative_to(paths.ROOT / "build")
    r = mpforge(capsys, "verify", "-b", "netduinoplus2", "--build-dir", build_dir, "-j", "2")
    assert r.code == 0, r.out + r.err
    assert "identical" in r.out


def test_relative_build_dir_outside_the_tree_gives_the_default_image(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "mpforge", "build", "-b", "host", "--build-dir", "rel", "-j", "2"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _outputs(tmp_path / "rel") == _outputs(paths.default_build_dir("host"))
