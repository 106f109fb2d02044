"""Failure injection over Python programs on a CONFIG_FAULT_INJECT build (host_asan).

A program runs once with MPF_FAULT_STATS=1 for its counts of heap allocations and poll
checks, then again with each injected fault (py/Kconfig FAULT_INJECT):

- ``alloc N``: the Nth allocation fails (MemoryError where it happens);
- ``alloc N+``: the Nth and every later one fail (the heap stays full);
- ``alloc N+3``: the Nth and the two after it (the handlers' own allocations fail too, then
  the heap is usable again);
- ``interrupt N``: a Ctrl-C is pending at the Nth poll check (KeyboardInterrupt).

A run passes when nothing but Python exceptions came out: no sanitizer report, failed tag
check or fatal stop, no signal, no hang, and the exit status is the program's own, 0, 1
(an uncaught exception) or 130 (an uncaught KeyboardInterrupt).

    python tests/fuzz/inject.py FIRMWARE PROGRAM.py...    # every program, sampled points
    python tests/fuzz/inject.py FIRMWARE PROG.py --points 200 --seed 3
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# What a sanitizer, the tag checks (CONFIG_CHECK_TAGS) or the core's fatal stops print.
REPORT = re.compile(
    rb"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|fatal: value tag check failed"
    rb"|fatal: uncaught exception|^FATAL|gc: realloc"
    rb"|^Inconsistent: ",  # (tests/fuzz/oom_objects.py: an object left inconsistent)
    re.MULTILINE,
)
STATS = re.compile(rb"^@fault allocs=(\d+) polls=(\d+)$", re.MULTILINE)
EXIT_INTERRUPTED = 130


@dataclass
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    timed_out: bool
    seconds: float


def run(
    firmware: Path, program: Path, env_extra: dict[str, str], stdin: bytes, timeout: float
) -> Outcome:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MPF_FAULT")}
    env.update(env_extra)
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [str(firmware), program.name],
            cwd=program.parent,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        return Outcome(-9, e.stdout or b"", e.stderr or b"", True, timeout)
    return Outcome(proc.returncode, proc.stdout, proc.stderr, False, time.monotonic() - start)


def counts(out: Outcome) -> tuple[int, int]:
    """The allocations and poll checks a run with MPF_FAULT_STATS=1 made."""
    m = STATS.search(out.stderr)
    if m is None:
        raise RuntimeError(
            f"no fault counts (not a CONFIG_FAULT_INJECT build?): {out.stderr[-500:]!r}"
        )
    return int(m.group(1)), int(m.group(2))


def points(total: int, k: int, rng: random.Random) -> list[int]:
    """Up to [k] of 1..total: the first few always (start-up paths), the rest at random."""
    if total <= k:
        return list(range(1, total + 1))
    first = list(range(1, min(total, k // 4) + 1))
    rest = rng.sample(range(len(first) + 1, total + 1), k - len(first))
    return first + sorted(rest)


def failure(out: Outcome, own_status: int) -> str | None:
    """Why [out] is not a survived run, None if it is."""
    if out.timed_out:
        return "hang"
    if REPORT.search(out.stdout + out.stderr):
        return "report"
    if out.returncode < 0:
        return f"signal {-out.returncode}"
    if out.returncode not in (0, 1, EXIT_INTERRUPTED, own_status):
        return f"exit status {out.returncode}"
    return None


def faults(allocs: int, polls: int, n_points: int, rng: random.Random) -> list[dict[str, str]]:
    """The fault environments to try on a program with these counts."""
    envs: list[dict[str, str]] = []
    for n in points(allocs, n_points, rng):
        envs.append({"MPF_FAULT_ALLOC": str(n)})
    for n in points(allocs, max(1, n_points // 2), rng):
        envs.append({"MPF_FAULT_ALLOC": f"{n}+"})
    for n in points(allocs, max(1, n_points // 4), rng):
        envs.append({"MPF_FAULT_ALLOC": f"{n}+3"})
    for n in points(polls, max(1, n_points // 2), rng):
        envs.append({"MPF_FAULT_INTERRUPT": str(n)})
    return envs


def sweep(
    firmware: Path, program: Path, n_points: int, seed: int, timeout: float = 60.0
) -> list[tuple[dict[str, str], str, Outcome]]:
    """Every failed run of [program] under its sampled faults: (env, why, outcome)."""
    stdin_file = program.with_suffix(".stdin")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    base = run(firmware, program, {"MPF_FAULT_STATS": "1"}, stdin, timeout)
    why = failure(base, base.returncode)
    if why is not None:
        return [({}, f"without a fault: {why}", base)]
    allocs, polls = counts(base)
    rng = random.Random(f"{seed}:{program.name}")
    limit = max(5.0, base.seconds * 20)
    bad = []
    for env in faults(allocs, polls, n_points, rng):
        out = run(firmware, program, env, stdin, limit)
        why = failure(out, base.returncode)
        if why is not None:
            bad.append((env, why, out))
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("firmware", type=Path)
    ap.add_argument("programs", type=Path, nargs="+")
    ap.add_argument(
        "--points", type=int, default=16, help="allocation points a program (default 16)"
    )
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    status = 0
    for prog in args.programs:
        for env, why, out in sweep(args.firmware.resolve(), prog.resolve(), args.points, args.seed):
            status = 1
            setting = " ".join(f"{k}={v}" for k, v in env.items())
            tail = out.stderr.decode(errors="replace").strip().splitlines()[-3:]
            print(f"{prog}: {setting}: {why}: {' | '.join(tail)}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
