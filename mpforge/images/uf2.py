"""UF2 files, as a UF2 bootloader's USB drive takes them (Microsoft's UF2 specification).

Every 512-byte block carries 256 bytes of the image for one flash address: magic
0x0A324655 and 0x9E5D5157, flags (0x2000: the family ID field is set), the target
address, the payload size (256), the block number and count, the family ID, 476
bytes of data (the payload then zeros), and the end magic 0x0AB16F30. Payloads are
256-byte pages aligned to 256, as the RP2040 boot ROM requires; bytes of a page the
image does not cover are written as 0.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from pathlib import Path

from mpforge.errors import MpforgeError
from mpforge.images.elf import Segment

MAGIC_START0 = 0x0A324655
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_FAMILY_ID_PRESENT = 0x00002000
BLOCK_SIZE = 512
PAYLOAD_SIZE = 256
DATA_FIELD_SIZE = 476

# Family IDs of the chips the ports target (the UF2 specification's family list).
FAMILIES = {
    "rp2040": 0xE48BFF56,
    "samd21": 0x68ED2B88,
    "samd51": 0x55114460,
    "nrf52840": 0xADA52840,
}


def pages(segments: Iterable[Segment], page: int = PAYLOAD_SIZE) -> list[tuple[int, bytes]]:
    """The image as (address, `page` bytes) pairs, page-aligned, sorted, gaps left out."""
    contents: dict[int, bytearray] = {}
    for seg in segments:
        for offset, byte in enumerate(seg.data):
            address = seg.address + offset
            base = address - address % page
            buf = contents.setdefault(base, bytearray(page))
            buf[address - base] = byte
    return [(base, bytes(contents[base])) for base in sorted(contents)]


def encode(segments: Sequence[Segment], family_id: int) -> bytes:
    """The .uf2 file holding `segments`, each block tagged with `family_id`."""
    if not 0 < family_id <= 0xFFFFFFFF:
        raise MpforgeError(
            f"UF2 family ID 0x{family_id:x} is not a 32-bit non-zero value; set "
            "CONFIG_UF2_FAMILY_ID (e.g. 0xe48bff56 for the RP2040)"
        )
    blocks = pages(segments)
    out = bytearray()
    for number, (address, payload) in enumerate(blocks):
        header = struct.pack(
            "<8I",
            MAGIC_START0,
            MAGIC_START1,
            FLAG_FAMILY_ID_PRESENT,
            address,
            PAYLOAD_SIZE,
            number,
            len(blocks),
            family_id,
        )
        out += header + payload.ljust(DATA_FIELD_SIZE, b"\0") + struct.pack("<I", MAGIC_END)
    return bytes(out)


def encode_binary(data: bytes, base: int, family_id: int) -> bytes:
    """The .uf2 file of a raw image `data` to be written from flash address `base`."""
    return encode([Segment(base, data)], family_id)


def decode(data: bytes) -> tuple[int, list[Segment]]:
    """The family ID and the (address, payload) blocks of a .uf2 file; checks every block."""
    if len(data) % BLOCK_SIZE:
        raise MpforgeError(f"UF2 data of {len(data)} bytes is not a whole number of blocks")
    family = 0
    out: list[Segment] = []
    count = len(data) // BLOCK_SIZE
    for i in range(count):
        block = data[i * BLOCK_SIZE : (i + 1) * BLOCK_SIZE]
        m0, m1, flags, address, size, number, total, fam = struct.unpack_from("<8I", block)
        (end,) = struct.unpack_from("<I", block, BLOCK_SIZE - 4)
        if (m0, m1, end) != (MAGIC_START0, MAGIC_START1, MAGIC_END):
            raise MpforgeError(f"UF2 block {i}: bad magic")
        if number != i or total != count or size > DATA_FIELD_SIZE:
            raise MpforgeError(f"UF2 block {i}: numbered {number} of {total}, {size} bytes")
        if flags & FLAG_FAMILY_ID_PRESENT:
            family = fam
        out.append(Segment(address, block[32 : 32 + size]))
    return family, out


def write(segments: Sequence[Segment], out: Path, family_id: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(encode(segments, family_id))
