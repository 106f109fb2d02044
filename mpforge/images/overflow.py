"""The link, and when GNU ld reports that FLASH or RAM overflowed, why.

ld stops without writing the ELF when the sections do not fit: "region `FLASH' overflowed
by N bytes", "address A of F section `.bss' is not within region `DRAM'", or "section
.stack VMA [...] overlaps section .bss VMA [...]" (a stack placed at the top of RAM). Each
becomes an overshoot of its region (the furthest any section reaches past where it may
end). To name what fills the region, the link is redone into a scratch ELF and map with
--noinhibit-exec (ld then writes them despite the overflow) and measured per component
(mpforge.images.size): the error names the largest components (frozen modules, builtin
modules, py/ files...) before the largest single symbols, and its overshoot is the one ld
reported.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from mpforge import process
from mpforge.errors import MpforgeError
from mpforge.images import elf as elfreader
from mpforge.images.lto import linked_by_lto
from mpforge.images.lto import sources as lto_sources
from mpforge.images.size import components, ld_overflow, overflow_error, parse_map

# ld's region names (ports' linker scripts) -> the words of the error.
REGIONS = {"FLASH": "flash", "IROM": "flash", "RAM": "RAM", "DRAM": "RAM", "IRAM": "RAM"}
_NOT_WITHIN = re.compile(
    r"address 0x([0-9a-f]+) of \S+ section `[^']+' is not within region `(\w+)'"
)
_SPAN = r"section \S+ [VL]MA \[([0-9a-f]+),([0-9a-f]+)\]"
_OVERLAP = re.compile(rf"{_SPAN} overlaps {_SPAN}")


def placement_failed(ld_output: str) -> bool:
    """Whether ld's output reports sections that do not fit their memory."""
    return bool(
        ld_overflow(ld_output) or _NOT_WITHIN.search(ld_output) or _OVERLAP.search(ld_output)
    )


def overshoots(ld_output: str, regions: Mapping[str, tuple[int, int]]) -> dict[str, int]:
    """Bytes over per region (name -> bytes) from ld's messages, with the regions' (origin,
    length) from the link map: a reported overflow as is, an address outside its region by
    its distance past the region's end, and two overlapping sections by how far the lower
    one reaches into the higher one (charged to the region holding the higher one)."""
    over: dict[str, int] = dict(ld_overflow(ld_output))

    def charge(region: str | None, n: int) -> None:
        if region is not None and n > 0:
            over[region] = max(over.get(region, 0), n)

    for m in _NOT_WITHIN.finditer(ld_output):
        address, region = int(m.group(1), 16), m.group(2)
        if region in regions:
            origin, length = regions[region]
            charge(region, address - (origin + length))
    for m in _OVERLAP.finditer(ld_output):
        a, b = sorted(
            ((int(m.group(1), 16), int(m.group(2), 16)), (int(m.group(3), 16), int(m.group(4), 16)))
        )
        holder = next((r for r, (o, n) in regions.items() if o <= b[0] < o + n), None)
        charge(holder, a[1] + 1 - b[0])
    return over


_MAP_FLAG = "-Wl,-Map="


def scratch_command(args: Sequence[str], scratch: Path) -> list[str] | None:
    """The link command `args` writing to `scratch` (ELF) and `scratch`.map despite overflow;
    None when the command names no output (-o)."""
    if "-o" not in args:
        return None
    at = list(args).index("-o") + 1
    out = [*args[:at], str(scratch), *args[at + 1 :]]
    out = [a for a in out if not a.startswith(_MAP_FLAG)]
    return [*out, f"{_MAP_FLAG}{scratch}.map", "-Wl,--noinhibit-exec"]


def explain(
    args: Sequence[str],
    output: Path,
    env: Mapping[str, str],
    board: str,
    ld_output: str,
) -> list[MpforgeError]:
    """One error per region ld's output (`ld_output`) reports overfull, from a scratch relink
    of `args` (the command that links `output`)."""
    scratch = output.with_name(output.name + ".overflow")
    cmd = scratch_command(args, scratch)
    if cmd is None:
        return []
    scratch_map = Path(f"{scratch}.map")
    try:
        process.run(cmd, env=env)
        if not scratch.exists() or not scratch_map.exists():
            return []
        parsed = elfreader.read(scratch)
        link_map = parse_map(scratch_map.read_text(encoding="utf-8", errors="replace"))
        # with CONFIG_LTO the map names GCC's temporary objects: the debug information says
        # which source file each symbol came from (mpforge.images.lto)
        lto = lto_sources(scratch) if linked_by_lto(link_map.pieces) else None
    finally:
        for f in (scratch, scratch_map):
            f.unlink(missing_ok=True)
    frozen = output.parent / "gen" / "frozen.c"
    frozen_c = frozen.read_text(encoding="utf-8") if frozen.is_file() else None
    comps = components(parsed, link_map, frozen_c, lto)
    errors = []
    for region, over in overshoots(ld_output, link_map.regions).items():
        if region not in REGIONS or region not in link_map.regions:
            continue
        length = link_map.regions[region][1]
        errors.append(
            overflow_error(
                parsed,
                board,
                REGIONS[region],
                length + over,
                length,
                comps,
                limit_name=f"the linker's {region} region",
            )
        )
    return errors


def link(
    args: Sequence[str], output: Path, env: Mapping[str, str], board: str
) -> int | MpforgeError:
    """Run the link command `args` (writing `output`); ld's own output passes through, and an
    overflow adds one `error:` line per region naming what fills it. Returns ld's status, or
    for an explained overflow the (already printed) error, so the caller adds nothing more."""
    proc = process.run(args, env=env)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0 and placement_failed(proc.stderr):
        errors = explain(args, output, env, board, proc.stderr)
        for error in errors:
            print(f"error: {error.message}", file=sys.stderr)
        if errors:
            return errors[0]
    return proc.returncode
