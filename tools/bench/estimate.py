#!/usr/bin/env python3
"""Estimate of issue 12's speed figure: the geometric mean, over its 16 benchmark programs, of
our instructions over the reference interpreter's, from this directory's callgrind figures.

The reference cannot be run here; the issue measured it against main at 64a2beb. A program of
ours that stands in for one of the issue's gets (Ir now / Ir at 64a2beb) x the issue's ratio at
64a2beb (pidigits 345, yield_from 1.41, float 1.18; the others 0.754, the ratio that gives the
issue's 0.81 geometric mean without pidigits); the issue's programs without a stand-in keep
their 64a2beb ratio. The 64a2beb figures were measured with run.py on that commit's host build.

    .venv/bin/python tools/bench/estimate.py [--build build/host]
"""

from __future__ import annotations

import argparse
import math
import tempfile
from pathlib import Path

from run import HERE, ROOT, measure

ISSUE_PROGRAMS = (
    "chaos",
    "fannkuch",
    "fft",
    "float",
    "hexiom",
    "nqueens",
    "pidigits",
    "wordcount",
    "locals",
    "qstr",
    "str",
    "yield_from",
    "aes",
    "mandel",
    "pystone",
    "raytrace",
)
OTHERS = math.exp((15 * math.log(0.81) - math.log(1.41 * 1.18)) / 13)  # 0.754
ISSUE_RATIO = {"pidigits": 345.0, "yield_from": 1.41, "float": 1.18}
# our program -> (the issue's program it stands in for, its Ir at 64a2beb)
STAND_INS = {
    "pidigits": ("pidigits", 22_135e6),
    "yield_from": ("yield_from", 33.94e6),
    "float_points": ("float", 90.6e6),
    "pystone_like": ("pystone", 319.1e6),
    "mandelbrot": ("mandel", 74.5e6),
    "fannkuch": ("fannkuch", 55.5e6),
}


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False, description=__doc__)
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "host")
    args = parser.parse_args()
    ratios = {name: ISSUE_RATIO.get(name, OTHERS) for name in ISSUE_PROGRAMS}
    with tempfile.TemporaryDirectory() as tmp:
        for ours, (theirs, base) in STAND_INS.items():
            ir, ok = measure(HERE / f"{ours}.py", args.build / "firmware", Path(tmp))
            if not ok:
                raise SystemExit(f"error: {ours}.py printed something else than CPython")
            ratios[theirs] *= ir / base
            print(
                f"{theirs:11} {ours:13} {ir:>14,} Ir  {ir / base:6.3f} of 64a2beb"
                f"  ~{ratios[theirs]:.3f}"
            )
    geo = math.exp(sum(math.log(r) for r in ratios.values()) / len(ratios))
    worst = max(ratios, key=ratios.__getitem__)
    print(
        f"geometric mean over {len(ratios)}: ~{geo:.3f} (the others at {OTHERS:.3f});"
        f" highest: {worst} ~{ratios[worst]:.3f}"
    )


if __name__ == "__main__":
    main()
