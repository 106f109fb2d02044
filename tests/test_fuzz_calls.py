"""No call may crash the VM: tests/fuzz/calls.py calls every builtin function, every
function of every module of the build and every method of every type it meets, with
arguments of every kind (and every method through its type with receivers of every
other kind), on the sanitizer build (host_asan). Only Python exceptions may come out:
no signal, no AddressSanitizer/UndefinedBehaviorSanitizer report, no failed tag check,
no hang. Fixed seeds, so a failure reproduces; the program prints "@ name" before each
callable, so a failure names the culprit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import corpus_runner
import pytest

REPO = Path(__file__).resolve().parent.parent
PROGRAM = Path(__file__).resolve().parent / "fuzz" / "calls.py"
BUILD = REPO / "build" / "host_asan"
SEEDS = (1, 2, 3)
TIMEOUT_S = 600  # typically seconds; generous for a loaded machine

# What a sanitizer or the tag checks (CONFIG_CHECK_TAGS) print when they fire.
REPORT = re.compile(rb"ERROR: AddressSanitizer|runtime error:|fatal: value tag check failed")


def build_modules(build: Path) -> list[str]:
    """The builtin modules of [build], from its generated module table."""
    table = (build / "gen" / "moduletable.h").read_text()
    return re.findall(r"^MPF_MODULE\(MPF_QSTR_(\w+),", table, re.MULTILINE)


@pytest.fixture(scope="module")
def calls_mpy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (BUILD / "firmware").is_file():
        pytest.fail(
            f"no sanitizer build at {BUILD}: run `mpforge build -b host_asan`", pytrace=False
        )
    out = tmp_path_factory.mktemp("fuzz") / "calls.mpy"
    subprocess.run([corpus_runner.find_mpy_cross(), "-o", str(out), str(PROGRAM)], check=True)
    return out


def last_callable(stdout: bytes) -> str:
    names = [line for line in stdout.splitlines() if line.startswith(b"@ ")]
    return names[-1][2:].decode(errors="replace") if names else "(before the first call)"


@pytest.mark.parametrize("seed", SEEDS)
def test_every_call_raises_at_worst(seed: int, calls_mpy: Path, tmp_path: Path) -> None:
    work = tmp_path / "cwd"  # open()/os functions may create files: keep them here
    work.mkdir()
    shutil.copy(calls_mpy, work / "calls.mpy")
    argv = [str(BUILD / "firmware"), "calls.mpy", str(seed), *build_modules(BUILD)]
    res = corpus_runner.run(argv, cwd=work, env=corpus_runner.child_env(0), timeout=TIMEOUT_S)
    assert_survived(res, f"seed {seed}, last callable: {last_callable(res.stdout)}", res.stdout)


def assert_survived(res: corpus_runner.RunResult, where: str, marks: bytes) -> None:
    """Only Python exceptions came out of the run: no hang, sanitizer or tag report, exit
    status or stop before the "@ done" line ending [marks] (the stream of the "@" lines)."""
    assert not res.timed_out, f"hang ({where})"
    report = REPORT.search(res.stdout + res.stderr)
    assert report is None, (
        f"sanitizer/tag report ({where}):\n{res.stderr[-3000:].decode(errors='replace')}"
    )
    assert res.returncode == 0, (
        f"exit status {res.returncode} ({where}):\n{res.stderr[-3000:].decode(errors='replace')}"
    )
    assert marks.rstrip().endswith(b"@ done"), f"stopped early ({where})"


def test_program_reaches_the_methods_of_builtin_types(calls_mpy: Path, tmp_path: Path) -> None:
    """The fuzz is only as good as what it calls: it must reach the methods of the builtin
    types (through the type and on instances) and the modules' functions."""
    argv = [str(BUILD / "firmware"), str(calls_mpy), "1", *build_modules(BUILD)]
    res = corpus_runner.run(argv, cwd=tmp_path, env=corpus_runner.child_env(0), timeout=TIMEOUT_S)
    names = {line[2:].decode() for line in res.stdout.splitlines() if line.startswith(b"@ ")}
    for expected in (
        "builtins.list.append (receivers)",
        "builtins.dict.get",
        "builtins.bytes.partition",
        "builtins.str.upper (receivers)",
        "builtins.format",
        "struct.pack",
    ):
        assert expected in names
    # generators: named by the types module when the build has it
    assert {"type(generator).throw", "types.GeneratorType.throw"} & names
