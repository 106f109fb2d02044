"""No re-entrant or adversarial Python program may crash the VM: tests/fuzz/reentrant.py
writes programs in which user code runs in the middle of a builtin's C loop and changes
what the loop holds (an __eq__/__hash__/__index__/key/iterator that resizes the list,
dict, set, deque, bytearray or array being worked on), protocol methods return nonsense,
structures are 100,000 deep or hold themselves, generators are re-entered from inside,
class bodies and metaclasses misbehave and memoryviews outlive their bytearray's size.
Each program runs on the sanitizer build (host_asan): only Python exceptions may come
out, no signal, sanitizer report, failed tag check or hang. Fixed seeds, and each case
runs after a line "@ seed.n.kind" on stderr, so a failure names the case that reproduces it
(`python tests/fuzz/reentrant.py SEED N` writes the program).

MPFORGE_REENTRANT_FUZZ=N makes N cases a seed (default 500), MPFORGE_REENTRANT_FUZZ_SEEDS
the seeds (comma-separated, default 1,2,3).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import corpus_runner
import pytest
from test_fuzz_calls import assert_survived

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import reentrant

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build" / "host_asan"
N_CASES = int(os.environ.get("MPFORGE_REENTRANT_FUZZ", "500"))
SEEDS = [int(s) for s in os.environ.get("MPFORGE_REENTRANT_FUZZ_SEEDS", "1,2,3").split(",")]
TIMEOUT_S = 300  # a few seconds a seed; generous for a loaded machine


def last_case(stderr: bytes) -> str:
    names = [line for line in stderr.splitlines() if line.startswith(b"@ ")]
    return names[-1][2:].decode(errors="replace") if names else "(before the first case)"


def run_cases(cases: list[tuple[str, str]], work: Path) -> corpus_runner.RunResult:
    src = work / "reentrant.py"
    src.write_text(reentrant.program(cases))
    mpy = work / "reentrant.mpy"
    res = corpus_runner.run(
        [corpus_runner.find_mpy_cross(), "-o", str(mpy), str(src)],
        cwd=work,
        env=corpus_runner.child_env(0),
    )
    assert res.returncode == 0, f"mpy-cross refused the program: {res.stderr.decode()[-2000:]}"
    return corpus_runner.run(
        [str(BUILD / "firmware"), mpy.name],
        cwd=work,
        env=corpus_runner.child_env(0),
        timeout=TIMEOUT_S,
    )


def test_generator_is_deterministic() -> None:
    """A seed always gives the same programs (a failure's name reproduces it)."""
    assert reentrant.generate(7, 40) == reentrant.generate(7, 40)
    assert reentrant.generate(7, 40) != reentrant.generate(8, 40)
    kinds = {name.split(".")[2] for name, _ in reentrant.generate(1, len(reentrant.TEMPLATES))}
    assert kinds == set(reentrant.TEMPLATES)


@pytest.mark.parametrize("seed", SEEDS)
def test_reentrant_programs_raise_at_worst(seed: int, tmp_path: Path) -> None:
    if not (BUILD / "firmware").is_file():
        pytest.fail(
            f"no sanitizer build at {BUILD}: run `mpforge build -b host_asan`", pytrace=False
        )
    res = run_cases(reentrant.generate(seed, N_CASES), tmp_path)
    assert_survived(res, f"seed {seed}, last case: {last_case(res.stderr)}", res.stderr)
