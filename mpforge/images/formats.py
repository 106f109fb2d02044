"""Image formats as classes (esptool's shape): one base class, a thin subclass per format.

A format knows its file name, the Kconfig symbol that turns it on (a board's Kconfig
selects the formats it produces) and how to write itself from the linked ELF. The
SCons image step asks `formats_for(view)` which files to write; `mpforge flash` asks
which formats a board has to pick a flash method (mpforge/flash.py).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.images import dfuse, ihex, uf2
from mpforge.images import elf as elfreader
from mpforge.images.elf import Segment


class ImageFormat:
    """One file written beside firmware.elf."""

    name: ClassVar[str] = "abstract"
    filename: ClassVar[str] = ""
    symbol: ClassVar[str] = ""  # CONFIG_ symbol that makes a board produce it

    @classmethod
    def from_config(cls, view: ConfigView) -> ImageFormat:
        """The format with its parameters from `view` (most formats have none)."""
        return cls()

    def params(self) -> dict[str, str | int]:
        """What the output depends on besides the ELF (part of the build signature)."""
        return {}

    def write(self, elf_path: Path, out: Path) -> None:
        """Write the image of the ELF at `elf_path` to `out`."""
        segments = elfreader.merged(elfreader.read(elf_path).segments)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(self.encode(segments))

    def encode(self, segments: Sequence[Segment]) -> bytes:
        raise NotImplementedError


class BinImage(ImageFormat):
    """The flash contents from the lowest load address, gaps filled with 0 (objcopy's)."""

    name = "bin"
    filename = "firmware.bin"
    symbol = "IMAGE_BIN"

    def encode(self, segments: Sequence[Segment]) -> bytes:
        if not segments:
            return b""
        start = segments[0].address
        out = bytearray(segments[-1].address + len(segments[-1].data) - start)
        for seg in segments:
            out[seg.address - start : seg.address - start + len(seg.data)] = seg.data
        return bytes(out)


class HexImage(ImageFormat):
    name = "hex"
    filename = "firmware.hex"
    symbol = "IMAGE_HEX"

    def write(self, elf_path: Path, out: Path) -> None:
        segments = elfreader.merged(elfreader.read(elf_path).segments)
        ihex.write(segments, out)


class DfuImage(ImageFormat):
    name = "dfu"
    filename = "firmware.dfu"
    symbol = "IMAGE_DFU"

    def encode(self, segments: Sequence[Segment]) -> bytes:
        return dfuse.encode(segments)


class Uf2Image(ImageFormat):
    """UF2 blocks tagged with the chip's family ID, at the image's own load addresses
    (or from `base` for a raw binary: `uf2.encode_binary`)."""

    name = "uf2"
    filename = "firmware.uf2"
    symbol = "IMAGE_UF2"

    def __init__(self, family_id: int) -> None:
        self.family_id = family_id

    @classmethod
    def from_config(cls, view: ConfigView) -> Uf2Image:
        return cls(view.int("UF2_FAMILY_ID"))

    def params(self) -> dict[str, str | int]:
        return {"family_id": self.family_id}

    def encode(self, segments: Sequence[Segment]) -> bytes:
        return uf2.encode(segments, self.family_id)


class EspImage(ImageFormat):
    """An ESP application image, made by esptool's elf2image for CONFIG_ESP_CHIP."""

    name = "esp"
    filename = "firmware.esp.bin"
    symbol = "IMAGE_ESP"
    program = "esptool"
    install = "pip install esptool (the test extra of pyproject.toml pins it)"

    def __init__(self, chip: str, extra: Sequence[str] = ()) -> None:
        self.chip = chip
        self.extra = list(extra)

    @classmethod
    def from_config(cls, view: ConfigView) -> EspImage:
        return cls(view.value("ESP_CHIP"))

    def params(self) -> dict[str, str | int]:
        return {"chip": self.chip, "extra": " ".join(self.extra)}

    def command(self, elf_path: Path, out: Path) -> list[str]:
        return [self.program, "--chip", self.chip, "elf2image", *self.extra, "-o", str(out),
                str(elf_path)]  # fmt: skip

    def write(self, elf_path: Path, out: Path) -> None:
        if shutil.which(self.program) is None:
            raise MpforgeError(f"{self.program} is not installed; install it with {self.install}")
        proc = subprocess.run(
            self.command(elf_path, out), capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise MpforgeError(f"esptool elf2image failed: {proc.stderr.strip()}")


# Every format, in the order a build writes them.
FORMATS: dict[str, type[ImageFormat]] = {
    cls.name: cls for cls in (BinImage, HexImage, DfuImage, Uf2Image, EspImage)
}


def formats_for(view: ConfigView) -> list[ImageFormat]:
    """The formats `view`'s board produces (its IMAGE_* symbols)."""
    return [cls.from_config(view) for cls in FORMATS.values() if view.values.get(cls.symbol) == "y"]


def by_name(name: str, view: ConfigView) -> ImageFormat:
    try:
        return FORMATS[name].from_config(view)
    except KeyError:
        raise MpforgeError(f"unknown image format '{name}'; known: " + ", ".join(FORMATS)) from None
