"""Intel HEX output, written by the intelhex library from the image's load segments."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from intelhex import IntelHex

from mpforge.images.elf import Segment


def write(segments: Iterable[Segment], out: Path, start: int | None = None) -> None:
    """Write `segments` as Intel HEX to `out`; `start` is the entry address record (type 5)."""
    ih = IntelHex()
    for seg in segments:
        ih.frombytes(seg.data, offset=seg.address)
    if start is not None:
        ih.start_addr = {"EIP": start}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="ascii", newline="\n") as f:
        ih.write_hex_file(f, write_start_addr=start is not None)
