"""mpforge flash: the method from the board's formats, the UF2 drive, -n without the tool."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mpforge import flash as flashmod
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.flash import flash, flash_command, flasher_for

UF2_BOARD = {"IMAGE_UF2": "y", "UF2_FAMILY_ID": "0xe48bff56", "UF2_VOLUME_LABEL": "RPI-RP2"}
STM32 = {"IMAGE_DFU": "y", "IMAGE_HEX": "y", "IMAGE_BIN": "y", "PYOCD_TARGET": "stm32f405rg"}


def test_method_follows_the_formats_the_board_produces() -> None:
    assert flasher_for(ConfigView("pico", UF2_BOARD)).name == "uf2"
    assert flasher_for(ConfigView("st", {"IMAGE_DFU": "y", "IMAGE_HEX": "y"})).name == "dfu"
    assert flasher_for(ConfigView("c3", {"IMAGE_ESP": "y", "ESP_CHIP": "esp32c3"})).name == (
        "esptool"
    )
    # The board's CONFIG_FLASH_METHOD and then --method override the formats' choice.
    view = ConfigView("st", {**STM32, "FLASH_METHOD": "pyocd"})
    assert flasher_for(view).name == "pyocd"
    assert flasher_for(view, "dfu").name == "dfu"
    with pytest.raises(MpforgeError, match="not flashable hardware"):
        flasher_for(ConfigView("host", {}))


def test_uf2_copies_to_the_drive_with_the_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "firmware.uf2").write_bytes(b"x")
    drive = tmp_path / "media" / "RPI-RP2"
    drive.mkdir(parents=True)
    monkeypatch.setattr(flashmod, "MOUNT_ROOTS", (str(tmp_path / "media"),))
    cmd = flash_command(tmp_path, ConfigView("pico", UF2_BOARD))
    assert cmd == ["cp", str(tmp_path / "firmware.uf2"), str(drive / "firmware.uf2")]


def test_dry_run_prints_the_command_when_the_drive_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "firmware.uf2").write_bytes(b"x")
    monkeypatch.setattr(flashmod, "MOUNT_ROOTS", (str(tmp_path / "nowhere"),))
    view = ConfigView("pico", UF2_BOARD)
    with pytest.raises(MpforgeError, match="no drive labelled RPI-RP2 is mounted"):
        flash_command(tmp_path, view)
    assert flash(tmp_path, view, dry_run=True) == 0
    err = capsys.readouterr().err
    assert f"+ cp {tmp_path / 'firmware.uf2'} '<drive RPI-RP2>/firmware.uf2'" in err
    assert "note: no drive labelled RPI-RP2 is mounted" in err


def test_dry_run_prints_the_command_when_the_tool_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "firmware.dfu").write_bytes(b"x")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert flash(tmp_path, ConfigView("st", {"IMAGE_DFU": "y"}), dry_run=True) == 0
    err = capsys.readouterr().err
    assert f"+ dfu-util -a 0 -d 0483:df11 -D {tmp_path / 'firmware.dfu'}" in err
    assert "note: dfu-util not found: install Debian package dfu-util" in err


def test_missing_image_names_the_format_symbol_the_board_lacks(tmp_path: Path) -> None:
    # Building cannot make an image the board does not make: it was told to build first.
    with pytest.raises(MpforgeError) as e:
        flash_command(tmp_path, ConfigView("pico", {**UF2_BOARD, "IMAGE_UF2": "n"}), "uf2")
    assert e.value.message == (
        "board pico makes no uf2 image (CONFIG_IMAGE_UF2), which method 'uf2' takes; "
        "it has no flash method"
    )
    # A board that makes the image was told to select what it selects: build it.
    with pytest.raises(MpforgeError) as e:
        flash_command(tmp_path, ConfigView("pico", UF2_BOARD))
    assert e.value.message.endswith(
        f"firmware.uf2 does not exist; build it first with `mpforge build -b pico --build-dir "
        f"{tmp_path}`"
    )


@pytest.mark.parametrize("method", sorted(flashmod.FLASHERS))
def test_dry_run_prints_every_method_without_its_tool(
    method: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`flash -n` shows the command of every method on a machine that has none of the tools,
    no drive mounted and no esptool: the command, then a note saying what is missing."""
    import importlib.util

    for fmt in ("bin", "hex", "dfu", "uf2", "esp.bin"):
        (tmp_path / f"firmware.{fmt}").write_bytes(b"x")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(flashmod, "find_volume", lambda _label: None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda _name: None)
    samd = {"UF2_FAMILY_ID": "0x68ed2b88"} if method == "bossac" else {}  # bossac's chips
    view = ConfigView(
        "any",
        {
            **UF2_BOARD,
            **samd,
            "DAPLINK_VOLUME_LABEL": "MICROBIT",
            "PYOCD_TARGET": "stm32f405rg",
            "NRFJPROG_FAMILY": "NRF52",
            "ESP_CHIP": "esp32c3",
            "CORTEX_M_APP_OFFSET": "0x2000",
        },
    )
    port = "/dev/ttyUSB0" if flashmod.FLASHERS[method].takes_port else None
    assert flash(tmp_path, view, method, dry_run=True, port=port) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("+ ") and str(tmp_path / "firmware.") in err[0]
    assert err[1].startswith("note: ") and ("not found" in err[1] or "no drive" in err[1])
    with pytest.raises(MpforgeError):  # without -n the missing tool is the error
        flash(tmp_path, view, method, port=port)


