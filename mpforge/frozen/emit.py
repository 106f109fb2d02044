"""Turning compiled .mpy files into C data that the core executes in place from flash.

For every module: its bytecode functions as const mpf_raw_code_t structs
(children first), its constants as const objects, and its qstr table as an
array of VM qstr ids. Strings the core's pool lacks form one sorted frozen
pool whose ids follow the core's. Everything is const; output depends only
on the inputs (modules sorted by name, strings in qstr pool order).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from mpforge.config.fragment import display_path
from mpforge.errors import MpforgeError
from mpforge.frozen.compile import Compiled
from mpforge.frozen.mpy import (
    CONST_BYTES,
    CONST_COMPLEX,
    CONST_ELLIPSIS,
    CONST_FALSE,
    CONST_FLOAT,
    CONST_INT,
    CONST_NONE,
    CONST_STR,
    CONST_TRUE,
    CONST_TUPLE,
    OP_LOAD_CONST_OBJ,
    Const,
    MpyFile,
    RawCode,
    instructions,
    line_of,
    read_mpy,
    walk,
)
from mpforge.qstr import _c_literal as c_literal
from mpforge.qstr import frozen_order, qstr_hash

# Strings and bytes constants at least this long get a named array (see _Emitter.const).
NAMED_DATA_MIN = 64
_SINGLETONS = {
    CONST_NONE: "MPF_OBJ_NONE",
    CONST_FALSE: "MPF_OBJ_FALSE",
    CONST_TRUE: "MPF_OBJ_TRUE",
    CONST_ELLIPSIS: "MPF_OBJ_ELLIPSIS",
}


def _float_literal(value: float) -> str:
    """A C expression for exactly `value` (hex float; INFINITY / NAN from math.h)."""
    if value == math.inf:
        return "INFINITY"
    if value == -math.inf:
        return "-INFINITY"
    if math.isnan(value):
        return "NAN"
    return value.hex()


def const_lines(mpy: MpyFile) -> dict[int, int]:
    """Constant-table index -> the first source line that loads it (LOAD_CONST_OBJ)."""
    lines: dict[int, int] = {}
    for rc in walk(mpy.root):
        for offset, op, operand in instructions(rc.code):
            if op == OP_LOAD_CONST_OBJ and operand is not None and operand not in lines:
                lines[operand] = line_of(rc, offset)
    return lines


def mpz_digits(magnitude: int, bits: int) -> list[int]:
    """The digits of a non-negative int in base 2**bits, least significant first."""
    digits = []
    while magnitude:
        digits.append(magnitude & ((1 << bits) - 1))
        magnitude >>= bits
    return digits


class _Emitter:
    def __init__(
        self,
        core_pool: Sequence[bytes],
        small_int_bits: int,
        floats: bool,
        big_ints: str,
        complex_numbers: bool,
    ) -> None:
        self.ids = {s: i + 1 for i, s in enumerate(core_pool)}
        self.first_frozen_id = len(core_pool) + 1
        self.small_int_bits = small_int_bits
        self.floats = floats
        self.big_ints = big_ints  # "none", "longlong" or "mpz" (CONFIG_INT_BIG_*)
        self.complex_numbers = complex_numbers  # CONFIG_BUILTIN_COMPLEX
        self.lines: list[str] = []
        self.counter = 0
        self.module = ""  # C-safe name of the module being emitted

    def fresh(self, prefix: str) -> str:
        """A new C name, carrying the module's: the size report and nm name its data."""
        self.counter += 1
        return f"{self.module}_{prefix}{self.counter}" if self.module else f"{prefix}{self.counter}"

    # Constants -------------------------------------------------------------
    def const(self, c: Const, where: str, site: str = "") -> str:
        """`where`: the module; `site`: file:line of the code loading the constant."""
        if c.tag in _SINGLETONS:
            return _SINGLETONS[c.tag]
        if c.tag in (CONST_STR, CONST_BYTES):
            data = c.value.encode("utf-8") if isinstance(c.value, str) else bytes(c.value)
            name = self.fresh("str")
            kind = "str" if c.tag == CONST_STR else "bytes"
            # NUL-terminated, as the core expects. A long one gets an array of its own, so
            # that it shows up by name in the size report; short ones stay literals, which
            # the linker merges across modules.
            text = c_literal(data)
            if len(data) >= NAMED_DATA_MIN:
                self.lines.append(f"static const char {name}_data[] = {text};")
                text = f"{name}_data"
            self.lines.append(
                f"static const mpf_str_t {name} = {{{{&mpf_type_{kind}}}, {qstr_hash(data)}, "
                f"{len(data)}, (const uint8_t *){text}}};"
            )
            return f"MPF_OBJ_FROM_PTR(&{name})"
        if c.tag == CONST_INT:
            assert isinstance(c.value, int)
            limit = 1 << (self.small_int_bits - 1)
            if -limit <= c.value < limit:
                return f"MPF_OBJ_SMALL_INT({c.value})"
            return self.big_int(c.value, where)
        if c.tag == CONST_FLOAT:
            if not self.floats:
                raise MpforgeError(
                    f"{where}: uses the float constant {c.value}, but floats are off in this "
                    "configuration (CONFIG_FLOAT_NONE); select CONFIG_FLOAT_SINGLE or _DOUBLE"
                )
            literal = _float_literal(float(str(c.value)))
            name = self.fresh("flt")
            self.lines.append(
                f"static const mpf_float_obj_t {name} = {{{{&mpf_type_float}}, {literal}}};"
            )
            return f"MPF_OBJ_FROM_PTR(&{name})"
        if c.tag == CONST_TUPLE:
            assert isinstance(c.value, tuple)
            items = [self.const(item, where, site) for item in c.value]
            name = self.fresh("tup")
            self.lines.append(
                f"static const mpf_tuple_t {name} = {{{{&mpf_type_tuple}}, {len(items)}, "
                f"{{{', '.join(items)}}}}};"
            )
            return f"MPF_OBJ_FROM_PTR(&{name})"
        assert c.tag == CONST_COMPLEX
        return self.complex_const(str(c.value), site or where)

    def complex_const(self, text: str, site: str) -> str:
        """An imaginary literal (mpy text "2j", or "(a+bj)") as a const complex object."""
        if not self.complex_numbers:
            raise MpforgeError(
                f"{site}: uses the complex constant {text}, but complex numbers are off in this "
                "configuration; enable CONFIG_BUILTIN_COMPLEX (it needs CONFIG_FLOAT_SINGLE "
                "or _DOUBLE)"
            )
        try:
            value = complex(text)
        except ValueError:
            raise MpforgeError(f"{site}: malformed complex constant {text!r} in the .mpy") from None
        name = self.fresh("cpx")
        self.lines.append(
            f"static const mpf_complex_obj_t {name} = {{{{&mpf_type_complex}}, "
            f"{_float_literal(value.real)}, {_float_literal(value.imag)}}};"
        )
        return f"MPF_OBJ_FROM_PTR(&{name})"

    def big_int(self, value: int, where: str) -> str:
        """An int beyond the small-int range as a const mpz (sign, digits low first)."""
        if self.big_ints == "none" or (
            self.big_ints == "longlong" and not -(1 << 63) <= value < (1 << 63)
        ):
            raise MpforgeError(
                f"{where}: the integer constant {value} does not fit this configuration's ints "
                f"(CONFIG_INT_BIG_{self.big_ints.upper()}); select CONFIG_INT_BIG_MPZ"
            )
        name = self.fresh("int")
        # py/mpz.h picks the digit size per target (MPF_MPZ_DIG_BITS): emit every layout
        # (a 64-bit digit may exceed the largest signed constant: unsigned suffix)
        layouts = (
            ("#if MPF_MPZ_DIG_BITS == 64", 64, "u"),
            ("#elif MPF_MPZ_DIG_BITS == 32", 32, ""),
            ("#else", 16, ""),
        )
        for directive, bits, suffix in layouts:
            self.lines.append(directive)
            digits = mpz_digits(abs(value), bits)
            self.lines.append(
                f"static const mpf_int_big_t {name} = {{{{&mpf_type_int}}, {int(value < 0)}, "
                f"{len(digits)}, {{{', '.join(f'{d}{suffix}' for d in digits)}}}}};"
            )
        self.lines.append("#endif")
        return f"MPF_OBJ_FROM_PTR(&{name})"

    # Code ------------------------------------------------------------------
    def raw_code(self, rc: RawCode) -> str:
        children = [self.raw_code(child) for child in rc.children]
        name = self.fresh("rc")
        fun = ", ".join(str(b) for b in rc.fun_data)
        self.lines.append(f"static const uint8_t {name}_fun[{len(rc.fun_data)}] = {{{fun}}};")
        children_ref = "NULL"
        if children:
            refs = ", ".join(f"&{c}" for c in children)
            self.lines.append(f"static const mpf_raw_code_t *const {name}_children[] = {{{refs}}};")
            children_ref = f"{name}_children"
        args_ref = "NULL"
        if rc.arg_names:
            self.lines.append(
                f"static const uint16_t {name}_args[] = "
                f"{{{', '.join(str(a) for a in rc.arg_names)}}};"
            )
            args_ref = f"{name}_args"
        info_end = rc.code_offset - len(rc.cells)
        info_start = info_end - len(rc.line_info)
        self.lines += [
            f"static const mpf_raw_code_t {name} = {{",
            f"    .code = {name}_fun + {rc.code_offset},",
            f"    .code_end = {name}_fun + {len(rc.fun_data)},",
            f"    .line_info = {name}_fun + {info_start},",
            f"    .line_info_end = {name}_fun + {info_end},",
            f"    .arg_names = {args_ref},",
            f"    .children = {children_ref},",
            f"    .n_children = {len(children)},",
            f"    .simple_name = {rc.simple_name},",
            f"    .n_state = {rc.n_state},",
            f"    .n_exc_stack = {rc.n_exc_stack},",
            f"    .scope_flags = {rc.scope_flags},",
            f"    .n_pos_args = {rc.n_pos_args},",
            f"    .n_kwonly_args = {rc.n_kwonly_args},",
            f"    .n_def_pos_args = {rc.n_def_pos_args},",
            f"    .n_cell = {len(rc.cells)},",
            f"    .cells = {name}_fun + {info_end},",
            "};",
        ]
        return name


