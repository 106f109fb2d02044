"""What the image writers and the size report need from a linked ELF, read with pyelftools.

Loadable segments by load address, sections, and sized function/object symbols,
as plain frozen dataclasses (the rest of mpforge never sees pyelftools).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile
from elftools.elf.sections import SymbolTableSection

from mpforge.errors import MpforgeError

SHT_NOBITS = 8
SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4


@dataclass(frozen=True)
class Segment:
    """Bytes to program at `address` (a PT_LOAD segment's physical address and file bytes)."""

    address: int
    data: bytes


@dataclass(frozen=True)
class Section:
    name: str
    kind: int  # SHT_NOBITS, or 1 for any section with contents
    flags: int
    address: int  # run address (VMA)
    size: int

    @property
    def allocated(self) -> bool:
        return bool(self.flags & SHF_ALLOC)

    @property
    def nobits(self) -> bool:
        return self.kind == SHT_NOBITS


@dataclass(frozen=True)
class Symbol:
    name: str
    address: int
    size: int
    section: str  # name of the section it is in


@dataclass(frozen=True)
class Elf:
    segments: tuple[Segment, ...]
    sections: tuple[Section, ...]
    symbols: tuple[Symbol, ...]


def read(path: Path, native: bool = False) -> Elf:
    """Parse the ELF file at `path`; anything else is an error naming the file.
    `native` also accepts the host port's executable (any class and byte order)."""
    return parse(path.read_bytes(), str(path), native)


def parse(data: bytes, name: str = "<elf>", native: bool = False) -> Elf:
    try:
        f = ELFFile(io.BytesIO(data))
        if not native and (f.elfclass != 32 or not f.little_endian):
            raise MpforgeError(f"{name}: not a 32-bit little-endian ELF (ARM Cortex-M expected)")
        segments = tuple(
            sorted(
                (
                    Segment(seg["p_paddr"], seg.data())
                    for seg in f.iter_segments()
                    if seg["p_type"] == "PT_LOAD" and seg["p_filesz"] > 0
                ),
                key=lambda s: s.address,
            )
        )
        sections = tuple(
            Section(
                s.name,
                SHT_NOBITS if s["sh_type"] == "SHT_NOBITS" else 1,
                s["sh_flags"],
                s["sh_addr"],
                s["sh_size"],
            )
            for s in f.iter_sections()
        )
        symbols = _symbols(f, sections)
    except ELFError as e:
        raise MpforgeError(f"{name}: not an ELF file ({e})") from None
    return Elf(segments, sections, symbols)


def _symbols(f: ELFFile, sections: tuple[Section, ...]) -> tuple[Symbol, ...]:
    table = f.get_section_by_name(".symtab")
    if not isinstance(table, SymbolTableSection):
        return ()
    out = []
    for sym in table.iter_symbols():
        index = sym["st_shndx"]
        if sym["st_info"]["type"] not in ("STT_FUNC", "STT_OBJECT") or sym["st_size"] == 0:
            continue
        if not isinstance(index, int) or index >= len(sections):
            continue
        # Bit 0 of a Thumb function's address is the Thumb bit, not part of the address.
        func = sym["st_info"]["type"] == "STT_FUNC"
        address = sym["st_value"] & ~1 if func else sym["st_value"]
        out.append(Symbol(sym.name, address, sym["st_size"], sections[index].name))
    return tuple(out)


def merged(segments: tuple[Segment, ...]) -> list[Segment]:
    """Adjacent segments joined, so one contiguous image is one block."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].address + len(out[-1].data) == seg.address:
            out[-1] = Segment(out[-1].address, out[-1].data + seg.data)
        else:
            out.append(seg)
    return out
