"""The size report of a linked image: flash and RAM used of what the board has.

Flash holds the read-only sections and the initial values of .data; RAM holds
.data, .bss (the GC heap is in it) and the reserved stack. An image larger than
the board's flash stops the build with the overshoot and the largest symbols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mpforge.errors import MpforgeError
from mpforge.images.elf import SHF_EXECINSTR, SHF_WRITE, Elf, Section

# How many symbols an overflow error lists as the largest contributors.
TOP_CONTRIBUTORS = 8

# GNU ld's message when sections do not fit a MEMORY region.
_LD_OVERFLOW = re.compile(r"region `(\w+)' overflowed by (\d+) bytes")


@dataclass(frozen=True)
class SizeReport:
    text: int  # code and constants (Berkeley `size` text)
    data: int  # initialised RAM: counted in flash and in RAM
    bss: int  # zeroed RAM, the heap and the stack included
    flash_size: int
    ram_size: int

    @property
    def flash_used(self) -> int:
        return self.text + self.data

    @property
    def ram_used(self) -> int:
        return self.data + self.bss

    def summary(self, board: str) -> str:
        """Two lines for the build log."""
        return (
            f"{board}: text {self.text}  data {self.data}  bss {self.bss}\n"
            f"{board}: flash {_used(self.flash_used, self.flash_size)}  "
            f"RAM {_used(self.ram_used, self.ram_size)}"
        )


def _used(used: int, total: int) -> str:
    if total <= 0:
        return f"{used} bytes"
    return f"{used} of {total} bytes ({100 * used / total:.1f}%)"


def _kind(section: Section) -> str:
    if section.nobits:
        return "bss"
    if section.flags & SHF_WRITE:
        return "data"
    return "text"


def report(elf: Elf, flash_size: int, ram_size: int) -> SizeReport:
    """Sum the allocated sections of `elf` by kind, as Berkeley `size` does."""
    sums = {"text": 0, "data": 0, "bss": 0}
    for s in elf.sections:
        if s.allocated and s.size:
            sums[_kind(s)] += s.size
    return SizeReport(sums["text"], sums["data"], sums["bss"], flash_size, ram_size)


def ld_overflow(output: str) -> dict[str, int]:
    """Regions GNU ld reported as overflowed in `output`, with the bytes over."""
    return {m.group(1): int(m.group(2)) for m in _LD_OVERFLOW.finditer(output)}


def check_fits(elf: Elf, rep: SizeReport, board: str) -> None:
    """Raise an error naming the overshoot and largest contributors if flash or RAM is exceeded."""
    if rep.flash_size > 0 and rep.flash_used > rep.flash_size:
        raise overflow_error(elf, board, "flash", rep.flash_used, rep.flash_size)
    if rep.ram_size > 0 and rep.ram_used > rep.ram_size:
        raise overflow_error(elf, board, "RAM", rep.ram_used, rep.ram_size)


def _in_flash(section: Section) -> bool:
    return section.allocated and not section.nobits and not section.flags & SHF_WRITE


def _in_ram(section: Section) -> bool:
    return section.allocated and bool(section.nobits or section.flags & SHF_WRITE)


def largest(elf: Elf, region: str, n: int = TOP_CONTRIBUTORS) -> str:
    """The `n` largest symbols placed in `region` ("flash" or "RAM"), as one line."""
    wanted = _in_flash if region == "flash" else _in_ram
    names = {s.name for s in elf.sections if wanted(s)}
    code = {s.name for s in elf.sections if s.flags & SHF_EXECINSTR}
    biggest = sorted(
        (sym for sym in elf.symbols if sym.section in names),
        key=lambda sym: (-sym.size, sym.name),
    )[:n]
    kinds = {True: "code", False: "data" if region == "RAM" else "const"}
    return ", ".join(f"{sym.name} {sym.size} ({kinds[sym.section in code]})" for sym in biggest)


def overflow_error(elf: Elf, board: str, region: str, used: int, size: int) -> MpforgeError:
    """The error for an image needing `used` bytes of `region` where the board has `size`."""
    symbol = "FLASH_SIZE" if region == "flash" else "RAM_SIZE"
    hint = (
        "turn off core features (`mpforge menuconfig`), freeze fewer modules, "
        "or choose terse error messages"
        if region == "flash"
        else "lower CONFIG_HEAP_SIZE or the stack size"
    )
    return MpforgeError(
        f"board {board}: image larger than {region}: it needs {used} bytes, "
        f"CONFIG_{symbol} is {size}: {used - size} bytes over. "
        f"Largest contributors: {largest(elf, region) or 'none found'}. Things to try: {hint}"
    )
