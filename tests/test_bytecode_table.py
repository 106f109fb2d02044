"""py/opcodes.h is the one bytecode table: the freezer's walker reads its operand formats,
and the VM's switch dispatch (CONFIG_VM_DISPATCH_SWITCH) tests its ranges."""

from __future__ import annotations

import pytest

from mpforge import opcodes
from mpforge.errors import MpforgeError
from mpforge.frozen.mpy import OP_IMPORT_NAME, instructions


def test_table_comes_from_opcodes_h() -> None:
    table = opcodes.table()
    assert table[0x1B] == opcodes.Opcode(0x1B, "IMPORT_NAME", "Q")
    assert OP_IMPORT_NAME == 0x1B
    assert table[0x20].operand == "RB" and table[0x40].operand == "JSB"
    assert table[0x4B].operand == "JU" and table[0x63].operand == "NONE"
    # the MULTI ranges take no operand
    assert {table[b].name for b in range(0x70, 0xB0)} == {"LOAD_CONST_SMALL_INT_MULTI"}
    assert 0xD4 not in table and 0x00 not in table


def test_parse_rejects_an_unknown_operand_kind() -> None:
    with pytest.raises(MpforgeError, match="MPF_OPND_ZZ"):
        opcodes.parse("    OP(0x10, X, MPF_OPND_ZZ, 0, 1) \\\n")


def test_walker_uses_the_operand_formats() -> None:
    code = bytes(
        [
            0x20, 0x81, 0x01, 0x02,  # MAKE_CLOSURE child 129, 2 cells
            0x42, 0x80, 0x01,        # JUMP, two-byte offset
            0x40, 0x05, 0x01,        # UNWIND_JUMP, one-byte offset, depth
            0x1B, 0x07,              # IMPORT_NAME qstr 7
            0x85,                    # LOAD_CONST_SMALL_INT_MULTI
            0x63,                    # RETURN_VALUE
        ]
    )  # fmt: skip
    assert list(instructions(code)) == [
        (0, 0x20, 129),
        (4, 0x42, None),
        (7, 0x40, None),
        (10, 0x1B, 7),
        (12, 0x85, None),
        (13, 0x63, None),
    ]


def test_walker_refuses_an_undefined_opcode() -> None:
    with pytest.raises(MpforgeError, match="opcode 0xd4 is not in py/opcodes.h"):
        list(instructions(bytes([0x51, 0xD4])))
