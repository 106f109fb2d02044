"""Stage 6, RUN on hardware: program a board with the image its flash method takes.

Each flash tool is a small class: the program it runs, how to install it and
its command line. The board's CONFIG_FLASH_METHOD picks one ("dfu" -> dfu-util
with firmware.dfu through the ST ROM bootloader, "pyocd" -> pyocd with
firmware.hex through a debug probe, "uf2" -> firmware.uf2 copied to the RP2040's
RPI-RP2 USB drive, "picotool" -> picotool load); `mpforge flash --method`
overrides it. "uf2" falls back to picotool when no drive is mounted but picotool
is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.images.dfuse import ST_DFU_PRODUCT_ID, ST_VENDOR_ID


class Flasher:
    """A flash tool: `program` must be on PATH; `command` is what runs."""

    name = "abstract"
    program = ""
    install = ""
    image_name = ""
    hint = ""

    def command(self, image: Path, view: ConfigView) -> list[str]:
        raise NotImplementedError


class DfuUtil(Flasher):
    name = "dfu"
    program = "dfu-util"
    install = "sudo apt-get install dfu-util"
    image_name = "firmware.dfu"
    hint = "put the board in DFU mode first (BOOT0 high, then reset)"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        device = f"{ST_VENDOR_ID:04x}:{ST_DFU_PRODUCT_ID:04x}"
        return [self.program, "-a", "0", "-d", device, "-D", str(image)]


class Pyocd(Flasher):
    name = "pyocd"
    program = "pyocd"
    install = "pip install pyocd"
    image_name = "firmware.hex"
    hint = "connect the board's ST-LINK/CMSIS-DAP probe over USB"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        target = view.values.get("PYOCD_TARGET", "")
        return [self.program, "flash", "-t", target, str(image)]


# The drive the RP2040 boot ROM shows in BOOTSEL mode holds this file.
UF2_INFO_FILE = "INFO_UF2.TXT"
UF2_DRIVE_LABEL = "RPI-RP2"
UF2_DRIVE_ENV = "MPFORGE_UF2_DRIVE"  # overrides the search (a drive mounted elsewhere)


def find_uf2_drive() -> Path | None:
    """The mounted RPI-RP2 drive: $MPFORGE_UF2_DRIVE, else a mount point named RPI-RP2
    (from /proc/mounts) that holds INFO_UF2.TXT."""
    if os.environ.get(UF2_DRIVE_ENV):
        return Path(os.environ[UF2_DRIVE_ENV])
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in mounts:
        fields = line.split()
        if len(fields) > 1:
            point = Path(fields[1].replace("\\040", " "))
            if point.name == UF2_DRIVE_LABEL and (point / UF2_INFO_FILE).is_file():
                return point
    return None


class Uf2Copy(Flasher):
    name = "uf2"
    program = "cp"
    install = "sudo apt-get install coreutils"
    image_name = "firmware.uf2"
    hint = "the board reboots into the new firmware when the copy ends"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        drive = find_uf2_drive()
        if drive is None:
            raise MpforgeError(
                f"no {UF2_DRIVE_LABEL} drive is mounted for board {view.board}: hold BOOTSEL "
                "while plugging the board in (and mount the drive), set "
                f"{UF2_DRIVE_ENV} to where it is mounted, or install picotool and use "
                "--method picotool"
            )
        return [self.program, str(image), str(drive / image.name)]


class Picotool(Flasher):
    name = "picotool"
    program = "picotool"
    install = "sudo apt-get install picotool"
    image_name = "firmware.uf2"
    hint = "picotool reboots a running board into BOOTSEL itself (-f) and starts the image (-x)"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        return [self.program, "load", "-f", "-x", str(image)]


FLASHERS: dict[str, type[Flasher]] = {
    "dfu": DfuUtil,
    "pyocd": Pyocd,
    "uf2": Uf2Copy,
    "picotool": Picotool,
}


def flasher_for(view: ConfigView, method: str | None = None) -> Flasher:
    """The flasher named by `method`, else by the board's CONFIG_FLASH_METHOD."""
    name = method or view.values.get("FLASH_METHOD", "")
    if not name:
        raise MpforgeError(
            f"board {view.board} has no CONFIG_FLASH_METHOD (it is not flashable hardware; "
            "try `mpforge run`)"
        )
    if name == "uf2" and find_uf2_drive() is None and shutil.which(Picotool.program):
        return Picotool()
    try:
        return FLASHERS[name]()
    except KeyError:
        raise MpforgeError(
            f"unknown flash method '{name}'; known: " + ", ".join(sorted(FLASHERS))
        ) from None


def flash_command(build_dir: Path, view: ConfigView, method: str | None = None) -> list[str]:
    """The command that programs the built image; errors if the image or the tool is missing."""
    flasher = flasher_for(view, method)
    image = build_dir / flasher.image_name
    if not image.is_file():
        raise MpforgeError(f"{image} does not exist; build it first with `mpforge build`")
    if shutil.which(flasher.program) is None:
        others = [f for f in FLASHERS if f != flasher.name]
        raise MpforgeError(
            f"{flasher.program} is not installed, so board {view.board} cannot be flashed "
            f"with method '{flasher.name}'; install it with `{flasher.install}`"
            + (f", or choose --method {' or '.join(others)}" if others else "")
        )
    return flasher.command(image, view)


def flash(
    build_dir: Path, view: ConfigView, method: str | None = None, dry_run: bool = False
) -> int:
    cmd = flash_command(build_dir, view, method)
    print("+ " + " ".join(cmd), file=sys.stderr)
    if dry_run:
        return 0
    flasher = flasher_for(view, method)
    print(f"note: {flasher.hint}", file=sys.stderr)
    return subprocess.call(cmd)
