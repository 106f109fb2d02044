"""Big-int property programs (tests/bigint/): thousands of pseudo-random //, %, divmod, *,
str(), int(str) and pow(a, b, m) results, compared with CPython 3.11 like the language corpus.

They run with the corpus machinery and fixtures (host, host_asan, host_minimal) but live
outside tests/corpus/ so that the boards' every-n-th corpus sample (tests/boards.py) is not
reshuffled, and a board's small heap is not asked for 1000-digit values.
"""

from __future__ import annotations

from pathlib import Path

import corpus_runner
import pytest
from corpus_runner import HostBuild, Program, check_program, discover

PROPS_DIR = Path(__file__).resolve().parent / "bigint"

host_build = corpus_runner.host_build
cpython = corpus_runner.cpython
mpy_cross = corpus_runner.mpy_cross


def test_props_exist() -> None:
    assert discover(PROPS_DIR), f"no programs in {PROPS_DIR}"


@pytest.mark.parametrize("program", [pytest.param(p, id=p.id) for p in discover(PROPS_DIR)])
def test_bigint_props(
    program: Program, host_build: HostBuild, cpython: str, mpy_cross: str, tmp_path: Path
) -> None:
    reason = host_build.skip_reason(program)
    if reason:
        pytest.skip(reason)
    check_program(program, tmp_path, host_build, cpython, mpy_cross)
