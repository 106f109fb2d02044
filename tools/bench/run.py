#!/usr/bin/env python3
"""Interpreter benchmarks: instruction counts (valgrind callgrind, stable on noisy machines).

Each program in this directory is compiled with mpy-cross, checked to print what
CPython prints, then run once under callgrind on the host firmware; the figure
is the total instructions executed (Ir).

    .venv/bin/python tools/bench/run.py [--build build/host] [PROGRAM.py ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = ("run.py", "estimate.py")
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from mpforge import process  # noqa: E402
from mpforge.mpycross import compile_file  # noqa: E402


def instructions(cmd: list[str], out_dir: Path) -> int:
    out = out_dir / "callgrind.out"
    proc = process.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], check=True
    )
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        raise SystemExit(f"no instruction count in valgrind's output:\n{proc.stderr}")
    return int(m.group(1))


def bench_programs() -> list[Path]:
    """The benchmark programs: every .py file here but the tools."""
    return sorted(p for p in HERE.glob("*.py") if p.name not in TOOLS)


def measure(program: Path, firmware: Path, tmp: Path) -> tuple[int, bool]:
    """(instructions, whether the output was CPython's) of one program on [firmware]."""
    mpy = tmp / program.with_suffix(".mpy").name
    compile_file(program, mpy)
    expected = process.run([sys.executable, program], check=True).stdout
    got = process.run([firmware, mpy])
    ok = got.stdout == expected and got.returncode == 0
    return instructions([str(firmware), str(mpy)], tmp), ok


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False, description=__doc__)
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "host")
    parser.add_argument("programs", nargs="*", type=Path)
    args = parser.parse_args()
    firmware = args.build / "firmware"
    with tempfile.TemporaryDirectory() as tmp:
        for program in args.programs or bench_programs():
            ir, ok = measure(program, firmware, Path(tmp))
            print(f"{program.stem:14} {ir:>14,} Ir  {'ok' if ok else 'WRONG OUTPUT'}")


if __name__ == "__main__":
    main()
