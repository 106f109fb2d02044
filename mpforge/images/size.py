"""The size report of a linked image: flash and RAM used of what the board has.

Flash holds the read-only sections and the initial values of .data; RAM holds
.data, .bss (the GC heap is in it) and the reserved stack. An image larger than
the board's flash stops the build with the overshoot and the largest symbols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mpforge import paths
from mpforge.errors import MpforgeError
from mpforge.images.elf import SHF_EXECINSTR, SHF_WRITE, Elf, Section, Symbol
from mpforge.images.lto import LTRANS, as_object

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


# How many components an overflow error lists before the single symbols.
TOP_COMPONENTS = 6


def largest_components(comps: list[Component], region: str, n: int = TOP_COMPONENTS) -> str:
    """The `n` largest components (frozen modules, builtin modules, py/ files, libraries...) in
    `region`, as one line; for flash, what the linker itself adds is left out."""
    if region == "flash":
        ranked = sorted(
            (c for c in comps if c.flash and c.group not in ("reserve", "linker")),
            key=lambda c: (-c.flash, c.name),
        )
        return ", ".join(f"{c.name} {c.flash}" for c in ranked[:n])
    ranked = sorted((c for c in comps if c.ram), key=lambda c: (-c.ram, c.name))
    return ", ".join(f"{c.name} {c.ram}" for c in ranked[:n])


def overflow_error(
    elf: Elf,
    board: str,
    region: str,
    used: int,
    size: int,
    comps: list[Component] | None = None,
    limit_name: str | None = None,
) -> MpforgeError:
    """The error for an image needing `used` bytes of `region` where the board has `size`.

    With `comps` (the image's components), the largest of them come first, then the largest
    single symbols. `limit_name` says where `size` comes from (default: CONFIG_FLASH_SIZE or
    CONFIG_RAM_SIZE).
    """
    symbol = "FLASH_SIZE" if region == "flash" else "RAM_SIZE"
    hint = (
        "turn off core features (`mpforge menuconfig`; `mpforge size --symbols` lists what each "
        "costs), freeze fewer modules, or choose terse error messages"
        if region == "flash"
        else "lower CONFIG_HEAP_SIZE or the stack size"
    )
    parts = [
        f"board {board}: image larger than {region}: it needs {used} bytes, "
        f"{limit_name or 'CONFIG_' + symbol} is {size}: {used - size} bytes over."
    ]
    if comps is not None:
        parts.append(f"Largest components: {largest_components(comps, region) or 'none found'}.")
        parts.append(f"Largest symbols: {largest(elf, region) or 'none found'}.")
    else:
        parts.append(f"Largest contributors: {largest(elf, region) or 'none found'}.")
    parts.append(f"Things to try: {hint}")
    return MpforgeError(" ".join(parts))


# ---------------------------------------------------------------------------
# Per-component sizes (`mpforge size`), from the link map GNU ld writes and the ELF.

# The link map's header lines of its two parts that matter here.
_MEMORY = "Memory Configuration"
_LAYOUT = "Linker script and memory map"
_REGION = re.compile(r"^(\w+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)")
# An output section (column 0) or an input section (column 1): name, address, size, file.
_ENTRY = re.compile(r"^( ?)(\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)(?:\s+(\S.*?))?\s*$")
_ENTRY_NAME = re.compile(r"^( ?)(\S+)$")  # a long name: address and size follow on the next line
_ENTRY_REST = re.compile(r"^\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)(?:\s+(\S.*?))?\s*$")
# Symbols of gen/frozen.c: frozen_<module>_<kind><n>[_<part>] (mpforge/frozen/emit.py).
_FROZEN_SYMBOL = re.compile(r"^frozen_(\w+?)_[a-z]+\d+(?:_[a-z]+)?$")
_FROZEN_COMMENT = re.compile(r"^/\* (\S+): .* \*/$", re.MULTILINE)

# Component names that are not a source file, a module or a library.
PADDING = "(alignment padding)"
LINKER = "(linker generated)"
STACK = "(stack reserve)"
HEAP = "(GC heap)"
FROZEN_SHARED = "frozen (pool, tables, strings)"
LTO_REST = "(LTO: literals without a symbol)"


@dataclass(frozen=True)
class Component:
    name: str
    group: str  # core, module, port, frozen, lib, reserve, linker
    text: int
    data: int
    bss: int

    @property
    def flash(self) -> int:
        return self.text + self.data

    @property
    def ram(self) -> int:
        return self.data + self.bss


@dataclass(frozen=True)
class LinkMap:
    regions: dict[str, tuple[int, int]]  # memory region -> (origin, length)
    # output section -> its input pieces: (input section, address, size, file or "" for fill)
    pieces: dict[str, list[tuple[str, int, int, str]]]


def parse_map(text: str, name: str = "firmware.map") -> LinkMap:
    """The memory regions and each output section's input pieces of a GNU ld map."""
    if _LAYOUT not in text:
        raise MpforgeError(
            f"{name}: not a GNU ld link map (no '{_LAYOUT}' part); rebuild the board"
        )
    head, layout = text.split(_LAYOUT, 1)
    regions: dict[str, tuple[int, int]] = {}
    if _MEMORY in head:
        for line in head.split(_MEMORY, 1)[1].splitlines():
            m = _REGION.match(line)
            if m and m.group(1) != "Name":
                regions[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16))
    pieces: dict[str, list[tuple[str, int, int, str]]] = {}
    current: list[tuple[str, int, int, str]] | None = None
    pending: tuple[bool, str] | None = None  # (is input section, name) awaiting its numbers
    for line in layout.splitlines():
        entry: tuple[bool, str, int, int, str] | None = None
        if pending is not None:
            rest = _ENTRY_REST.match(line)
            if rest:
                entry = (
                    pending[0],
                    pending[1],
                    int(rest.group(1), 16),
                    int(rest.group(2), 16),
                    rest.group(3) or "",
                )
            pending = None
        if entry is None:
            m = _ENTRY.match(line)
            if m:
                entry = (
                    m.group(1) == " ",
                    m.group(2),
                    int(m.group(3), 16),
                    int(m.group(4), 16),
                    m.group(5) or "",
                )
            else:
                named = _ENTRY_NAME.match(line)
                if (
                    named
                    and not named.group(2).startswith(("*(", "0x"))
                    and "(" not in named.group(2)
                ):
                    pending = (named.group(1) == " ", named.group(2))
                continue
        is_input, sec, address, size, file = entry
        if not is_input:
            current = pieces.setdefault(sec, [])
        elif current is not None and size:
            if sec == "*fill*":
                file = ""
            current.append((sec, address, size, file.split(" load address")[0]))
    return LinkMap(regions, pieces)


