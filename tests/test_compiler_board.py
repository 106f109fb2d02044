"""The on-device compiler on a board with a small heap: netduinoplus2 in QEMU (64 KB of
GC heap) exec()s a ~200-line module held as a string by its frozen main.py, and prints
what CPython prints for the same source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from boards import build_firmware, semihosting_fragment
from emulator import boot, qemu_command

# One block of the module; {i} makes each block's names its own (10 lines).
BLOCK = """\
class Shape{i}:
    def __init__(self, w, h=2):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h + {i}
def gen{i}(n):
    for k in range(n):
        if k % 3 != 1:
            yield k * {i}
print(f"block {i}:", Shape{i}(3).area(), [v for v in gen{i}(7)], {{"k": {i}}}.get("k"))
"""

TAIL = """\
def closure(x):
    def add(y):
        nonlocal x
        x += y
        return x
    return add
acc = closure(10)
print("closure", acc(1), acc(2))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
finally:
    print("finally")
print("sum", sum(Shape3(i).area() for i in range(5)), sorted({"b": 1, "a": 2}.items()))
"""


def module_source() -> str:
    """About 200 lines: classes, generators, comprehensions, f-strings, closures, try."""
    return "".join(BLOCK.format(i=i) for i in range(19)) + TAIL


def _run_on_board(tmp_path: Path, sizes: tuple[int, ...]) -> dict[int, tuple[str, str]]:
    """exec() the first n blocks of the module for each n of [sizes] (one boot, in that
    order; each source is joined just before its exec, so only one is held at a time); for each
    n the board's output and CPython's for the same source."""
    blocks = [BLOCK.format(i=i) for i in range(19)]
    app = tmp_path / "app"
    app.mkdir()
    # (the f-strings are not joined to literals holding braces: mpy-cross would not double them)
    header = f"B = {blocks!r}\nTAIL = {TAIL!r}\nfor n in {sizes!r}:\n"
    (app / "main.py").write_text(
        "import gc\n" + header + "    src = ''.join(B[:n]) + (TAIL if n == len(B) else '')\n"
        "    gc.collect()\n"
        "    print('=== lines', src.count('\\n'))\n"
        "    try:\n"
        "        exec(src, {'__name__': 'prog'})\n"
        "    except MemoryError:\n"
        "        print('MemoryError')\n"
        "    src = None\n"
        "print('=== end')\n"
    )
    build_dir, _ = build_firmware(
        "netduinoplus2", "compiler_exec", (semihosting_fragment(),), app=app
    )
    assert "CONFIG_HEAP_SIZE=65536" in (build_dir / ".config").read_text()
    result = boot(qemu_command(build_dir), timeout=180)
    out = result.transcript.replace("\r\n", "\n")
    assert "=== end" in out, out[-2000:]
    assert result.status == 0
    parts = out[out.index("=== lines") : out.index("=== end")].split("=== lines")[1:]
    found = {}
    for n, part in zip(sizes, parts, strict=True):
        src = "".join(blocks[:n]) + (TAIL if n == len(blocks) else "")
        want = subprocess.run(
            [sys.executable, "-c", src], capture_output=True, text=True, check=True
        ).stdout
        found[src.count("\n")] = (part.split("\n", 1)[1], want)
    return found


@pytest.fixture(scope="module")
def board_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[str, str]]:
    # the largest that fits first, on the freshest heap
    return _run_on_board(tmp_path_factory.mktemp("compiler_board"), (15, 6, 19))


def test_board_execs_a_60_line_module(board_runs: dict[int, tuple[str, str]]) -> None:
    got, want = board_runs[60]
    assert got == want


def test_board_execs_a_150_line_module(board_runs: dict[int, tuple[str, str]]) -> None:
    """15 blocks: the compiler needs no contiguous room of the module's size at its peak
    (80 lines was the most before: holes between the syntax tree's chunks; 170 fitted until
    the class-model and conformance work of 2026-12-05 took more of the heap)."""
    got, want = board_runs[150]
    assert got == want


@pytest.mark.xfail(
    strict=True,
    reason="the syntax tree and scopes of ~200 lines fill netduinoplus2's 64 KB heap (58 KB "
    "in use when the module's code is assembled; 76 KB at the peak on the 64-bit host): "
    "MemoryError (issue 18)",
)
def test_board_execs_a_200_line_module(board_runs: dict[int, tuple[str, str]]) -> None:
    assert module_source().count("\n") in board_runs
    got, want = board_runs[module_source().count("\n")]
    assert got == want
