"""The compiler and the REPL on the sanitizer build (host_asan: AddressSanitizer and
UndefinedBehaviorSanitizer, no recovery), so that a sanitizer report in py/compile*.c,
py/repl.c or py/readline.c fails a test: compiling many sources, eval/exec/compile,
syntax errors, and a typed REPL session on a pty."""

from __future__ import annotations

import random
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


def _literal_tables(n: int, seed: int = 18) -> str:
    """A module of [n] dict literals assigned into a dict, as biopython's generated
    Restriction_Dictionary.py (562 KB): many constants and records made between the trees."""
    rnd = random.Random(seed)
    lines = ["rest_dict = {}", ""]
    for i in range(n):
        name = f"Enz{i}I"
        site = "".join(rnd.choice("ACGT") for _ in range(rnd.randint(4, 9)))
        suppl = tuple(rnd.sample("BCEIJKMNOQRSVXY", rnd.randint(0, 4)))
        lines += [
            f'rest_dict["{name}"] = {{',
            f'    "charac": ({rnd.randint(-9, 20)}, {rnd.randint(-9, 20)}, None, None, "{site}"),',
            f'    "compsite": "(?=(?P<{name}>{site}))",',
            f'    "freq": {float(4 ** len(site))},',
            f'    "id": {rnd.randint(1, 60000)},',
            f'    "ovhgseq": "{site[: rnd.randint(0, 4)]}",',
            f'    "site": "{site}",',
            f'    "size": {len(site)},',
            f'    "suppl": {suppl!r},',
            f'    "uri": "https://identifiers.org/rebase:{i}",',
            "}",
            "",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("firmware", [HOST, ASAN], ids=["host", "host_asan"])
def test_large_literal_tables_fit_the_8mb_heap(tmp_path: Path, firmware: Path) -> None:
    """A 462 KB module of literal tables (peak 3.5 MB) compiles and runs on the 8 MB heap:
    next fit scattered the records made between one statement's tree and the next over the
    whole heap, leaving no hole for the file's tables (MemoryError before), unless the
    compiler rewinds the allocator to the holes after each statement (mpf_gc_rewind)."""
    src = tmp_path / "tables.py"
    src.write_text(_literal_tables(1600), encoding="utf-8")
    ours, ref = tmp_path / "ours.mpy", tmp_path / "ref.mpy"
    run = compiler_diff.run_ours([(src, ours, "tables.py")], 0, firmware, 600)
    assert run is not None and run.returncode == 0, run and run.stderr[-2000:]
    assert not REPORT.search(run.stderr)
    assert compiler_diff.compile_ref(src, ref, "tables.py", 0, 120) is None
    assert ours.read_bytes() == ref.read_bytes()
    code = (
        f"s = open({str(src)!r}).read()\nexec(s)\n"
        "print(len(rest_dict), rest_dict['Enz1599I']['uri'], rest_dict['Enz7I']['size'])"
    )
    run = subprocess.run([str(firmware), "-c", code], capture_output=True, timeout=600, check=False)
    assert not REPORT.search(run.stderr), run.stderr[-3000:].decode(errors="replace")
    expected = {}
    exec(src.read_text(), expected)
    tables = expected["rest_dict"]
    line = f"{len(tables)} {tables['Enz1599I']['uri']} {tables['Enz7I']['size']}\n"
    assert run.stdout.decode() == line
