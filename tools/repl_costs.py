#!/usr/bin/env python3
"""Measure the compiler and REPL's flash and RAM cost per board into tools/repl_costs.json.

    tools/repl_costs.py [--boards B,B,...] [--work DIR] [--fragment FILE]

Each board is built twice: ON, its configuration with `# CONFIG_MODULE_VFS is not set` (the
VFS layer that comes with the compiler by default is a module of its own), and OFF, with
`# CONFIG_COMPILER is not set`; the cost is `mpforge size -b BOARD --build-dir ON --diff OFF`.
The boards measured are those already in the file (or --boards); their figures, the date and
the commit are rewritten, the notes on the boards not measured are kept. Then run
tools/readme_tables.py to carry the figures into the README. Builds go under --work DIR
(default: a directory in the system's temporary directory), kept for the next run's
incremental builds. With --fragment FILE the ON build also applies FILE (a lean
configuration, configs/fragments/lean-compiler.conf): its cost is printed per board and the
file is not rewritten.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COSTS = ROOT / "tools" / "repl_costs.json"
FRAGMENTS = {
    "on": "# CONFIG_MODULE_VFS is not set\n",
    "off": "# CONFIG_COMPILER is not set\n",
}


def mpforge(*args: str) -> str:
    """Run mpforge from this tree; its output, or exit with its error."""
    proc = subprocess.run(
        [sys.executable, "-m", "mpforge", *args], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        sys.exit(proc.stderr.strip() or f"mpforge {' '.join(args)} exited with {proc.returncode}")
    return proc.stdout


def measure(board: str, work: Path, extra: Path | None = None) -> dict[str, int]:
    """The ON build's flash and RAM over the OFF build's, for [board]; [extra]: a fragment
    the ON build also applies (its builds in directories of their own)."""
    dirs = {}
    for side, text in FRAGMENTS.items():
        if side == "on" and extra is not None:
            side = f"on-{extra.stem}"
            text += extra.read_text(encoding="utf-8")
        fragment = work / f"{side}.conf"
        fragment.write_text(text, encoding="utf-8")
        dirs[side] = work / board / side
        print(f"repl_costs: building {board} ({side})", file=sys.stderr, flush=True)
        mpforge("build", "-b", board, "-C", str(fragment), "--build-dir", str(dirs[side]))
    on, off = str(dirs[next(iter(dirs))]), str(dirs["off"])
    report = json.loads(mpforge("size", "-b", board, "--build-dir", on, "--diff", off, "--json"))
    return {"flash": report["diff"]["flash"], "ram": report["diff"]["ram"]}


def commit() -> str:
    proc = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return proc.stdout.strip() or "unknown"


def write(data: dict) -> None:
    """The file in its compact form: one line per board."""
    boards = ",\n".join(
        f'  "{name}": {json.dumps(figures)}' for name, figures in sorted(data["boards"].items())
    )
    notes = json.dumps(data["notes"], indent=1, sort_keys=True).replace("\n", "\n ")
    COSTS.write_text(
        "{\n"
        f' "measured_by": {json.dumps(data["measured_by"])},\n'
        f' "boards": {{\n{boards}\n }},\n'
        f' "notes": {notes}\n'
        "}\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        allow_abbrev=False,
        description=__doc__.splitlines()[0],
    )
    ap.add_argument("--boards", help="comma-separated boards (default: those in the file)")
    ap.add_argument("--work", type=Path, help="build directories' parent")
    ap.add_argument(
        "--fragment",
        type=Path,
        help="also apply this fragment to the ON build (e.g. configs/fragments/lean-compiler.conf)"
        " and print the figures; the file is left as it is",
    )
    args = ap.parse_args(argv)
    data = json.loads(COSTS.read_text(encoding="utf-8"))
    boards = args.boards.split(",") if args.boards else sorted(data["boards"])
    work = args.work or Path(tempfile.gettempdir()) / "mpforge-repl-costs"
    work.mkdir(parents=True, exist_ok=True)
    if args.fragment is not None:
        if not args.fragment.is_file():
            sys.exit(f"error: --fragment {args.fragment}: no such file (a Kconfig fragment)")
        for board in boards:
            figures = measure(board, work, args.fragment.resolve())
            print(f"{board}: flash {figures['flash']} RAM {figures['ram']} with {args.fragment}")
        return 0
    for board in boards:
        data["boards"][board] = measure(board, work)
        print(f"repl_costs: {board}: {data['boards'][board]}", file=sys.stderr, flush=True)
    data["measured_by"] = (
        "tools/repl_costs.py: mpforge size -b BOARD --build-dir ON --diff OFF (ON: the board with "
        "-C a fragment '# CONFIG_MODULE_VFS is not set', the VFS layer that comes with the "
        "compiler by default being a module of its own; OFF: the board with -C a fragment "
        f"'# CONFIG_COMPILER is not set'), {datetime.date.today().isoformat()}, commit {commit()}"
    )
    write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
