"""The lean compiler (issue 18's flash goal): configs/fragments/lean-compiler.conf turns off
what the reference lacks, CPython's SyntaxError texts, columns and carets
(CONFIG_COMPILER_ERROR_DETAIL), qualified names and the further attributes of code objects
and frames (CONFIG_COMPILER_INTROSPECTION), and the collector of runtime strings
(CONFIG_QSTR_COLLECT).

The host port is built once with the fragment (as tests/test_dispatch.py builds its
variant). Every SyntaxError the full compiler reports with its own text
(tests/test_compiler.py's lists) is still a SyntaxError on the lean build, with the file and
the line, saying "invalid syntax" (an IndentationError or TabError its own short text);
eval, exec, compile and the REPL work; and the corpus runs on it, skipping (with the reason)
only the programs that declare a symbol the fragment turns off.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import corpus_runner
import pytest
from corpus_runner import (
    CORPUS_DIR,
    REPO_ROOT,
    HostBuild,
    discover,
    load_host_build,
    load_known_failures,
    prepare_program,
    run_prepared,
)
from emulator import Emulator
from test_compiler import EMITTER_ERRORS, LEXER_ERRORS
from test_repl import PROMPT, after_prompt, host_prompt

from mpforge.build import scons_command

cpython = corpus_runner.cpython
mpy_cross = corpus_runner.mpy_cross

LEAN = REPO_ROOT / "configs" / "fragments" / "lean-compiler.conf"
LEAN_OFF = ("COMPILER_ERROR_DETAIL", "COMPILER_INTROSPECTION", "QSTR_COLLECT")
INDENT_TEXTS = {
    "IndentationError": (
        "unexpected indent",
        "expected an indented block",
        "unindent does not match any outer indentation level",
    ),
    "TabError": ("inconsistent use of tabs and spaces in indentation",),
}


@pytest.fixture(scope="module")
def lean(tmp_path_factory: pytest.TempPathFactory) -> HostBuild:
    """The host firmware built with the lean fragment (-O0, no frozen packages)."""
    work = tmp_path_factory.mktemp("lean")
    extra = work / "quick.conf"
    extra.write_text(
        'CONFIG_HOST_OPT_LEVEL="-O0"\n'
        "# CONFIG_FROZEN_PKG_DEMO is not set\n"
        "# CONFIG_FROZEN_PKG_UNITTEST is not set\n"
    )
    cmd = scons_command("host", work / "build", fragments=[LEAN, extra], jobs=1)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return load_host_build(work / "build")


def run(build: HostBuild, code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(build.firmware), "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )


def test_fragment_turns_the_symbols_off(lean: HostBuild) -> None:
    assert lean.enabled("COMPILER")
    assert [s for s in LEAN_OFF if lean.enabled(s)] == []
    # every symbol it names is one of py/Kconfig's (a misspelt line would be ignored)
    named = re.findall(r"^# CONFIG_(\w+) is not set$", LEAN.read_text(), re.M)
    assert sorted(named) == sorted(LEAN_OFF)


def test_every_syntax_error_says_invalid_syntax_with_file_and_line(lean: HostBuild) -> None:
    sources = [src for src, _ in LEXER_ERRORS + EMITTER_ERRORS]
    code = f"for src in {sources!r}:\n"
    code += "    try:\n        compile(src, 'prog.py', 'exec')\n        print('compiled')\n"
    code += "    except SyntaxError as e:\n"
    code += "        print(type(e).__name__, e.filename, e.lineno, e.offset, e.text, '|', e.msg)\n"
    proc = run(lean, code)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(sources)
    for src, line in zip(sources, lines, strict=True):
        kind, filename, lineno, offset, text, msg = re.fullmatch(
            r"(\w+) (\S+) (\d+) (\S+) (\S+) \| (.*)", line
        ).groups()  # type: ignore[union-attr]
        assert (filename, offset, text) == ("prog.py", "None", "None"), (src, line)
        assert 1 <= int(lineno) <= src.count("\n") + 1, (src, line)
        assert msg in INDENT_TEXTS.get(kind, ("invalid syntax",)), (src, line)


# (source, the exception's type, message and line on the lean build)
LEAN_ERRORS = [
    ("x = 1\ny = (1,\n  2\n", "SyntaxError", "invalid syntax", 2),
    ("def f():\n    pass\nreturn 5\n", "SyntaxError", "invalid syntax", 3),
    ("if x\n    pass\n", "SyntaxError", "invalid syntax", 1),
    ("x = 1\nif x:\npass\n", "IndentationError", "expected an indented block", 3),
    ("x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2),
    (
        "if 1:\n    a = 1\n  b = 2\n",
        "IndentationError",
        "unindent does not match any outer indentation level",
        3,
    ),
    (
        "if 1:\n        x = 1\n\ty = 2\n",
        "TabError",
        "inconsistent use of tabs and spaces in indentation",
        3,
    ),
]


def test_lean_errors_name_the_line(lean: HostBuild) -> None:
    code = f"for src in {[src for src, *_ in LEAN_ERRORS]!r}:\n"
    code += "    try:\n        exec(src)\n    except SyntaxError as e:\n"
    code += "        print(type(e).__name__, e.lineno, str(e))\n"
    proc = run(lean, code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        f"{kind} {line} {msg} (<string>, line {line})" for _, kind, msg, line in LEAN_ERRORS
    ]


def test_traceback_names_file_and_line_without_caret(lean: HostBuild, tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("x = 1\ny = x +* 2\n")
    proc = subprocess.run(
        [str(lean.firmware), "bad.py"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-2:] == [
        '  File "bad.py", line 2',
        "SyntaxError: invalid syntax",
    ]
    assert "^" not in proc.stderr


def test_eval_exec_compile_work(lean: HostBuild) -> None:
    code = """
