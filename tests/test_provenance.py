"""Reproducible images, build-info.json, the SBOM and `mpforge verify`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from helpers import mpforge

from mpforge import paths
from mpforge.build import scons_command


def build(
    build_dir: Path,
    *,
    root: Path = paths.ROOT,
    app: Path | None = None,
    fragments: tuple[Path, ...] = (),
    env: dict | None = None,
    board: str = "host",
    jobs: int | None = None,
    umask: int | None = None,
) -> None:
    cmd = scons_command(board, build_dir, fragments, jobs, app=app)
    cmd[cmd.index("-C") + 1] = str(root)
    preexec = None if umask is None else (lambda: os.umask(umask))
    proc = subprocess.run(
        cmd, capture_output=True, text=True, check=False, env=env, preexec_fn=preexec
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def outputs(build_dir: Path) -> dict[str, str]:
    return json.loads((build_dir / "build-info.json").read_text())["outputs"]


def copy_tree(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "build", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache"
    )
    shutil.copytree(paths.ROOT, dest, ignore=ignore)
    return dest


# One board per chip family and image format, and the files its build must write: native,
# STM32 (.hex/.dfu), nRF51 (.hex), SAMD (.uf2), RP2040 (boot2 + .uf2), WebAssembly (the
# page), Espressif (esptool images, RISC-V and Xtensa compilers).
IMAGES = {
    "netduinoplus2": {"firmware.elf", "firmware.bin", "firmware.hex", "firmware.dfu"},
    "microbit": {"firmware.elf", "firmware.bin", "firmware.hex"},
    "feather_m0": {"firmware.elf", "firmware.bin", "firmware.uf2"},
    "rpi_pico": {"firmware.elf", "firmware.bin", "firmware.uf2"},
    "wasm_web": {"firmware.js", "firmware.wasm", "index.html"},
    "esp32c3_devkitm": {
        "firmware.elf",
        "firmware.esp.bin",
        "firmware.esp-0x10000.bin",
        "flash_args",
    },
    "esp8266_generic": {"firmware.elf", "firmware.esp.bin", "flash_args"},
}


# Link-time optimised images (CONFIG_LTO): the micro:bit and Feather M0 defaults, and the
# minimal fragment on netduinoplus2.
MINIMAL = paths.ROOT / "configs" / "fragments" / "minimal.conf"
CASES = [(board, ()) for board in ["host", *IMAGES]] + [("netduinoplus2", (MINIMAL,))]


@pytest.mark.parametrize(
    ("board", "fragments"), CASES, ids=[b + ("-minimal" if f else "") for b, f in CASES]
)
def test_same_images_from_another_directory_time_umask_locale_and_jobs(
    tmp_path: Path, board: str, fragments: tuple[Path, ...]
) -> None:
    build(tmp_path / "one", board=board, fragments=fragments, jobs=2, umask=0o022)
    other_root = copy_tree(tmp_path / "elsewhere" / "src")
    env = {
        "PATH": "/usr/bin:/bin",
        "LC_ALL": "C.UTF-8",
        "LANG": "de_DE.UTF-8",
        "TZ": "Asia/Tokyo",
        "SOURCE_DATE_EPOCH": "0",  # SBOM date differs; the images must not
        "MPFORGE_CACHE": str(tmp_path / "cache2"),
    }
    time.sleep(1.1)  # another second on the clock
    other_fragments = tuple(other_root / f.relative_to(paths.ROOT) for f in fragments)
    build(
        tmp_path / "two",
        root=other_root,
        env=env,
        board=board,
        fragments=other_fragments,
        jobs=1,
        umask=0o077,
    )
    one, two = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert one == two
    if board != "host":
        assert {Path(k).name for k in one} >= IMAGES[board]


def test_build_info_and_sbom(tmp_path: Path) -> None:
    build(tmp_path / "b")
    info = json.loads((tmp_path / "b" / "build-info.json").read_text())
    assert info["board"] == "host" and len(info["config_hash"]) == 64
    assert info["config"]["PORT"] == "host"
    assert {"gcc", "binutils", "mpy-cross", "python", "scons"} <= set(info["toolchain"])
    assert "py/vm.c" in info["inputs"] and "configs/host_defconfig" in info["inputs"]
    assert "frozen/demo/main.py" in info["inputs"]
    assert list(info["outputs"]) == ["$BUILD_DIR/firmware"]
    assert str(paths.ROOT) not in json.dumps(info)
    sbom = json.loads((tmp_path / "b" / "sbom.spdx.json").read_text())
    assert sbom["spdxVersion"] == "SPDX-2.3"
    demo = next(p for p in sbom["packages"] if p["name"] == "demo")
    assert demo["versionInfo"] == "1.0.0" and demo["licenseDeclared"] == "MIT"
    assert any(r["relationshipType"] == "CONTAINS" for r in sbom["relationships"])


def test_incremental_after_config_change_equals_clean(tmp_path: Path) -> None:
    frag = tmp_path / "small.conf"
    frag.write_text("# CONFIG_BUILTIN_MEMORYVIEW is not set\nCONFIG_HEAP_SIZE=32768\n")
    build(tmp_path / "inc")
    build(tmp_path / "inc", fragments=(frag,))
    build(tmp_path / "clean", fragments=(frag,))
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "clean")


def test_verify_identical_and_different(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text("print('version 1')\n")
    build(tmp_path / "b", app=app)
    r = mpforge(capsys, "verify", "-b", "host", "--build-dir", tmp_path / "b")
    assert r.code == 0, r.out + r.err
    assert "identical: 1 images match" in r.out
    (app / "main.py").write_text("print('version 2')\n")  # a non-reproducible input
    r = mpforge(capsys, "verify", "-b", "host", "--build-dir", tmp_path / "b")
    assert r.code == 1
    assert "different: $BUILD_DIR/firmware differs (section .rodata differs)" in r.out
