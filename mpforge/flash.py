"""Stage 6, RUN on hardware: program a board with the image its flash method takes.

Each flash tool is a small class: the image format it takes (mpforge.images.formats),
the program it runs, how to install it and its command line. The method is
`mpforge flash --method`, else the board's CONFIG_FLASH_METHOD, else the first
method (in FLASHERS order) whose image format the board produces: "dfu" -> dfu-util
with firmware.dfu through the ST ROM bootloader, "pyocd" -> pyocd with firmware.hex
through a debug probe, "uf2" -> a copy of firmware.uf2 to the UF2 bootloader's drive
(found by its volume label), "picotool" -> picotool load of firmware.uf2 over USB
(RP2040), "bossac" -> bossac writes firmware.bin through the SAMD bootloader's serial port
(both chosen instead of "uf2" when no drive is mounted and the tool is installed),
"esptool" -> esptool write-flash with firmware.esp.bin, "daplink" -> a copy of
firmware.hex to a DAPLink interface chip's drive (the micro:bit's MICROBIT), "nrfjprog"
-> Nordic's nrfjprog with firmware.hex. With -n the command is printed even when the
tool (or the drive) is missing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import ClassVar

from mpforge import process
from mpforge.config.resolve import build_first
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.images.dfuse import ST_DFU_PRODUCT_ID, ST_VENDOR_ID
from mpforge.images.formats import FORMATS


class Flasher:
    """A flash tool: `program` must be on PATH; `command` is what runs."""

    name: ClassVar[str] = "abstract"
    program: ClassVar[str] = ""
    image_format: ClassVar[str] = ""  # a key of mpforge.images.formats.FORMATS
    hint: ClassVar[str] = ""
    takes_port: ClassVar[bool] = False  # `mpforge flash --port` names the serial port
    # UF2 families whose boards it can program over USB when no UF2 drive is mounted.
    families: ClassVar[frozenset[int]] = frozenset()
    port: str | None = None

    @classmethod
    def takes(cls, view: ConfigView) -> bool:
        """True when the board's chip (its UF2 family) is one this tool programs."""
        family = view.values.get("UF2_FAMILY_ID", "")
        return bool(family) and int(family, 16) in cls.families

    @property
    def image_name(self) -> str:
        return FORMATS[self.image_format].filename

    def command(self, image: Path, view: ConfigView) -> list[str]:
        raise NotImplementedError

    def refuses(self, view: ConfigView) -> str | None:
        """Why this tool cannot program the board's chip, or None (it can)."""
        return None

    def _needs(self, view: ConfigView, symbol: str, what: str) -> str | None:
        if view.values.get(symbol, ""):
            return None
        return f"{self.program} programs {what}, and the board has no CONFIG_{symbol}"

    def missing(self, view: ConfigView) -> str | None:
        """What stops the command from running (the tool is not installed), or None."""
        return process.missing(self.program)


class DfuUtil(Flasher):
    name = "dfu"
    program = "dfu-util"
    image_format = "dfu"
    hint = "put the board in DFU mode first (BOOT0 high, then reset)"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        device = f"{ST_VENDOR_ID:04x}:{ST_DFU_PRODUCT_ID:04x}"
        return [self.program, "-a", "0", "-d", device, "-D", str(image)]


class Pyocd(Flasher):
    name = "pyocd"
    program = "pyocd"
    image_format = "hex"
    hint = "connect the board's ST-LINK/CMSIS-DAP probe over USB"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        target = view.values.get("PYOCD_TARGET", "")
        return [self.program, "flash", "-t", target, str(image)]

    def refuses(self, view: ConfigView) -> str | None:
        return self._needs(view, "PYOCD_TARGET", "a target its probe knows by name")


# Where desktop Linux mounts removable drives, by volume label.
MOUNT_ROOTS = ("/media/{user}", "/run/media/{user}", "/media", "/mnt")


def find_volume(label: str, mounts: Path = Path("/proc/mounts")) -> Path | None:
    """The mount point of the drive labelled `label`, or None when none is mounted."""
    by_label = Path("/dev/disk/by-label") / label.replace(" ", "\\x20")
    device = os.path.realpath(by_label) if by_label.exists() else None
    if device is not None and mounts.is_file():
        for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split()
            if len(fields) >= 2 and os.path.realpath(fields[0]) == device:
                return Path(fields[1].replace("\\040", " "))
    user = os.environ.get("USER", "")
    for root in MOUNT_ROOTS:
        candidate = Path(root.format(user=user)) / label
        if candidate.is_dir():
            return candidate
    return None


