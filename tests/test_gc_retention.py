"""What a returned call left behind is not kept alive (CONFIG_GC_PRECISE_FRAMES).

The GC scans each live frame's value stack only up to its top, and a call's frame is gone
once it returns, so a 1 MB value passed as an argument or made in a function that returned
holds nothing after the program drops it. The probe runs on the default host build: the C
stack is still scanned conservatively, so a stale word there may hold a value, and whether
one does depends on code layout (other configurations differ; exec() in a loop is not
covered for that reason).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from mpforge import paths

HOST = paths.ROOT / "build" / "host" / "firmware"

PROBE = """\
import gc


def held(f0):
    gc.collect()
    return f0 - gc.mem_free() > 100000


def use(a, b, c):
    return len(c)


def make():
    big = bytes(1000000)
    return len(big)


gc.collect()
f0 = gc.mem_free()
print(use(1, 2, bytes(1000000)))
print("argument held:", held(f0))
print(make())
print("function local held:", held(f0))
for i in range(3):
    print(use(i, [i], bytes(1000000)))
    print("argument loop held:", held(f0))
"""


def test_values_of_returned_calls_are_released(tmp_path: Path) -> None:
    program = tmp_path / "probe.py"
    program.write_text(PROBE)
    run = subprocess.run([HOST, program], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if "held" in line]
    assert lines == [
        "argument held: False",
        "function local held: False",
        *["argument loop held: False"] * 3,
    ], run.stdout
