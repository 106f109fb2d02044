"""Malformed .mpy files: the host firmware rejects each with a clean error, never a crash.

Every case is a small .mpy image assembled here byte by byte (the layout of
/work/shared/docs/mpy-format.md), or a real mpy-cross output cut short. Each runs as
`<build>/firmware case.mpy` on every host build (build/host and the ASan+UBSan
build/host_asan, or MPFORGE_HOST_BUILD) and must exit with status 1 and an
`error: <file>: ...` line on stderr that names the file and the fault, with no
traceback and no sanitizer report. A well-formed image made by the same assembler
runs, so the cases fail for the one fault each introduces.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from corpus_runner import find_mpy_cross, host_build_dirs

# ---------------------------------------------------------------------------
# A small .mpy assembler (mpy-format.md sections 2-7)
# ---------------------------------------------------------------------------

HEADER = bytes([0x4D, 0x06, 0x00, 0x1F])  # 'M', v6, bytecode only, 31-bit small ints

# Opcode bytes used below (section 9.2).
LOAD_NAME, STORE_NAME = 0x11, 0x16
LOAD_CONST_OBJ = 0x23
CALL_FUNCTION = 0x34
MAKE_FUNCTION = 0x32
JUMP, POP_JUMP_IF_FALSE = 0x42, 0x44
SETUP_EXCEPT, POP_EXCEPT_JUMP = 0x48, 0x4A
LOAD_CONST_NONE, POP_TOP, DUP_TOP, ROT_THREE = 0x51, 0x59, 0x57, 0x5B
RETURN_VALUE = 0x63


def small_int(v: int) -> int:
    """LOAD_CONST_SMALL_INT_MULTI for -16 <= v <= 47."""
    return 0x80 + v


def vuint(v: int) -> bytes:
    groups = [v & 0x7F]
    v >>= 7
    while v:
        groups.append(0x80 | (v & 0x7F))
        v >>= 7
    return bytes(reversed(groups))


def signature(
    n_state: int, n_exc: int = 0, flags: int = 0, n_pos: int = 0, n_kwonly: int = 0, n_def: int = 0
) -> bytes:
    s, e, f, a, k, d = n_state - 1, n_exc, flags, n_pos, n_kwonly, n_def
    z = ((s & 0xF) << 3) | ((e & 1) << 2) | (a & 3)
    s, e, a = s >> 4, e >> 1, a >> 2
    out = []
    while s or e or f or a or k or d:
        out.append(z | 0x80)
        z = (
            ((f & 1) << 6)
            | ((s & 3) << 4)
            | ((k & 1) << 3)
            | ((a & 1) << 2)
            | ((e & 1) << 1)
            | (d & 1)
        )
        s, e, f, a, k, d = s >> 2, e >> 1, f >> 1, a >> 1, k >> 1, d >> 1
    out.append(z)
    return bytes(out)


def size_field(n_info: int, n_cell: int = 0) -> bytes:
    out = []
    while True:
        z = ((n_info & 0x3F) << 1) | (n_cell & 1)
        n_info, n_cell = n_info >> 6, n_cell >> 1
        if n_info or n_cell:
            out.append(z | 0x80)
        else:
            out.append(z)
            return bytes(out)


@dataclass
class Fun:
    """One bytecode raw code: prelude fields, opcodes, children."""

    code: bytes
    n_state: int = 4
    n_exc: int = 0
    name: int = 1  # qstr index of the simple name
    lines: bytes = b""
    children: list[Fun] = field(default_factory=list)
    child_count: int | None = None  # override the stored count

    def encode(self) -> bytes:
        info = vuint(self.name) + self.lines
        fun_data = signature(self.n_state, self.n_exc) + size_field(len(info)) + info + self.code
        n = len(self.children) if self.child_count is None else self.child_count
        out = vuint((len(fun_data) << 3) | ((1 if n else 0) << 2)) + fun_data
        if n:
            out += vuint(n) + b"".join(c.encode() for c in self.children)
        return out


def qstr_inline(s: str) -> bytes:
    b = s.encode()
    return vuint(len(b) << 1) + b + b"\x00"


def qstr_static(qid: int) -> bytes:
    return vuint((qid << 1) | 1)


def const_str(s: str) -> bytes:
    b = s.encode()
    return bytes([5]) + vuint(len(b)) + b + b"\x00"


def const_int(text: str) -> bytes:
    return bytes([7]) + vuint(len(text)) + text.encode()


def const_complex(text: str) -> bytes:
    return bytes([9]) + vuint(len(text)) + text.encode()


# qstr 0 file name, 1 "<module>" (static 7), 2 "print" (static 123), 3 "x"
QSTRS = [qstr_inline("case.py"), qstr_static(7), qstr_static(123), qstr_inline("x")]


def image(
    top: Fun,
    qstrs: list[bytes] | None = None,
    consts: list[bytes] | None = None,
    n_qstr: int | None = None,
    n_obj: int | None = None,
    header: bytes = HEADER,
) -> bytes:
    qstrs = QSTRS if qstrs is None else qstrs
    consts = [] if consts is None else consts
    return (
        header
        + vuint(len(qstrs) if n_qstr is None else n_qstr)
        + vuint(len(consts) if n_obj is None else n_obj)
        + b"".join(qstrs)
        + b"".join(consts)
        + top.encode()
    )


def module(code: bytes, **kw) -> Fun:
    return Fun(code=code, **kw)


# print("ok") with "ok" a str constant; then return None
PRINT_OK = bytes(
    [LOAD_NAME, 2, LOAD_CONST_OBJ, 0, CALL_FUNCTION, 1, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]
)
OK_CONSTS = [const_str("ok")]


# ---------------------------------------------------------------------------
# The cases: name -> (image bytes, words the error message must contain)
# ---------------------------------------------------------------------------


def malformed_cases() -> dict[str, tuple[bytes, tuple[str, ...]]]:
    c: dict[str, tuple[bytes, tuple[str, ...]]] = {}
    good = image(module(PRINT_OK), consts=OK_CONSTS)
    # header
    c["bad_magic"] = (b"X" + good[1:], ("magic",))
    c["bad_version"] = (good[:1] + b"\x05" + good[2:], ("version",))
    c["native_arch"] = (good[:2] + b"\x0b" + good[3:], ("native",))
    c["small_int_bits"] = (good[:3] + b"\x7f" + good[4:], ("small-int",))
    c["header_only"] = (HEADER[:3], ("short",))
    # truncated / trailing
    c["truncated_code"] = (good[:-3], ("truncated",))
    c["trailing_bytes"] = (good + b"\x00", ("trailing",))
    # bad counts
    c["qstr_count_too_big"] = (image(module(PRINT_OK), consts=OK_CONSTS, n_qstr=40), ("",))
    c["obj_count_too_big"] = (image(module(PRINT_OK), consts=OK_CONSTS, n_obj=5), ("",))
    c["child_count_too_big"] = (
        image(
            module(
                PRINT_OK, children=[module(bytes([LOAD_CONST_NONE, RETURN_VALUE]))], child_count=3
            ),
            consts=OK_CONSTS,
        ),
        ("",),
    )
    c["zero_qstrs"] = (image(module(PRINT_OK), qstrs=[], consts=OK_CONSTS), ("qstr",))
    # bad opcodes
    c["undefined_opcode"] = (
        image(module(bytes([0x00, LOAD_CONST_NONE, RETURN_VALUE]))),
        ("opcode",),
    )
    c["undefined_opcode_ff"] = (
        image(module(bytes([LOAD_CONST_NONE, 0xFF, RETURN_VALUE]))),
        ("opcode",),
    )
    c["operand_overruns"] = (
        image(module(bytes([LOAD_CONST_NONE, RETURN_VALUE, LOAD_NAME]))),
        ("truncated",),
    )
    # bad constants
    c["const_unknown_tag"] = (image(module(PRINT_OK), consts=[bytes([11])]), ("constant",))
    c["const_native_table"] = (image(module(PRINT_OK), consts=[bytes([0])]), ("native",))
    c["const_bad_int"] = (image(module(PRINT_OK), consts=[const_int("12x")]), ("int",))
    # rejected with and without CONFIG_BUILTIN_COMPLEX (then as disabled)
    c["const_bad_complex"] = (image(module(PRINT_OK), consts=[const_complex("1+")]), ("complex",))
    c["const_str_no_nul"] = (image(module(PRINT_OK), consts=[bytes([5, 2]) + b"okX"]), ("NUL",))
    c["const_index_out_of_range"] = (
        image(
            module(bytes([LOAD_CONST_OBJ, 3, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE])),
            consts=OK_CONSTS,
        ),
        ("constant index",),
    )
    # bad qstr indices
    c["qstr_index_out_of_range"] = (
        image(module(bytes([LOAD_NAME, 9, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]))),
        ("qstr index",),
    )
    c["static_qstr_out_of_range"] = (
        image(module(PRINT_OK), qstrs=[QSTRS[0], qstr_static(200), *QSTRS[2:]], consts=OK_CONSTS),
        ("static qstr",),
    )
    c["function_name_out_of_range"] = (
        image(module(PRINT_OK, name=30), consts=OK_CONSTS),
        ("name",),
    )
    # bad jump targets
    c["jump_into_instruction"] = (
        image(
            module(bytes([JUMP, 0x40 + 1, LOAD_NAME, 2, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]))
        ),
        ("boundary",),
    )
    c["jump_past_end"] = (
        image(module(bytes([JUMP, 0x40 + 20, LOAD_CONST_NONE, RETURN_VALUE]))),
        ("outside",),
    )
    c["jump_before_start"] = (
        image(module(bytes([LOAD_CONST_NONE, JUMP, 0x40 - 10, RETURN_VALUE]))),
        ("outside",),
    )
    # stack depth (the static pass)
    c["stack_overflow"] = (
        image(module(bytes([small_int(1)] * 5 + [POP_TOP] * 4 + [RETURN_VALUE]), n_state=3)),
        ("overflows",),
    )
    c["stack_underflow"] = (
        image(module(bytes([POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]))),
        ("underflow",),
    )
    c["rot_three_underflow"] = (
        image(module(bytes([LOAD_CONST_NONE, ROT_THREE, RETURN_VALUE]))),
        ("underflow",),
    )
    c["return_empty_stack"] = (image(module(bytes([RETURN_VALUE]))), ("underflow",))
    c["call_underflow"] = (
        image(module(bytes([LOAD_NAME, 2, CALL_FUNCTION, 5, RETURN_VALUE]))),
        ("underflow",),
    )
    c["depth_mismatch_at_join"] = (
        image(
            module(
                bytes(
                    [
                        LOAD_CONST_NONE,
                        POP_JUMP_IF_FALSE,
                        0x40 + 1,
                        LOAD_CONST_NONE,
                        LOAD_CONST_NONE,
                        RETURN_VALUE,
                    ]
                )
            )
        ),
        ("inconsistent",),
    )
    c["falls_off_end"] = (image(module(bytes([LOAD_CONST_NONE, POP_TOP]))), ("past the end",))
    c["exc_stack_too_deep"] = (
        image(
            module(
                bytes([SETUP_EXCEPT, 2, POP_EXCEPT_JUMP, 0, LOAD_CONST_NONE, RETURN_VALUE]), n_exc=0
            )
        ),
        ("n_exc_stack",),
    )
    c["pop_except_outside_try"] = (
        image(module(bytes([POP_EXCEPT_JUMP, 0, LOAD_CONST_NONE, RETURN_VALUE]), n_exc=1)),
        ("outside",),
    )
    c["locals_fill_frame"] = (
        image(
            module(
                bytes([LOAD_CONST_NONE, 0xC3, LOAD_CONST_NONE, DUP_TOP, POP_TOP, RETURN_VALUE]),
                n_state=4,
            )
        ),
        ("overflows",),
    )
    # raw codes
    c["native_raw_code"] = (
        image(module(PRINT_OK), consts=OK_CONSTS)[: -len(module(PRINT_OK).encode())]
        + bytes([(len(PRINT_OK) << 3) | 1])
        + PRINT_OK,
        ("native",),
    )
    c["child_index_out_of_range"] = (
        image(module(bytes([MAKE_FUNCTION, 0, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]))),
        ("child",),
    )
    return c


# LOAD_CONST_SMALL_INT operands (signed vuint, mpy-format.md section 3.2): minimal
# encodings of the edge values, and redundant ones whose top bits only repeat the sign
# and whose bytes are all defined opcodes, so that a pass misreading the operand's
# length (the stack verifier once sized it as an unsigned vuint, which overflows on
# -2^30 with 32-bit words and on a 10-byte operand with 64-bit ones) walks into them
# and overflows the 4-slot frame instead of accepting the valid file.
SMALL_INT_OPERANDS = [
    bytes([0x40]),  # -64
    bytes([0x3F]),  # 63
    bytes([0xFF, 0x3F]),  # -65
    bytes([0x80, 0x40]),  # 64
    bytes([0x83, 0xFF, 0xFF, 0xFF, 0x7F]),  # 2**30 - 1
    bytes([0xFC, 0x80, 0x80, 0x80, 0x00]),  # -2**30 (basics/int_edge_small.py)
    bytes([0xF0, 0x80, 0x80, 0x80, 0x57]),  # 87 in 32 bits
    bytes([0xF8] + [0x80] * 8 + [0x57]),  # 87 in 64 bits
    bytes([0xFF] * 9 + [0x7F]),  # -1 in 64 bits
    bytes([0xC0] + [0x80] * 7 + [0x00]),  # -2**62
    bytes([0xBF] + [0xFF] * 7 + [0x7F]),  # 2**62 - 1
    bytes([0x80] * 10 + [0x01]),  # 11 bytes: more than a word needs
]
LOAD_CONST_SMALL_INT = 0x22


def small_int_value(enc: bytes, small_int_bits: int) -> int | None:
    """The value the VM reads from [enc] (a word of small_int_bits + 1 bits), or None
    if the loader must reject it (more bytes than a word needs, or not a small int)."""
    word = small_int_bits + 1
    if len(enc) > (word + 6) // 7:
        return None
    v = -1 if enc[0] & 0x40 else 0
    for b in enc:
        v = (v << 7) | (b & 0x7F)
    v &= (1 << word) - 1
    if v >> (word - 1):
        v -= 1 << word
    return v if -(1 << (small_int_bits - 1)) <= v < (1 << (small_int_bits - 1)) else None


# Verified bytecode whose stack item the compiler always makes a small int holds another
# object (a forged file): the VM raises RuntimeError, never reads the object as a small
# int (a failed tag check on CONFIG_CHECK_TAGS builds, a wrong import level or an
# iterator index from a pointer's bits elsewhere).
FORGED_ITEMS = {
    # None as the level of `import x`
    "import_level": bytes(
        [LOAD_CONST_NONE, LOAD_CONST_NONE, 0x1B, 3, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]
    ),
    # None as the star bitmap of print(*...)
    "call_star_bitmap": bytes(
        [LOAD_NAME, 2, LOAD_CONST_NONE, 0x35, 0, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]
    ),
    # an inline list iterator (1, [], None, None) whose index is None
    "for_iter_index": bytes(
        [
            *(small_int(1), 0x2B, 0, LOAD_CONST_NONE, LOAD_CONST_NONE),
            *(0x4B, 3, POP_TOP, JUMP, 0x40 - 5, LOAD_CONST_NONE, RETURN_VALUE),
        ]
    ),
    # STORE_MAP into None, not BUILD_MAP's dict
    "store_map_target": bytes(
        [LOAD_CONST_NONE] * 3 + [0x62, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]
    ),
    # MAKE_FUNCTION_DEFARGS given 5 as the default tuple (argument binding reads a tuple)
    "defargs_tuple": bytes([small_int(5), 0x53, 0x33, 0, POP_TOP, LOAD_CONST_NONE, RETURN_VALUE]),
    # END_FINALLY given the unwind count 128 (no block to leave) over None, not a target
    "unwind_target": bytes(
        [
            *(0x49, 1, LOAD_CONST_NONE, POP_TOP, LOAD_CONST_NONE, 0x22, 0x81, 0x00),
            *(0x5D, LOAD_CONST_NONE, RETURN_VALUE),
        ]
    ),
}

CASES = malformed_cases()
BUILDS = host_build_dirs()


def kconfig_value(build: Path, name: str) -> str:
    for line in (build / ".config").read_text().splitlines():
        if line.startswith(name + "="):
            return line.split("=", 1)[1]
    raise AssertionError(f"{name} not in {build}/.config")


def firmware_of(build: Path) -> Path:
    fw = build / "firmware"
    if not fw.is_file():
        pytest.fail(f"{fw} not found: run `mpforge build -b {build.name}` first")
    return fw


def run(build: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(firmware_of(build)), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_rejected(
    proc: subprocess.CompletedProcess[str], path: Path, words: tuple[str, ...]
) -> None:
    where = f"stdout={proc.stdout!r} stderr={proc.stderr!r}"
    assert proc.returncode == 1, f"exit status {proc.returncode}, expected 1: {where}"
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, f"expected one error: line: {where}"
    assert str(path) in lines[0], f"the error does not name the file: {where}"
    for w in words:
        assert w in lines[0], f"the error does not mention {w!r}: {where}"
    for bad in ("Traceback", "AddressSanitizer", "runtime error", "Segmentation"):
        assert bad not in proc.stderr, f"{bad} in stderr: {where}"
    assert proc.stdout == "", f"the file ran: {where}"


@pytest.mark.parametrize("build", BUILDS, ids=[b.name for b in BUILDS])
class TestLoader:
    def test_assembler_makes_a_valid_file(self, build: Path, tmp_path: Path) -> None:
        path = tmp_path / "case.mpy"
        path.write_bytes(image(module(PRINT_OK), consts=OK_CONSTS))
        proc = run(build, path)
        assert (proc.returncode, proc.stdout) == (0, "ok\n"), proc.stderr

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_malformed_rejected(self, build: Path, tmp_path: Path, name: str) -> None:
        data, words = CASES[name]
        path = tmp_path / f"{name}.mpy"
        path.write_bytes(data)
        assert_rejected(run(build, path), path, words)

    @pytest.mark.parametrize("enc", SMALL_INT_OPERANDS, ids=lambda e: e.hex())
    def test_small_int_operand(self, build: Path, tmp_path: Path, enc: bytes) -> None:
        """Every encoding of a small int the VM reads is accepted and prints its value;
        one it cannot read is rejected as such."""
        bits = int(kconfig_value(build, "CONFIG_MPY_SMALL_INT_BITS"))
        code = bytes([LOAD_NAME, 2, LOAD_CONST_SMALL_INT, *enc, CALL_FUNCTION, 1, POP_TOP])
        path = tmp_path / "case.mpy"
        path.write_bytes(image(module(code + bytes([LOAD_CONST_NONE, RETURN_VALUE]), n_state=4)))
        proc = run(build, path)
        value = small_int_value(enc, bits)
        if value is None:
            assert_rejected(proc, path, ("small int",))
        else:
            assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"{value}\n", "")

    @pytest.mark.parametrize("name", sorted(FORGED_ITEMS))
    def test_forged_stack_item(self, build: Path, tmp_path: Path, name: str) -> None:
        path = tmp_path / f"{name}.mpy"
        child = [module(bytes([LOAD_CONST_NONE, RETURN_VALUE]))] if name == "defargs_tuple" else []
        path.write_bytes(image(module(FORGED_ITEMS[name], n_state=8, n_exc=1, children=child)))
        proc = run(build, path)
        where = f"stdout={proc.stdout!r} stderr={proc.stderr!r}"
        assert proc.returncode == 1, where
        last = proc.stderr.splitlines()[-1] if proc.stderr else ""
        # (without the VM's fast paths FOR_ITER asks the list itself for its next item)
        # (terse builds print the exception's name only)
        assert last in ("RuntimeError: invalid bytecode", "RuntimeError") or (
            name == "for_iter_index" and last.startswith("TypeError: ")
        ), where
        for bad in ("AddressSanitizer", "runtime error", "tag check"):
            assert bad not in proc.stderr, where

    def test_complex_constant(self, build: Path, tmp_path: Path) -> None:
        """Tag 9 (mpy-cross writes "2j"; "(a+bj)" is accepted too) where complex exists."""
        path = tmp_path / "case.mpy"
        path.write_bytes(image(module(PRINT_OK), consts=[const_complex("(1-2.5j)")]))
        proc = run(build, path)
        if "CONFIG_BUILTIN_COMPLEX=y" in (build / ".config").read_text():
            assert (proc.returncode, proc.stdout) == (0, "(1-2.5j)\n"), proc.stderr
        else:
            assert_rejected(proc, path, ("CONFIG_BUILTIN_COMPLEX",))

    def test_every_truncation_rejected(self, build: Path, tmp_path: Path) -> None:
        """A real mpy-cross file cut at every length is rejected cleanly."""
        src = tmp_path / "prog.py"
        src.write_text(
            "def f(a, *b, k=2, **kw):\n"
            "    try:\n"
            "        return [x * a for x in b if x] + [k, 1.5, 10**20, 'long string constant']\n"
            "    except (ValueError, TypeError) as e:\n"
            "        raise RuntimeError from e\n"
            "    finally:\n"
            "        print('done')\n"
            "class C:\n"
            "    def g(self):\n"
            "        with open('x') as h:\n"
            "            for i in range(3):\n"
            "                if i: break\n"
            "print(f(2, 1, 0, 3))\n"
        )
        full = tmp_path / "prog.mpy"
        subprocess.run([find_mpy_cross(), str(src), "-o", str(full)], check=True)
        data = full.read_bytes()
        for n in range(len(data)):
            path = tmp_path / f"cut{n}.mpy"
            path.write_bytes(data[:n])
            assert_rejected(run(build, path), path, ())
