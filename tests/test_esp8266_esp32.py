"""The ESP8266 port (built and validated by esptool image-info, not booted: unicorn has no
Xtensa), the Xtensa ESP32 family's toolchain error, and what `mpforge boards` and
`mpforge flash -n` say for the Espressif boards."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import mpforge

from mpforge import paths
from mpforge.build import scons_command
from mpforge.images import esp


@pytest.fixture(scope="module")
def esp8266() -> Path:
    build_dir = paths.ROOT / "build" / "test_esp8266"
    proc = subprocess.run(
        scons_command("esp8266_generic", build_dir), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return build_dir


def test_esp8266_images_and_layout(esp8266: Path) -> None:
    info = esp.check_image("esp8266", esp8266 / "firmware.esp.bin")
    assert info.checksum_valid and info.chip_id is None  # the v1 header has no chip ID
    # The ROM loads IRAM (the entry) and DRAM; the rest of the code is flash-mapped.
    assert (esp8266 / "flash_args").read_text() == (
        "0x0 firmware.esp.bin\n0x10000 firmware.esp-0x10000.bin\n"
    )
    assert (esp8266 / "firmware.esp-0x10000.bin").stat().st_size > 100_000
    assert "RAM" in (esp8266 / "firmware.size").read_text()


def test_esp8266_flash_dry_run_names_both_images(
    capsys: pytest.CaptureFixture[str], esp8266: Path
) -> None:
    res = mpforge(
        capsys,
        "flash",
        "-b",
        "esp8266_generic",
        "--build-dir",
        esp8266,
        "--port",
        "/dev/ttyX",
        "-n",
    )
    assert res.code == 0, res.err
    assert "-m esptool --chip esp8266 --port /dev/ttyX write-flash 0x0 " in res.err
    assert "0x10000 " + str(esp8266 / "firmware.esp-0x10000.bin") in res.err


def test_port_is_refused_by_other_flash_methods(
    capsys: pytest.CaptureFixture[str], esp8266: Path
) -> None:
    res = mpforge(
        capsys, "flash", "-b", "esp8266_generic", "--build-dir", esp8266, "--method", "dfu",
        "--port", "/dev/ttyX", "-n",
    )  # fmt: skip
    assert res.code != 0 and "--port is the serial port of esptool" in res.err


@pytest.mark.parametrize("board", ["esp32_devkitc", "esp32s2_saola", "esp32s3_devkitc"])
def test_xtensa_esp32_boards_name_the_missing_toolchain(tmp_path: Path, board: str) -> None:
    proc = subprocess.run(
        scons_command(board, tmp_path / "b"), capture_output=True, text=True, check=False
    )
    chip = board.split("_")[0]
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert errors == [errors[0]] and errors[0].startswith(
        f"error: toolchain xtensa-{chip}-elf not found:"
    )
    assert "Traceback" not in proc.stdout + proc.stderr


def test_boards_say_what_runs_and_what_cannot_build(capsys: pytest.CaptureFixture[str]) -> None:
    out = mpforge(capsys, "boards").out
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "not a chip emulator" in lines["esp32c3_devkitm"]
    assert "not booted" in lines["esp8266_generic"]
    assert "not buildable here: toolchain xtensa-esp32-elf not found" in lines["esp32_devkitc"]
