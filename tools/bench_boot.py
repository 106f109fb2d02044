#!/usr/bin/env python3
"""Boot cost (a figure for notes, not a test): guest instructions QEMU executes from reset
until a frozen main.py of one `pass` statement has run and the firmware exits.

The board is built with that app and CONFIG_SEMIHOSTING_EXIT, then run under
`qemu-system-arm -d in_asm,exec,nochain`: every translated block is logged once with
its instructions and every execution of a block by its address, so the sum over
executions of each block's instruction count is the total.

    .venv/bin/python tools/bench_boot.py [--board netduinoplus2] [-C fragment.conf]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpforge import process  # noqa: E402
from mpforge.build import scons_command  # noqa: E402
from mpforge.runners.qemu import QemuRunner  # noqa: E402

_IN = re.compile(r"^IN:")
_INSN = re.compile(r"^0x([0-9a-f]+):\s")
_EXEC = re.compile(r"^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/")


def count_instructions(log: str) -> int:
    """Sum, over the executed blocks of a QEMU in_asm+exec log, of their instruction counts."""
    sizes: dict[int, int] = {}
    block: int | None = None
    runs: Counter[int] = Counter()
    for line in log.splitlines():
        if _IN.match(line):
            block = None
        elif (m := _INSN.match(line)) is not None:
            if block is None:
                block = int(m.group(1), 16)
                sizes[block] = 0
            sizes[block] += 1
        elif (m := _EXEC.match(line)) is not None:
            runs[int(m.group(1), 16)] += 1
    return sum(sizes.get(pc, 0) * n for pc, n in runs.items())


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False, description=__doc__)
    parser.add_argument("--board", default="netduinoplus2")
    parser.add_argument("-C", dest="fragments", action="append", default=[], type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "app"
        app.mkdir()
        (app / "main.py").write_text("pass\n")
        exit_conf = Path(tmp) / "exit.conf"
        exit_conf.write_text("CONFIG_SEMIHOSTING_EXIT=y\n")
        build = Path(tmp) / "build"
        cmd = scons_command(args.board, build, [*args.fragments, exit_conf], app=app)
        process.run(cmd, check=True)
        log = Path(tmp) / "qemu.log"
        qemu = QemuRunner(build, interactive=False).command([])
        qemu[1:1] = ["-d", "in_asm,exec,nochain", "-D", str(log)]
        process.run(qemu, check=True, timeout=300)
        total = count_instructions(log.read_text())
    print(f"{args.board}: {total:,} instructions from reset to the end of main.py")


if __name__ == "__main__":
    main()