_OBJECT = re.compile(r"(?:^|/)(py|gen)/([^/]+)\.o$")
_PORT_OBJECT = re.compile(r"(?:^|/)ports/([^/]+)/(?:.*/)?([^/]+)\.o$")
_ARCHIVE = re.compile(r"(?:^|/)(lib[\w+-]+)\.a\(")
_LIBS = {
    "libc": "libc",
    "libc_nano": "libc",
    "libg": "libc",
    "libg_nano": "libc",
    "libnosys": "libc",
    "libm": "libm",
    "libgcc": "libgcc",
}


def _owner(file: str, section: str, layer: frozenset[str]) -> tuple[str, str]:
    """(component, group) of one input piece of the link."""
    if not file:
        return PADDING, "linker"
    m = _OBJECT.search(file)
    if m:
        where, stem = m.groups()
        if where == "gen":
            return (FROZEN_SHARED, "frozen") if stem == "frozen" else (f"gen/{stem}.c", "core")
        if stem.startswith("mod_"):
            return f"module {stem[4:]}", "module"
        return f"py/{stem}.c", "core"
    m = _PORT_OBJECT.search(file)
    if m:
        port, stem = m.groups()
        if section.endswith(".heap"):
            return HEAP, "reserve"
        return (f"port {'cortex_m' if stem in layer else port}", "port")
    m = _ARCHIVE.search(file)
    if m:
        return _LIBS.get(m.group(1), m.group(1)), "lib"
    base = file.rsplit("/", 1)[-1]
    if base.startswith("crt") and base[3:4] in ("b", "e", "f"):  # crtbegin, crtend, crtfastmath
        return "libgcc", "lib"
    if base.endswith(".o") and "crt" in base:  # crt1.o, crti.o, crtn.o, Scrt1.o
        return "libc", "lib"
    return LINKER, "linker"


def _layer_stems(port: str) -> frozenset[str]:
    """Files of the shared Cortex-M layer that a Cortex-M port compiles as its own objects."""
    layer = paths.ROOT / "ports" / "cortex_m"
    own = paths.ROOT / "ports" / port
    return frozenset(p.stem for p in layer.glob("*.c") if not (own / p.name).exists())


def _frozen_names(frozen_c: str | None) -> dict[str, str]:
    """Symbol stem -> dotted module name, from the module comments of gen/frozen.c."""
    if not frozen_c:
        return {}
    return {re.sub(r"\W", "_", n): n for n in _FROZEN_COMMENT.findall(frozen_c)}