@pytest.mark.parametrize(
    ("method", "reason"),
    [
        (
            "bossac",
            "bossac programs the SAM-BA bootloader of SAMD chips (feather_m0, itsybitsy_m4) only",
        ),
        ("picotool", "picotool programs the RP2040 (rpi_pico) only"),
        ("nrfjprog", "nrfjprog programs Nordic's nRF chips, and the board has no "),
        ("esptool", "esptool programs Espressif's chips, and the board has no CONFIG_ESP_CHIP"),
        ("uf2", "the board has no CONFIG_UF2_VOLUME_LABEL naming its drive"),
        ("daplink", "the board has no CONFIG_DAPLINK_VOLUME_LABEL naming its drive"),
    ],
)
def test_a_method_for_another_chip_is_refused(
    method: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`flash -n -b netduinoplus2 --method bossac` printed `bossac ... --offset=0x0
    firmware.bin`, `--method nrfjprog` `nrfjprog -f '' ...`: commands for another chip.
    Now one error with the reason and the board's own methods."""
    for fmt in ("bin", "hex", "dfu"):
        (tmp_path / f"firmware.{fmt}").write_bytes(b"x")
    with pytest.raises(MpforgeError) as e:
        flash(tmp_path, ConfigView("st", STM32), method, dry_run=True)
    assert e.value.message == (
        f"board st cannot be flashed with method '{method}': {reason}"
        + ("CONFIG_NRFJPROG_FAMILY" if method == "nrfjprog" else "")
        + "; its methods: --method dfu or pyocd"
    )
    assert capsys.readouterr().err == ""  # no command printed


def test_a_missing_tool_offers_the_boards_other_methods(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without dfu-util, an STM32 board was offered every method (`or choose --method pyocd
    or uf2 or picotool or bossac ...`), though `--method uf2` is then refused."""
    for fmt in ("bin", "hex", "dfu"):
        (tmp_path / f"firmware.{fmt}").write_bytes(b"x")
    monkeypatch.setenv("PATH", str(tmp_path))  # no tool at all
    with pytest.raises(MpforgeError) as e:
        flash(tmp_path, ConfigView("st", STM32), "dfu")
    assert e.value.message.startswith("board st cannot be flashed with method 'dfu': dfu-util")
    assert e.value.message.endswith(", or choose --method pyocd")
