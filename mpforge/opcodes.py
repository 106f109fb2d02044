"""The bytecode table of py/opcodes.h, read by the tooling: one list, shared with the C core.

py/opcodes.h lists every opcode as OP(byte, name, operand kind, in, net) and the MULTI
ranges as R(first, last, name, in, net). The VM's dispatch, the loader's verifier and
the freezer's bytecode walker (mpforge/frozen/mpy.py) all take the opcodes and their
operand formats from it; this module parses it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mpforge import paths
from mpforge.errors import MpforgeError

OPCODES_H = paths.ROOT / "py" / "opcodes.h"

# Operand kinds (MPF_OPND_*): how many bytes follow the opcode.
VUINT_KINDS = frozenset({"Q", "U", "S", "C", "R", "RB"})  # a vuint (RB: then one raw byte)
JUMP_KINDS = frozenset({"JS", "JSB", "JU"})  # 1 or 2 bytes (JSB: then one raw byte)
KINDS = VUINT_KINDS | JUMP_KINDS | {"NONE"}

_OP = re.compile(r"^\s*OP\((0x[0-9A-Fa-f]+),\s*(\w+),\s*MPF_OPND_(\w+),", re.M)
_RANGE = re.compile(r"^\s*R\((0x[0-9A-Fa-f]+),\s*(0x[0-9A-Fa-f]+),\s*(\w+),", re.M)


@dataclass(frozen=True)
class Opcode:
    byte: int
    name: str
    operand: str  # one of KINDS

    @property
    def has_vuint(self) -> bool:
        return self.operand in VUINT_KINDS

    @property
    def is_jump(self) -> bool:
        return self.operand in JUMP_KINDS

    @property
    def extra_byte(self) -> bool:
        """A raw byte after the operand (MAKE_CLOSURE's cell count, UNWIND_JUMP's depth)."""
        return self.operand in ("RB", "JSB")


def parse(text: str, name: str = "py/opcodes.h") -> dict[int, Opcode]:
    """Every defined byte of the bytecode, from the text of opcodes.h."""
    table: dict[int, Opcode] = {}
    for m in _OP.finditer(text):
        byte, op_name, kind = int(m.group(1), 16), m.group(2), m.group(3)
        if kind not in KINDS:
            raise MpforgeError(f"{name}: opcode {op_name}: unknown operand kind MPF_OPND_{kind}")
        table[byte] = Opcode(byte, op_name, kind)
    for m in _RANGE.finditer(text):
        first, last, op_name = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
        for byte in range(first, last + 1):
            table[byte] = Opcode(byte, op_name, "NONE")
    if not table:
        raise MpforgeError(f"{name}: no OP(...) entries found")
    return table


@cache
def table() -> dict[int, Opcode]:
    """The opcode table of this tree's py/opcodes.h."""
    return parse(Path(OPCODES_H).read_text(encoding="utf-8"), str(OPCODES_H))


def byte_of(name: str) -> int:
    """The byte of opcode `name` (e.g. "IMPORT_NAME"); the first byte of a range."""
    for op in table().values():
        if op.name == name:
            return op.byte
    raise MpforgeError(f"py/opcodes.h has no opcode {name}")