def components(
    elf: Elf,
    link_map: LinkMap,
    frozen_c: str | None = None,
    lto_sources: dict[int, str] | None = None,
) -> list[Component]:
    """Every byte of the allocated sections attributed to one component; sorted by flash then RAM.

    The sums of text, data and bss over the result equal report(elf)'s, as Berkeley `size` counts:
    what the map does not explain in a section (gaps the script's ALIGN leaves, sections the
    linker makes) is LINKER. A piece of a link-time optimised object is split by its symbols,
    each going to the source file `lto_sources` (address -> file, mpforge.images.lto) names;
    the rest of it (string literals, constants without a symbol) is LTO_REST.
    """
    names = _frozen_names(frozen_c)
    symbols = sorted(
        (s for s in elf.symbols if s.name.startswith("frozen_")), key=lambda s: s.address
    )
    layer_cache: dict[str, frozenset[str]] = {}
    sums: dict[tuple[str, str], dict[str, int]] = {}

    def add(name: str, group: str, kind: str, size: int) -> None:
        sums.setdefault((name, group), {"text": 0, "data": 0, "bss": 0})[kind] += size

    for section in elf.sections:
        if not (section.allocated and section.size):
            continue
        kind = _kind(section)
        explained = 0
        pieces = link_map.pieces.get(section.name, [])
        ends = [p[1] for p in pieces[1:]] + [section.address + section.size]
        for (sec, address, listed, file), end in zip(pieces, ends, strict=True):
            # Merged strings (.str1.1) are listed at their size before merging: a piece
            # holds only what lies before the next one.
            size = max(0, min(listed, end - address))
            explained += size
            if section.name == ".stack" and not file:
                add(STACK, "reserve", kind, size)
                continue
            port = _PORT_OBJECT.search(file)
            if port and port.group(1) not in layer_cache:
                layer_cache[port.group(1)] = _layer_stems(port.group(1))
            layer = layer_cache.get(port.group(1), frozenset()) if port else frozenset()
            if lto_sources is not None and LTRANS.search(file):
                parts = _lto_split(elf.symbols, lto_sources, address, size)
            else:
                parts = [(_owner(file, sec, layer), address, size)]
            for (name, group), at, part in parts:
                if name == FROZEN_SHARED:
                    for module, frozen in _frozen_split(symbols, names, (at, part)).items():
                        add(module, "frozen", kind, frozen)
                        part -= frozen
                add(name, group, kind, part)
        if section.size != explained:
            add(LINKER, "linker", kind, section.size - explained)
    out = [Component(n, g, v["text"], v["data"], v["bss"]) for (n, g), v in sums.items()]
    return sorted(out, key=lambda c: (-c.flash, -c.ram, c.name))


def _lto_split(
    symbols: tuple[Symbol, ...], lto_sources: dict[int, str], address: int, size: int
) -> list[tuple[tuple[str, str], int, int]]:
    """A piece of a link-time optimised object as ((component, group), address, size) parts:
    its symbols by the file each came from, and the rest as LTO_REST. Symbols at an address
    already counted are aliases (GCC's identical-code folding names one body
    `f.lto_priv.0`, `g.lto_priv.1`...): the body's bytes count once."""
    parts: list[tuple[tuple[str, str], int, int]] = []
    left = size
    counted: set[int] = set()
    for sym in symbols:
        if sym.address < address or sym.address + sym.size > address + size:
            continue
        if sym.address in counted:
            continue
        source = lto_sources.get(sym.address)
        if source is None:
            continue
        obj = as_object(source)
        port = _PORT_OBJECT.search(obj)
        layer = _layer_stems(port.group(1)) if port else frozenset()
        # The section a build without LTO would have given it (-fdata-sections): the GC heap
        # is told by its name.
        owner = _owner(obj, f".{sym.name}", layer)
        if owner == (LINKER, "linker"):
            continue
        counted.add(sym.address)
        parts.append((owner, sym.address, sym.size))
        left -= sym.size
    parts.append(((LTO_REST, "linker"), address, left))
    return parts


def _frozen_split(
    symbols: list[Symbol], names: dict[str, str], piece: tuple[int, int]
) -> dict[str, int]:
    """The bytes of each frozen module's symbols inside one input piece (address, size)."""
    address, size = piece
    stems = sorted(names, key=len, reverse=True)  # the longest module name that fits wins
    out: dict[str, int] = {}
    for sym in symbols:
        if sym.address < address or sym.address + sym.size > address + size:
            continue
        stem = next((s for s in stems if sym.name.startswith(f"frozen_{s}_")), None)
        if stem is None:
            m = _FROZEN_SYMBOL.match(sym.name)
            if not m:
                continue
            stem = m.group(1)
        module = f"frozen {names.get(stem, stem)}"
        out[module] = out.get(module, 0) + sym.size
    return out