g = {"a": 5}
exec("b = a * 2\\ndef f(x):\\n    return x + b\\n", g)
print(eval("f(1) + a", g), eval("  [i * i for i in range(4)]"))
c = compile("print('single', 6 * 7)", "<s>", "single")
exec(c)
print(eval(compile("a + 1", "<e>", "eval"), g), type(c).__name__, c.co_name, c.co_filename)
"""
    proc = run(lean, code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["16 [0, 1, 4, 9]", "single 42", "6 code <module> <s>"]


def test_introspection_is_the_reference_s(lean: HostBuild) -> None:
    """__qualname__ is the simple name; the code object's further attributes and a
    traceback's tb_frame are missing; co_name, co_varnames and tb_lineno stay."""
    code = """
def f():
    def g(a, b):
        return a
    return g
class A:
    class B:
        pass
g = f()
print(g.__qualname__, repr(g).split(" at ")[0], A.B.__qualname__, A.B)
print(g.__code__.co_name, g.__code__.co_varnames, g.__code__.co_argcount)
for name in ("co_flags", "co_qualname", "co_names", "co_freevars", "co_nlocals"):
    print(name, hasattr(g.__code__, name))
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, hasattr(tb, "tb_frame"))
"""
    proc = run(lean, code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "g <function g B <class '__main__.B'>",
        "g ('a', 'b') 2",
        "co_flags False",
        "co_qualname False",
        "co_names False",
        "co_freevars False",
        "co_nlocals False",
        "15 False",
    ]


@pytest.fixture
def lean_prompt(lean: HostBuild) -> Iterator[Emulator]:
    with host_prompt(lean.firmware) as emu:
        yield emu


def test_repl_works(lean_prompt: Emulator) -> None:
    emu = lean_prompt
    assert "\n42\n" in after_prompt(emu, "6 * 7\r")
    out = after_prompt(emu, "1 +* 2\r")
    assert "SyntaxError: invalid syntax" in out and "^" not in out
    emu.send("def f(x):\r")
    emu.send("return x * 3\r")
    emu.send("\r")
    emu.expect(PROMPT)
    assert "\n21\n" in after_prompt(emu, "f(7)\r")


def test_corpus_runs_on_the_lean_build(lean: HostBuild, cpython: str, mpy_cross: str) -> None:
    """The corpus passes on the lean build, but for the programs that declare a symbol the
    fragment turns off (skipped, saying which: those that print CPython's SyntaxError
    texts, qualified names or the further attributes of code objects and frames)."""
    known = load_known_failures()
    programs = []
    skipped = []
    for p in discover(CORPUS_DIR):
        reason = lean.skip_reason(p)
        if p.id in known:
            continue
        if reason is None:
            programs.append(p)
        elif any(s in reason for s in LEAN_OFF):
            skipped.append(reason)
    assert len(programs) > 500, len(programs)
    # (the programs that need the detail or the introspection say so)
    for symbol in LEAN_OFF[:2]:
        assert any(symbol in reason for reason in skipped), symbol
    failures = []
    for program in programs:
        work = lean.build_dir.parent / "corpus" / re.sub(r"\W", "_", program.id)
        prepared = prepare_program(program, work, cpython, mpy_cross, lean.mpy_cross_flags)
        try:
            run_prepared(prepared, lean)
        except AssertionError as e:
            failures.append(str(e).splitlines()[0])
    assert not failures, f"{len(failures)} programs fail on the lean build:\n" + "\n".join(failures)