def _flat(consts: Sequence[Const]) -> list[Const]:
    """The constants with the items of constant tuples, recursively."""
    out: list[Const] = []
    for k in consts:
        out.append(k)
        if k.tag == CONST_TUPLE:
            assert isinstance(k.value, tuple)
            out += _flat(k.value)
    return out


def emit_frozen_c(
    compiled: Sequence[Compiled],
    core_pool: Sequence[bytes],
    small_int_bits: int,
    floats: bool,
    big_ints: str = "mpz",
    complex_numbers: bool = False,
) -> str:
    """The whole gen/frozen.c for these modules (sorted by import name).

    `complex_numbers`: CONFIG_BUILTIN_COMPLEX; without it an imaginary literal fails the
    build naming its file:line.
    """
    modules = sorted(compiled, key=lambda c: c.module.name)
    parsed: list[tuple[Compiled, MpyFile]] = []
    extra: set[bytes] = set()
    e = _Emitter(core_pool, small_int_bits, floats, big_ints, complex_numbers)
    for c in modules:
        mpy = read_mpy(c.mpy, c.module.source_name)
        parsed.append((c, mpy))
        extra.update(q.encode("utf-8") for q in mpy.qstrs if q.encode("utf-8") not in e.ids)
    frozen_pool = sorted(extra, key=frozen_order)
    for i, s in enumerate(frozen_pool):
        if len(s) > 255:
            raise MpforgeError(f"a name of {len(s)} bytes in frozen code is too long (max 255)")
        e.ids[s] = e.first_frozen_id + i
    table = []
    for c, mpy in parsed:
        where = f"{c.module.source} (frozen module {c.module.name})"
        prefix = f"/* {c.module.name}: {c.module.source_name} */"
        e.lines.append(prefix)
        e.module = "frozen_" + re.sub(r"\W", "_", c.module.name)
        qids = ", ".join(str(e.ids[q.encode("utf-8")]) for q in mpy.qstrs)
        qname = e.fresh("qstrs")
        e.lines.append(f"static const mpf_qstr_t {qname}[] = {{{qids}}};")
        consts_ref = "NULL"
        if mpy.consts:
            # lines only matter for an error about a complex constant
            has_complex = any(k.tag == CONST_COMPLEX for k in _flat(mpy.consts))
            lines = const_lines(mpy) if has_complex else {}
            source = display_path(c.module.source)
            refs = [
                e.const(k, where, f"{source}:{lines[i]}" if i in lines else "")
                for i, k in enumerate(mpy.consts)
            ]
            consts_ref = e.fresh("consts")
            e.lines.append(f"static const mpf_obj_t {consts_ref}[] = {{{', '.join(refs)}}};")
        root = e.raw_code(mpy.root)
        is_package = "true" if c.module.is_package else "false"
        table.append(f'    {{"{c.module.name}", {is_package}, &{root}, {qname}, {consts_ref}}},')
    pool = [f"    {{{qstr_hash(s)}, {len(s)}, {c_literal(s)}}}," for s in frozen_pool]
    out = [
        f"/* Generated by mpforge: {len(modules)} frozen modules. Do not edit. */",
        '#include "mpf.h"',
        "#if CONFIG_INT_BIG",
        '#include "mpz.h"',
        "#endif",
        "#if CONFIG_FLOAT",
        "#include <math.h>",
        "#endif",
        "",
        *e.lines,
        "",
        "/* Strings of frozen code missing from the core's pool, sorted; ids follow the core's. */",
        'const mpf_qstr_entry_t mpf_frozen_qstr_pool[] = {{0, 0, ""},\n' + "\n".join(pool) + "\n};",
        f"const size_t mpf_frozen_qstr_count = {len(frozen_pool)};",
        "",
        "const mpf_frozen_module_t mpf_frozen_modules[] = {",
        # (mpf_frozen_count bounds every walk: no end entry, but C needs one entry at least)
        *(table or ["    {NULL, false, NULL, NULL, NULL},"]),
        "};",
        f"const size_t mpf_frozen_count = {len(modules)};",
        "",
    ]
    return "\n".join(out)