class Uf2Copy(Flasher):
    """Copy firmware.uf2 to the drive a UF2 bootloader presents (CONFIG_UF2_VOLUME_LABEL)."""

    name = "uf2"
    program = "cp"
    image_format = "uf2"
    hint = "the board reboots into the new image when the copy ends"
    label_symbol: ClassVar[str] = "UF2_VOLUME_LABEL"
    start_hint: ClassVar[str] = (
        "start the board's UF2 bootloader (e.g. hold BOOTSEL or double-tap reset)"
    )

    def label(self, view: ConfigView) -> str:
        label = view.values.get(self.label_symbol, "")
        if not label:
            raise MpforgeError(
                f"board {view.board} has no CONFIG_{self.label_symbol}, so the {self.name} "
                "drive cannot be found; set it in the board's Kconfig"
            )
        return label

    def refuses(self, view: ConfigView) -> str | None:
        if view.values.get(self.label_symbol, ""):
            return None
        return f"the board has no CONFIG_{self.label_symbol} naming its drive"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        label = self.label(view)
        volume = find_volume(label)
        target = str(volume / image.name) if volume else f"<drive {label}>/{image.name}"
        return [self.program, str(image), target]

    def missing(self, view: ConfigView) -> str | None:
        label = self.label(view)
        if find_volume(label) is None:
            return f"no drive labelled {label} is mounted; {self.start_hint} and mount the drive"
        return super().missing(view)


class Picotool(Flasher):
    """Raspberry Pi's picotool: loads firmware.uf2 into an RP2040 over USB."""

    name = "picotool"
    program = "picotool"
    image_format = "uf2"
    hint = "picotool reboots a running board into BOOTSEL (-f) and starts the image (-x)"
    families = frozenset({0xE48BFF56})  # the RP2040's UF2 family

    def command(self, image: Path, view: ConfigView) -> list[str]:
        return [self.program, "load", "-f", "-x", str(image)]

    def refuses(self, view: ConfigView) -> str | None:
        return None if self.takes(view) else "picotool programs the RP2040 (rpi_pico) only"


class Bossac(Flasher):
    """BOSSA's bossac: writes firmware.bin through the SAM-BA monitor of the SAMD boards'
    bootloader (its serial port), at the application offset the bootloader expects."""

    name = "bossac"
    program = "bossac"
    image_format = "bin"
    hint = "double-tap reset first: the bootloader's serial port must be there"
    takes_port = True
    families = frozenset({0x68ED2B88, 0x55114460})  # SAMD21, SAMD51

    def command(self, image: Path, view: ConfigView) -> list[str]:
        offset = view.values.get("CORTEX_M_APP_OFFSET", "0x0")
        cmd = [self.program]
        if self.port:
            cmd.append(f"--port={self.port}")
        return [*cmd, "-e", "-w", "-v", "-R", f"--offset={offset}", str(image)]

    def refuses(self, view: ConfigView) -> str | None:
        if self.takes(view):
            return None
        return "bossac programs the SAM-BA bootloader of SAMD chips (feather_m0, itsybitsy_m4) only"


class DaplinkCopy(Uf2Copy):
    """Copy firmware.hex to the drive of a DAPLink interface chip (the micro:bit's
    MICROBIT, CONFIG_DAPLINK_VOLUME_LABEL): it programs the target from the HEX."""

    name = "daplink"
    image_format = "hex"
    hint = "the interface chip programs the target and resets it when the copy ends"
    label_symbol = "DAPLINK_VOLUME_LABEL"
    start_hint = "plug the board's USB in"


class Nrfjprog(Flasher):
    """Nordic's nrfjprog through a J-Link (the nRF52840 DK's on-board one)."""

    name = "nrfjprog"
    program = "nrfjprog"
    image_format = "hex"
    hint = "connect the board's J-Link over USB"

    def command(self, image: Path, view: ConfigView) -> list[str]:
        family = view.values.get("NRFJPROG_FAMILY", "")
        program = ["--program", str(image), "--sectorerase", "--verify", "--reset"]
        return [self.program, "-f", family, *program]

    def refuses(self, view: ConfigView) -> str | None:
        return self._needs(view, "NRFJPROG_FAMILY", "Nordic's nRF chips")


class Esptool(Flasher):
    """esptool (the pinned one, `python -m esptool`) writes every image of the build's
    flash_args (offset, file) through the chip's ROM serial bootloader."""

    name = "esptool"
    program = "esptool"
    image_format = "esp"
    hint = "the board enters its ROM bootloader through the USB-serial adapter's DTR/RTS"
    takes_port = True

    def command(self, image: Path, view: ConfigView) -> list[str]:
        chip = view.values.get("ESP_CHIP", "")
        cmd = [sys.executable, "-m", "esptool", "--chip", chip]
        if self.port:
            cmd += ["--port", self.port]
        layout = image.parent / "flash_args"
        if layout.is_file():
            parts = [str(image.parent / w) if i % 2 else w
                     for i, w in enumerate(layout.read_text(encoding="utf-8").split())]  # fmt: skip
        else:
            parts = [view.values.get("ESP_FLASH_OFFSET", "0x0"), str(image)]
        return [*cmd, "write-flash", *parts]

    def refuses(self, view: ConfigView) -> str | None:
        return self._needs(view, "ESP_CHIP", "Espressif's chips")

    def missing(self, view: ConfigView) -> str | None:
        import importlib.util

        if importlib.util.find_spec("esptool") is None:
            return (
                "esptool not found: install it with `pip install esptool` "
                "(the test extra of pyproject.toml pins it)"
            )
        return None


