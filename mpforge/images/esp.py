"""Espressif images: made by the pinned esptool (`elf2image`), checked by its `image-info`.

esptool runs from the Python that runs mpforge (`python -m esptool`), never a system
copy, so the pinned version (pyproject.toml) writes every image.

An ESP image is a header (magic 0xE9, segment count, SPI flash mode/size/frequency,
entry point; the ESP32 family adds a 16-byte extended header with the chip ID), the
segments (load address, length, data), a one-byte XOR checksum and, on the ESP32
family, a SHA-256 of all of it. The ROM bootloader checks both before it jumps.

Where each image goes in flash (`FlashLayout`) is written beside it as `flash_args`
(esptool's `write-flash` arguments), and the ESP32-C3 build also writes one merged
image of the whole layout (`firmware.esp-merged.bin`, written at offset 0x0).
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mpforge import process
from mpforge.errors import MpforgeError

ESPTOOL = (sys.executable, "-m", "esptool")

# esptool's name of each chip -> the chip ID its image header carries (None: the
# ESP8266's v1 header has none).
CHIP_IDS: dict[str, int | None] = {
    "esp8266": None,
    "esp32": 0,
    "esp32s2": 2,
    "esp32c3": 5,
    "esp32s3": 9,
}


@dataclass(frozen=True)
class FlashLayout:
    """The images of one build and their flash offsets, in write order."""

    parts: tuple[tuple[int, str], ...]  # (offset, file name beside the ELF)

    def flash_args(self) -> str:
        return "".join(f"0x{offset:x} {name}\n" for offset, name in self.parts)


def esptool(*args: str) -> str:
    """Run esptool with `args`; its output, or an error naming the command and what it said."""
    cmd = [*ESPTOOL, *args]
    proc = process.run(cmd)
    if proc.returncode != 0:
        said = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
        raise MpforgeError(
            f"esptool {' '.join(args)} failed (status {proc.returncode}): "
            + (said[-1] if said else "no output")
        )
    return proc.stdout


def elf2image(chip: str, elf: Path, out: Path, flash_mode: str, flash_size: str) -> None:
    """Write the ESP image of `elf` to `out` (for the ESP8266: the prefix of its images)."""
    esptool(
        "--chip", chip, "elf2image", "--flash-mode", flash_mode, "--flash-size", flash_size,
        "-o", str(out), str(elf),
    )  # fmt: skip


@dataclass(frozen=True)
class ImageInfo:
    chip_id: int | None
    entry: int
    segments: int
    checksum_valid: bool
    sha256_valid: bool | None  # None: the format has no digest (ESP8266)


def image_info(chip: str, image: Path) -> ImageInfo:
    """Parse `esptool image-info` of `image`."""
    text = esptool("--chip", chip, "image-info", str(image))
    chip_id = re.search(r"Chip ID:\s*(\d+)", text)
    entry = re.search(r"Entry point:\s*0x([0-9a-fA-F]+)", text)
    segments = re.search(r"Segments:\s*(\d+)", text)
    checksum = re.search(r"Checksum:.*\((valid|invalid)", text)
    digest = re.search(r"Validation hash:.*\((valid|invalid)", text)
    if entry is None or segments is None or checksum is None:
        raise MpforgeError(f"esptool image-info {image}: unexpected output:\n{text}")
    return ImageInfo(
        chip_id=int(chip_id.group(1)) if chip_id else None,
        entry=int(entry.group(1), 16),
        segments=int(segments.group(1)),
        checksum_valid=checksum.group(1) == "valid",
        sha256_valid=None if digest is None else digest.group(1) == "valid",
    )


def check_image(chip: str, image: Path) -> ImageInfo:
    """`image_info`, and an error unless the chip ID, checksum and digest are right."""
    info = image_info(chip, image)
    want = CHIP_IDS[chip]
    problems = []
    if want is not None and info.chip_id != want:
        problems.append(f"chip ID {info.chip_id}, expected {want} ({chip})")
    if not info.checksum_valid:
        problems.append("invalid checksum")
    if want is not None and info.sha256_valid is not True:
        problems.append("missing or invalid SHA-256 digest")
    if problems:
        raise MpforgeError(f"{image}: esptool image-info rejects it: " + ", ".join(problems))
    return info


def merge(chip: str, layout: FlashLayout, directory: Path, out: Path, flash_size: str) -> None:
    """One image of the whole flash layout, to be written at offset 0x0."""
    parts = [x for offset, name in layout.parts for x in (hex(offset), str(directory / name))]
    esptool("--chip", chip, "merge-bin", "--flash-size", flash_size, "-o", str(out), *parts)


def ram_elf(elf: Path) -> Path:
    """The copy of `elf` without its execute-in-place sections (what the ROM loads)."""
    return elf.with_name(elf.stem + "-ram.elf")


def split_execute_in_place(
    objcopy: str, elf: Path, sections: tuple[str, ...], layout: FlashLayout, flash_size: int
) -> None:
    """Split `elf` for an execute-in-place layout: `ram_elf(elf)` without `sections` (for
    elf2image: the part the ROM loads), and the raw bytes of `sections` (objcopy -O binary:
    their load addresses are contiguous) as the layout's second file."""
    if len(layout.parts) != 2:
        raise MpforgeError(f"an execute-in-place layout has two parts, not {layout.parts}")
    offset, name = layout.parts[1]
    removed = [x for section in sections for x in ("-R", section)]
    kept = [x for section in sections for x in ("-j", section)]
    for cmd in (
        [objcopy, *removed, str(elf), str(ram_elf(elf))],
        [objcopy, "-O", "binary", *kept, str(elf), str(elf.with_name(name))],
    ):
        proc = process.run(cmd)
        if proc.returncode != 0:
            raise MpforgeError(f"{' '.join(cmd)} failed: {proc.stderr.strip() or proc.stdout}")
    size = elf.with_name(name).stat().st_size
    if offset + size > flash_size:
        raise MpforgeError(
            f"{name}: {size} bytes at 0x{offset:x} go past the end of the {flash_size}-byte flash"
        )


def check_layout(layout: FlashLayout, directory: Path) -> None:
    """An error if a part of `layout` reaches the offset of the next one."""
    parts = sorted(layout.parts)
    for (offset, name), (next_offset, next_name) in itertools.pairwise(parts):
        end = offset + (directory / name).stat().st_size
        if end > next_offset:
            raise MpforgeError(
                f"{name} ends at 0x{end:x}, past 0x{next_offset:x} where {next_name} starts: "
                "move the later part (CONFIG_ESP32C3_XIP_OFFSET) or make the first smaller"
            )
