"""Which source file each function and variable of a link-time optimised image came from.

With CONFIG_LTO the linker sees one object the compiler made at the link (a
`*.ltrans.o` in a temporary directory), so the link map no longer names the source
files. GCC's debug information still does: the link's compilation unit
("<artificial>") holds one entry per function and variable with its address, whose
abstract origin lies in the unit of the file it was written in (the compile step's
early debug information, named by its path in the tree).
"""

from __future__ import annotations

import re
from pathlib import Path

from elftools.common.exceptions import DWARFError, ELFError
from elftools.dwarf.die import DIE
from elftools.elf.elffile import ELFFile

from mpforge.errors import MpforgeError

# An input file of the link that GCC's LTO generated (its name is a temporary file's).
LTRANS = re.compile(r"\.ltrans\d*\.ltrans\.o$|\.ltrans\d*\.o$")

_DW_OP_ADDR = 0x03
_LINK_UNIT = b"<artificial>"


def _address(die: DIE) -> int | None:
    """The address of a function with code or a variable with a fixed place, else None."""
    if die.tag == "DW_TAG_subprogram":
        low = die.attributes.get("DW_AT_low_pc")
        return None if low is None else low.value & ~1
    if die.tag == "DW_TAG_variable":
        loc = die.attributes.get("DW_AT_location")
        if loc is None or loc.form != "DW_FORM_exprloc" or len(loc.value) < 5:
            return None
        if loc.value[0] != _DW_OP_ADDR:
            return None
        size = die.cu.structs.address_size
        return int.from_bytes(bytes(loc.value[1 : 1 + size]), "little")
    return None


def _origin_file(die: DIE) -> str | None:
    """The source file (the name of the compilation unit) where `die` was declared."""
    for _ in range(8):  # origins chain at most a few steps (inlined copies, declarations)
        for attr in ("DW_AT_abstract_origin", "DW_AT_specification"):
            if attr in die.attributes:
                die = die.get_DIE_from_attribute(attr)
                break
        else:
            break
    name = die.cu.get_top_DIE().attributes.get("DW_AT_name")
    if name is None or name.value == _LINK_UNIT:
        return None
    return name.value.decode("utf-8", "replace")


def sources(path: Path) -> dict[int, str]:
    """Address -> source file (its path in the tree, e.g. "py/vm.c") of every function and
    variable the debug information of the link-time optimised ELF at `path` places."""
    out: dict[int, str] = {}
    try:
        with path.open("rb") as fh:
            f = ELFFile(fh)
            if not f.has_dwarf_info():
                return out
            for cu in f.get_dwarf_info().iter_CUs():
                name = cu.get_top_DIE().attributes.get("DW_AT_name")
                if name is None or name.value != _LINK_UNIT:
                    continue
                for die in cu.iter_DIEs():
                    address = _address(die)
                    if address is None:
                        continue
                    source = _origin_file(die)
                    if source is not None:
                        out.setdefault(address, source)
    except (ELFError, DWARFError) as e:
        raise MpforgeError(f"{path}: unreadable debug information ({e}); rebuild") from None
    return out


def as_object(source: str) -> str:
    """The object file name a build without LTO would have linked for `source`."""
    return re.sub(r"\.[cS]$", ".o", source)


def linked_by_lto(pieces: dict) -> bool:
    """Whether a link map's pieces (section -> (address, size, section, file) tuples) come
    from a link-time optimised object."""
    return any(LTRANS.search(p[3]) for ps in pieces.values() for p in ps)
