#!/usr/bin/env python3
"""Build benchmarks (figures for notes, not tests): clean and no-op build time of a board,
objects rebuilt after toggling one option, and `mpforge --help` start-up time.

    .venv/bin/python tools/bench_build.py [--board host] [--toggle BUILTIN_SET]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpforge import process  # noqa: E402
from mpforge.build import scons_command  # noqa: E402


def timed(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = process.run(cmd, check=True)
    return time.perf_counter() - start, proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False, description=__doc__)
    parser.add_argument("--board", default="host")
    parser.add_argument("--toggle", default="BUILTIN_SET", help="a bool option to switch off")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp) / "build"
        clean, out = timed(scons_command(args.board, build))
        objects = len(re.findall(r"^\[\d+/\d+\] CC ", out, re.M))
        noops = [timed(scons_command(args.board, build))[0] for _ in range(5)]
        frag = Path(tmp) / "toggle.conf"
        frag.write_text(f"# CONFIG_{args.toggle} is not set\n")
        _, out = timed(scons_command(args.board, build, [frag]))
        rebuilt = len(re.findall(r"^\[\d+/\d+\] CC ", out, re.M))
    helps = [timed([str(ROOT / ".venv/bin/mpforge"), "--help"])[0] for _ in range(5)]
    print(f"board {args.board}: clean build {clean:.2f} s ({objects} objects)")
    print(f"no-op rebuild: median {statistics.median(noops):.3f} s over 5")
    print(f"toggle CONFIG_{args.toggle}=n: {rebuilt} of {objects} objects recompiled")
    print(f"mpforge --help: median {statistics.median(helps) * 1000:.0f} ms over 5")


if __name__ == "__main__":
    main()
