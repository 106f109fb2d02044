"""Reading .mpy v6.3 files (docs: shared/docs/mpy-format.md), for the freezer and the import check.

`read_mpy(data, name)` returns an MpyFile: the qstr table, the constant table
and the raw-code tree with each function's decoded prelude and opcodes as raw
bytes. Malformed input raises MpyError naming the file and the offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from mpforge import opcodes
from mpforge.errors import MpforgeError

MAGIC = 0x4D
VERSION = 6

# Constant tags (section 5).
CONST_NONE, CONST_FALSE, CONST_TRUE, CONST_ELLIPSIS = 1, 2, 3, 4
CONST_STR, CONST_BYTES, CONST_INT, CONST_FLOAT, CONST_COMPLEX, CONST_TUPLE = 5, 6, 7, 8, 9, 10

# Opcodes the tooling looks at (section 9.2), from py/opcodes.h like every operand format.
OP_IMPORT_NAME = opcodes.byte_of("IMPORT_NAME")
OP_IMPORT_FROM = opcodes.byte_of("IMPORT_FROM")
OP_IMPORT_STAR = opcodes.byte_of("IMPORT_STAR")
OP_STORE_NAME = opcodes.byte_of("STORE_NAME")
OP_STORE_GLOBAL = opcodes.byte_of("STORE_GLOBAL")
OP_LOAD_CONST_SMALL_INT = opcodes.byte_of("LOAD_CONST_SMALL_INT")
OP_BUILD_TUPLE = opcodes.byte_of("BUILD_TUPLE")
OP_LOAD_CONST_OBJ = opcodes.byte_of("LOAD_CONST_OBJ")


class MpyError(ValueError):
    """The file is not valid mpy v6.3; the message says where and what."""


@dataclass(frozen=True)
class Const:
    tag: int
    value: object  # str | bytes | int | float text | tuple[Const, ...] | None


@dataclass
class RawCode:
    """One compiled scope: its prelude fields and the byte ranges of its parts."""

    fun_data: bytes
    n_state: int
    n_exc_stack: int
    scope_flags: int
    n_pos_args: int
    n_kwonly_args: int
    n_def_pos_args: int
    simple_name: int  # qstr-table index
    arg_names: list[int]
    line_info: bytes
    cells: bytes
    code_offset: int  # first opcode within fun_data
    children: list[RawCode] = field(default_factory=list)

    @property
    def code(self) -> bytes:
        return self.fun_data[self.code_offset :]


@dataclass
class MpyFile:
    name: str
    small_int_bits: int
    qstrs: list[str]
    consts: list[Const]
    root: RawCode


class _Reader:
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name, self.pos = data, name, 0

    def fail(self, what: str) -> MpyError:
        return MpyError(f"{self.name}: invalid .mpy at byte {self.pos}: {what}")

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise self.fail("truncated file")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise self.fail(f"truncated file (needs {n} more bytes)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def vuint(self) -> int:
        value = 0
        for _ in range(10):
            b = self.byte()
            value = (value << 7) | (b & 0x7F)
            if not b & 0x80:
                return value
        raise self.fail("variable-length integer longer than 10 bytes")

    def terminated(self, n: int) -> bytes:
        chunk = self.take(n)
        if self.byte() != 0:
            raise self.fail("string not terminated by a 0 byte")
        return chunk


def decode_vuint(data: bytes, pos: int) -> tuple[int, int]:
    """Decode the vuint at data[pos]; returns (value, next position)."""
    value = 0
    while True:
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos


def read_mpy(data: bytes, name: str) -> MpyFile:
    r = _Reader(data, name)
    if len(data) < 4:
        raise MpyError(f"{name}: shorter than the 4-byte .mpy header")
    header = r.take(4)
    if header[0] != MAGIC or header[1] != VERSION:
        raise MpyError(f"{name}: not an mpy v6 file (header {header[:2].hex()})")
    arch = (header[2] >> 2) & 0x2F
    if arch != 0:
        raise MpyError(f"{name}: contains native code (arch {arch}); only bytecode is supported")
    if header[2] & 0x40:
        raise MpyError(f"{name}: architecture flags present; only bytecode is supported")
    n_qstr, n_obj = r.vuint(), r.vuint()
    qstrs = [_qstr(r) for _ in range(n_qstr)]
    consts = [_const(r) for _ in range(n_obj)]
    root = _raw_code(r, n_qstr)
    if r.pos != len(data):
        raise r.fail(f"{len(data) - r.pos} bytes after the end of the code")
    return MpyFile(name, header[3], qstrs, consts, root)


def _qstr(r: _Reader) -> str:
    from mpforge.qstr import STATIC_QSTRS

    v = r.vuint()
    if v & 1:
        index = v >> 1
        if not 1 <= index <= len(STATIC_QSTRS):
            raise r.fail(f"static qstr id {index} out of range 1..{len(STATIC_QSTRS)}")
        return STATIC_QSTRS[index - 1]
    raw = r.terminated(v >> 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise r.fail("qstr is not UTF-8") from None


def _const(r: _Reader) -> Const:
    tag = r.byte()
    if tag in (CONST_NONE, CONST_FALSE, CONST_TRUE, CONST_ELLIPSIS):
        return Const(tag, None)
    if tag == CONST_STR:
        raw = r.terminated(r.vuint())
        try:
            return Const(tag, raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise r.fail("str constant is not UTF-8") from None
    if tag == CONST_BYTES:
        return Const(tag, r.terminated(r.vuint()))
    if tag in (CONST_INT, CONST_FLOAT, CONST_COMPLEX):
        text = r.take(r.vuint()).decode("ascii", "replace")
        if tag == CONST_INT:
            try:
                return Const(tag, int(text, 10))
            except ValueError:
                raise r.fail(f"int constant {text!r} is not a decimal integer") from None
        return Const(tag, text)
    if tag == CONST_TUPLE:
        return Const(tag, tuple(_const(r) for _ in range(r.vuint())))
    raise r.fail(f"unknown constant tag {tag}")


def _raw_code(r: _Reader, n_qstr: int) -> RawCode:
    v = r.vuint()
    kind, has_children, length = v & 3, (v >> 2) & 1, v >> 3
    if kind != 0:
        raise r.fail(f"raw code of kind {kind} (native); only bytecode is supported")
    fun_data = r.take(length)
    rc = _prelude(fun_data, r, n_qstr)
    if has_children:
        rc.children = [_raw_code(r, n_qstr) for _ in range(r.vuint())]
    return rc


def _prelude(fun: bytes, r: _Reader, n_qstr: int) -> RawCode:
    pos = 0

    def nxt() -> int:
        nonlocal pos
        if pos >= len(fun):
            raise r.fail("function prelude runs past its code")
        b = fun[pos]
        pos += 1
        return b

    z = nxt()
    S, E, F, A, K, D = (z >> 3) & 0xF, (z >> 2) & 1, 0, z & 3, 0, 0
    n = 0
    while z & 0x80:
        z = nxt()
        F |= ((z >> 6) & 1) << n
        S |= ((z >> 4) & 3) << (4 + 2 * n)
        K |= ((z >> 3) & 1) << n
        A |= ((z >> 2) & 1) << (2 + n)
        E |= ((z >> 1) & 1) << (1 + n)
        D |= (z & 1) << n
        n += 1
    n_info = n_cell = 0
    n = 0
    while True:
        z = nxt()
        n_info |= ((z >> 1) & 0x3F) << (6 * n)
        n_cell |= (z & 1) << n
        n += 1
        if not z & 0x80:
            break
    info_start = pos
    if info_start + n_info + n_cell > len(fun):
        raise r.fail("source-info and cell sections run past the function's code")
    try:
        simple_name, p = decode_vuint(fun, pos)
        names = []
        for _ in range(A + K):
            q, p = decode_vuint(fun, p)
            names.append(q)
    except IndexError:
        raise r.fail("truncated source-info section") from None
    if p > info_start + n_info:
        raise r.fail("argument names run past the source-info section")
    for q in (simple_name, *names):
        if q >= n_qstr:
            raise r.fail(f"qstr index {q} out of range (the file has {n_qstr})")
    return RawCode(
        fun_data=fun,
        n_state=S + 1,
        n_exc_stack=E,
        scope_flags=F,
        n_pos_args=A,
        n_kwonly_args=K,
        n_def_pos_args=D,
        simple_name=simple_name,
        arg_names=names,
        line_info=fun[p : info_start + n_info],
        cells=fun[info_start + n_info : info_start + n_info + n_cell],
        code_offset=info_start + n_info + n_cell,
    )


def instructions(code: bytes) -> Iterator[tuple[int, int, int | None]]:
    """Yield (offset, opcode, operand) for each instruction (operand: vuint ops only).

    Operand formats come from py/opcodes.h (mpforge.opcodes); a byte it does not define
    is an error (the VM would refuse it too)."""
    table = opcodes.table()
    pos = 0
    while pos < len(code):
        start, op = pos, code[pos]
        pos += 1
        info = table.get(op)
        if info is None:
            raise MpforgeError(
                f"frozen bytecode offset {start}: opcode 0x{op:02x} is not in py/opcodes.h "
                "(an mpy-cross newer than the VM?)"
            )
        operand: int | None = None
        if info.has_vuint:
            operand, pos = decode_vuint(code, pos)
        elif info.is_jump:
            pos += 2 if code[pos] & 0x80 else 1
        if info.extra_byte:
            pos += 1
        yield start, op, operand


def line_of(rc: RawCode, offset: int) -> int:
    """The source line of the instruction at bytecode `offset` (section 7.3)."""
    line, rem, pos, info = 1, offset, 0, rc.line_info
    while pos < len(info):
        b = info[pos]
        if b & 0x80:
            bc, dl = b & 0x0F, ((b >> 4) & 7) << 8 | info[pos + 1]
            pos += 2
        else:
            bc, dl = b & 0x1F, (b >> 5) & 3
            pos += 1
        if rem < bc:
            break
        rem -= bc
        line += dl
    return line


def walk(rc: RawCode) -> Iterator[RawCode]:
    yield rc
    for child in rc.children:
        yield from walk(child)
