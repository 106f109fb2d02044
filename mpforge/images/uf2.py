"""UF2 files, as the RP2040's boot ROM (the RPI-RP2 USB drive) takes them (Microsoft's
UF2 specification).

Each 512-byte block carries 256 bytes of payload for one flash address: a 32-byte
header (two start magics, flags, target address, payload size, block number, block
count, family ID), the payload padded to 476 bytes, and the end magic. Flag 0x2000
says the family ID is present; the RP2040's is 0xe48bff56. Blocks cover the image
from its lowest address in order; bytes the image does not define read 0xff (erased
flash).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

from mpforge.images.elf import Segment

MAGIC_START0 = 0x0A324655
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_FAMILY_ID_PRESENT = 0x00002000
BLOCK_SIZE = 512
DATA_AREA = 476
PAYLOAD_SIZE = 256
FAMILY_RP2040 = 0xE48BFF56


def encode(segments: Sequence[Segment], family: int, payload: int = PAYLOAD_SIZE) -> bytes:
    """The UF2 file of `segments` (which must not overlap) for `family`: one block per
    `payload` bytes from the lowest address, the last one padded with 0xff."""
    if not segments:
        return b""
    base = min(s.address for s in segments)
    end = max(s.address + len(s.data) for s in segments)
    image = bytearray(b"\xff" * (end - base))
    for s in segments:
        image[s.address - base : s.address - base + len(s.data)] = s.data
    count = (len(image) + payload - 1) // payload
    blocks = []
    for n in range(count):
        chunk = bytes(image[n * payload : (n + 1) * payload]).ljust(payload, b"\xff")
        header = struct.pack(
            "<8I",
            MAGIC_START0,
            MAGIC_START1,
            FLAG_FAMILY_ID_PRESENT,
            base + n * payload,
            payload,
            n,
            count,
            family,
        )
        blocks.append(header + chunk.ljust(DATA_AREA, b"\0") + struct.pack("<I", MAGIC_END))
    return b"".join(blocks)


def write(segments: Sequence[Segment], out: Path, family: int = FAMILY_RP2040) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(encode(segments, family))
