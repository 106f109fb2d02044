"""ST DfuSe (.dfu) files, as dfu-util and ST's tools flash them (ST UM0391).

Layout: an 11-byte prefix ("DfuSe", version 1, size, target count), per target a
274-byte prefix ("Target", alternate setting, name, size, element count)
followed by its elements (address, size, bytes), then the 16-byte DFU suffix
(device, product, vendor, DFU version 0x011A, "UFD", length 16, CRC-32).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from mpforge.images.elf import Segment

# The STM32 system-memory DFU bootloader's USB IDs (ST AN2606).
ST_VENDOR_ID = 0x0483
ST_DFU_PRODUCT_ID = 0xDF11
ANY_DEVICE_RELEASE = 0xFFFF
DFUSE_VERSION = 0x011A
TARGET_NAME = "Internal Flash"  # alternate setting 0 of the ST bootloader


def encode(
    segments: Sequence[Segment],
    vendor: int = ST_VENDOR_ID,
    product: int = ST_DFU_PRODUCT_ID,
    alt_setting: int = 0,
) -> bytes:
    """The .dfu file holding `segments` as the elements of one target."""
    elements = b"".join(struct.pack("<II", s.address, len(s.data)) + s.data for s in segments)
    name = TARGET_NAME.encode("ascii").ljust(255, b"\0")
    target = (
        struct.pack("<6sBI255sII", b"Target", alt_setting, 1, name, len(elements), len(segments))
        + elements
    )
    prefix = struct.pack("<5sBIB", b"DfuSe", 1, 11 + len(target), 1)
    body = prefix + target
    body += struct.pack("<HHHH3sB", ANY_DEVICE_RELEASE, product, vendor, DFUSE_VERSION, b"UFD", 16)
    # The DFU suffix CRC is CRC-32 without the final inversion zlib applies.
    return body + struct.pack("<I", zlib.crc32(body) ^ 0xFFFFFFFF)


def write(segments: Sequence[Segment], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(encode(segments))
