"""The link, and when GNU ld reports that FLASH or RAM overflowed, why.

ld stops at "region `FLASH' overflowed by N bytes" without writing the ELF. To name what
fills the region, the link is redone into a scratch ELF and map with --noinhibit-exec
(ld then writes them despite the overflow) and measured per component (mpforge.images.size):
the error names the largest components (frozen modules, builtin modules, py/ files...)
before the largest single symbols, and its overshoot is the one ld reported.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from mpforge import process
from mpforge.errors import MpforgeError
from mpforge.images import elf as elfreader
from mpforge.images.lto import linked_by_lto
from mpforge.images.lto import sources as lto_sources
from mpforge.images.size import components, ld_overflow, overflow_error, parse_map

# ld's region names -> the words of the error.
REGIONS = {"FLASH": "flash", "RAM": "RAM"}
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
    overflowed: Mapping[str, int],
) -> list[MpforgeError]:
    """One error per region ld reported in `overflowed` (region -> bytes over), from a scratch
    relink of `args` (the command that links `output`)."""
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
    for region, over in overflowed.items():
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
    overflowed = ld_overflow(proc.stderr)
    if proc.returncode != 0 and set(overflowed) & set(REGIONS):
        errors = explain(args, output, env, board, overflowed)
        for error in errors:
            print(f"error: {error.message}", file=sys.stderr)
        if errors:
            return errors[0]
    return proc.returncode