# In order of preference when a board names no method and produces several formats.
FLASHERS: dict[str, type[Flasher]] = {
    cls.name: cls
    for cls in (DfuUtil, Pyocd, Uf2Copy, Picotool, Bossac, Esptool, DaplinkCopy, Nrfjprog)
}


def flasher_for(view: ConfigView, method: str | None = None) -> Flasher:
    """The flasher named by `method`, else by CONFIG_FLASH_METHOD, else the first whose
    image format the board produces."""
    name = method or view.values.get("FLASH_METHOD", "")
    if not name:
        produced = {fmt for fmt, cls in FORMATS.items() if view.values.get(cls.symbol) == "y"}
        name = next((n for n, f in FLASHERS.items() if f.image_format in produced), "")
    if not name:
        raise MpforgeError(
            f"board {view.board} has no CONFIG_FLASH_METHOD and no flashable image format "
            "(it is not flashable hardware; try `mpforge run`)"
        )
    if name == "uf2" and method is None and Uf2Copy().missing(view) is not None:
        # No UF2 drive mounted: program over USB with the chip's own tool, when installed.
        for usb in (Picotool, Bossac):
            if usb.takes(view) and process.missing(usb.program) is None:
                return usb()
    try:
        flasher = FLASHERS[name]()
    except KeyError:
        raise MpforgeError(
            f"unknown flash method '{name}'; known: " + ", ".join(sorted(FLASHERS))
        ) from None
    reason = flasher.refuses(view)
    if reason is not None:  # `--method bossac` on an STM32 printed a bossac command
        raise MpforgeError(
            f"board {view.board} cannot be flashed with method '{name}': {reason}; " + _usable(view)
        )
    return flasher


def _usable_names(view: ConfigView) -> list[str]:
    """The methods that can program the board: it makes their image and they take it."""
    produced = {fmt for fmt, cls in FORMATS.items() if view.values.get(cls.symbol) == "y"}
    return [
        n for n, f in FLASHERS.items() if f.image_format in produced and f().refuses(view) is None
    ]


def _usable(view: ConfigView) -> str:
    """The methods that can program the board, for an error's fix."""
    names = _usable_names(view)
    return f"its methods: --method {' or '.join(names)}" if names else "it has no flash method"


def _image(build_dir: Path, flasher: Flasher, view: ConfigView) -> Path:
    image = build_dir / flasher.image_name
    if not image.is_file():
        symbol = FORMATS[flasher.image_format].symbol
        if view.values.get(symbol) != "y":  # building cannot help: the board makes none
            raise MpforgeError(
                f"board {view.board} makes no {flasher.image_format} image (CONFIG_{symbol}), "
                f"which method '{flasher.name}' takes; {_usable(view)}"
            )
        raise MpforgeError(
            f"{image} does not exist; build it first with {build_first(build_dir, view.board)}"
        )
    return image


def flash_command(
    build_dir: Path, view: ConfigView, method: str | None = None, port: str | None = None
) -> list[str]:
    """The command that programs the built image; errors if the image or the tool is missing."""
    flasher = flasher_for(view, method)
    if flasher.takes_port:
        flasher.port = port
    image = _image(build_dir, flasher, view)
    problem = flasher.missing(view)
    if problem is not None:
        # The board's other methods (every method was offered, uf2 to an STM32 board too).
        others = [f for f in _usable_names(view) if f != flasher.name]
        raise MpforgeError(
            f"board {view.board} cannot be flashed with method '{flasher.name}': {problem}"
            + (f", or choose --method {' or '.join(others)}" if others else "")
        )
    return flasher.command(image, view)


def flash(
    build_dir: Path,
    view: ConfigView,
    method: str | None = None,
    dry_run: bool = False,
    port: str | None = None,
) -> int:
    flasher = flasher_for(view, method)
    if port is not None:
        if not flasher.takes_port:
            raise MpforgeError(
                f"--port is the serial port of esptool and bossac; method '{flasher.name}' "
                "does not take one (leave --port out)"
            )
        flasher.port = port
    if dry_run:
        # The command is shown even when the tool or the drive is missing (with a note).
        process.call(flasher.command(_image(build_dir, flasher, view), view), dry_run=True)
        problem = flasher.missing(view)
        if problem is not None:
            print(f"note: {problem}", file=sys.stderr)
        return 0
    cmd = flash_command(build_dir, view, method, port)
    print(f"note: {flasher.hint}", file=sys.stderr)
    return process.call(cmd, echo=True)
