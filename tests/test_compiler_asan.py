"""The compiler and the REPL on the sanitizer build (host_asan: AddressSanitizer and
UndefinedBehaviorSanitizer, no recovery), so that a sanitizer report in py/compile*.c,
py/repl.c or py/readline.c fails a test: compiling many sources, eval/exec/compile,
syntax errors, and a typed REPL session on a pty."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_compiler import FUNCTION_LOCALS, _sources, compiler_diff
from test_repl import PROMPT, after_prompt, host_console

from mpforge import paths

ASAN = paths.default_build_dir("host_asan") / "firmware"
HOST = paths.default_build_dir("host") / "firmware"
# Files per firmware process (one command line).
BATCH = 64
# What a sanitizer prints when it fires.
REPORT = re.compile(rb"ERROR: AddressSanitizer|runtime error:|LeakSanitizer")

pytestmark = pytest.mark.skipif(
    not ASAN.exists(), reason=f"no sanitizer build at {ASAN} (the conftest builds it)"
)


def test_asan_build_has_the_compiler() -> None:
    config = (ASAN.parent / ".config").read_text()
    assert "CONFIG_COMPILER=y" in config and "CONFIG_HOST_SANITIZERS=y" in config


def _compile_ours(
    jobs: list[tuple[Path, Path, str]], firmware: Path
) -> list[subprocess.CompletedProcess[bytes]]:
    """Compile each (source, output, name) with [firmware], BATCH files per process."""
    runs = []
    for i in range(0, len(jobs), BATCH):
        run = compiler_diff.run_ours(jobs[i : i + BATCH], 0, firmware, 600)
        assert run is not None, f"{firmware} hung"
        runs.append(run)
    return runs


def test_compiling_every_source_is_clean(tmp_path: Path) -> None:
    """Every source of the differential test: no report, the same bytes as the host build."""
    jobs = []
    for i, (name, text) in enumerate(_sources()):
        src = tmp_path / f"{i}.py"
        src.write_text(text, encoding="utf-8")
        jobs.append((src, tmp_path / f"{i}.asan", tmp_path / f"{i}.host", Path(name).name))
    runs = _compile_ours([(s, a, n) for s, a, _, n in jobs], firmware=ASAN)
    for run in runs:
        assert not REPORT.search(run.stderr), run.stderr[-3000:].decode(errors="replace")
    _compile_ours([(s, h, n) for s, _, h, n in jobs], firmware=HOST)
    compared = 0
    for _, asan, host, _ in jobs:
        assert asan.exists() == host.exists()
        if host.exists():
            assert asan.read_bytes() == host.read_bytes()
            compared += 1
    assert compared > 500


@pytest.mark.parametrize(
    "code",
    [
        FUNCTION_LOCALS,
        "exec(compile('x = 1\\nif x:\\n    y = [i for i in range(3)]\\n', 's', 'exec'))\nprint(y)",
        "for s in ['x = (1,\\n  2 3)', 'if x:\\npass', 'f(', '1 +', 'def f(:', '\"\"\"', 'a = ']:\n"
        "    try:\n        exec(s)\n    except SyntaxError as e:\n        print(type(e).__name__, e.lineno)",
        "print(eval('(lambda *a, **k: (a, k))(1, b=2)'), eval(''.join(['1+'] * 200) + '1'))",
        "try:\n    exec('x = ' + '(' * 5000 + ')' * 5000)\nexcept (RecursionError, MemoryError, SyntaxError) as e:\n"
        "    print(type(e).__name__)",
    ],
    ids=["function-locals", "exec-code", "syntax-errors", "eval", "deep-nesting"],
)
def test_eval_exec_is_clean(code: str) -> None:
    runs = [
        subprocess.run([str(fw), "-c", code], capture_output=True, timeout=120, check=False)
        for fw in (ASAN, HOST)
    ]
    assert not REPORT.search(runs[0].stderr), runs[0].stderr[-3000:].decode(errors="replace")
    assert runs[0].returncode == runs[1].returncode == 0, runs[0].stderr[-2000:]
    assert runs[0].stdout == runs[1].stdout


def test_repl_session_is_clean() -> None:
    """Typed lines, a continued block, editing keys, a syntax error, paste mode, Ctrl-C."""
    with host_console(ASAN) as emu:
        emu.expect(PROMPT)
        assert "42" in after_prompt(emu, "6 * 7\r")
        emu.send("def sq(v):\r")
        emu.expect("... ")
        emu.send("return v * v\r")
        emu.expect("... ")
        assert after_prompt(emu, "\r") is not None
        assert "81" in after_prompt(emu, "sq(9)\r")
        assert "SyntaxError" in after_prompt(emu, "1 +* 2\r")
        assert "12" in after_prompt(emu, "print(1234)\x1b[D\x1b[D\x7f\x7f\r")
        emu.send("\x05")  # paste mode
        emu.expect("===")
        emu.send("a = 5\nfor i in range(2):\n    a += i\nprint('pasted', a)\n\x04")
        assert "pasted 6" in emu.expect(PROMPT)
        emu.send("print('loop' + 'ing'); exec('while True:\\n    pass')\r")
        emu.expect("looping")
        emu.send("\x03")
        assert "KeyboardInterrupt" in emu.expect(PROMPT)
        emu.send("\x04")  # soft reset
        emu.expect(PROMPT)
    assert not REPORT.search(emu.raw), emu.raw[-3000:].decode(errors="replace")
