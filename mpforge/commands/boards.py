"""`mpforge boards`: the table of boards with their port, chip, memory and emulator.

NOTES says what a board's run proves (CONFIG_BOARD_NOTE) and marks a board whose
compiler (CONFIG_TOOLCHAIN_PREFIX + gcc) is missing as not buildable here."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
from pathlib import Path

from mpforge import paths
from mpforge.boards import board_names, find_defconfig
from mpforge.commands.common import add_board_root, configure_roots
from mpforge.config.resolve import ConfigInputs, resolve
from mpforge.errors import MpforgeError
from mpforge.project import find_project
from mpforge.runners import runner_for
from mpforge.textfile import show


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "filter", nargs="?", help="only boards whose name, port or chip contains this text"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    add_board_root(parser)


def _size(hex_value: str) -> str:
    n = int(hex_value, 16)
    if n == 0:
        return "-"
    return f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} B"


def _emulator(name: str) -> str:
    runner = runner_for(name)
    return runner.describe() if runner is not None else name


def _notes(values: dict[str, str], defconfig: Path) -> str:
    notes = []
    if defconfig.parent != paths.CONFIGS:
        notes.append(f"out of tree ({show(defconfig.parent)})")
    prefix = values.get("TOOLCHAIN_PREFIX", "")
    if prefix and shutil.which(prefix + "gcc") is None:
        notes.append(f"not buildable here: toolchain {prefix.rstrip('-')} not found")
    elif values.get("BOARD_NOTE"):
        notes.append(values["BOARD_NOTE"])
    return "; ".join(notes)


def _description(kconf: object, board: str) -> str:
    """What the board is: the prompt of its CONFIG_BOARD_<NAME> choice, else the first
    sentence of its defconfig's opening comment ("# board: what it is; ...")."""
    sym = getattr(kconf, "syms", {}).get(f"BOARD_{board.upper()}")
    prompts = [n.prompt[0] for n in sym.nodes if n.prompt] if sym is not None else []
    if prompts:
        return prompts[0]
    lines = []
    for line in find_defconfig(board).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    text = " ".join(lines).removeprefix(f"{board}:").strip()
    return re.split(r"(?<=[^.])[.;](?:\s|$)", text, maxsplit=1)[0]


def board_table() -> list[dict[str, str]]:
    """Every board's facts from its defconfig and Kconfig, as `--json` prints them plus its
    description and CONFIG_BOARD_NOTE as written (the notes column also says whether the
    board's compiler is installed here)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for board in board_names():
            defconfig = find_defconfig(board)
            inputs = ConfigInputs(board, defconfig, (), Path(tmp) / board)
            res = resolve(inputs, lambda _line: None)
            v = res.view
            out.append(
                {
                    "board": board,
                    "port": v.value("PORT"),
                    "chip": v.value("CHIP"),
                    "flash": _size(v.value("FLASH_SIZE")),
                    "ram": _size(v.value("RAM_SIZE")),
                    "emulator": _emulator(v.value("EMULATOR")),
                    "notes": _notes(v.values, defconfig),
                    "description": _description(res.kconf, board),
                    "board_note": v.values.get("BOARD_NOTE", ""),
                    "repl": "yes" if v.values.get("REPL") == "y" else "no",
                    "heap": v.values.get("HEAP_SIZE", ""),
                }
            )
    return out


def _as_json(board: dict[str, str]) -> dict[str, str | int | bool | None]:
    """A board as `--json` prints it: sizes in bytes (null where the board has no figure),
    the REPL as a boolean, the rest as the table shows it."""

    def number(text: str) -> int | None:
        if text == "-":
            return None
        n, unit = text.split()
        return int(n) * (1024 if unit == "KiB" else 1)

    return {
        "board": board["board"],
        "port": board["port"],
        "chip": board["chip"],
        "flash": number(board["flash"]),
        "ram": number(board["ram"]),
        "heap": int(board["heap"]) if board["heap"] else None,
        "repl": board["repl"] == "yes",
        "emulator": board["emulator"],
        "notes": board["notes"],
    }


def run(args: argparse.Namespace) -> int:
    configure_roots(args, find_project())
    header = ("BOARD", "PORT", "CHIP", "FLASH", "RAM", "EMULATOR", "NOTES")
    table = board_table()
    rows = [header] + [tuple(b[h.lower()] for h in header) for b in table]
    wanted = (args.filter or "").lower()
    rows = [header] + [r for r in rows[1:] if any(wanted in c.lower() for c in r[:3])]
    if args.json:
        shown = {r[0] for r in rows[1:]}
        print(json.dumps([_as_json(b) for b in table if b["board"] in shown], indent=2))
        return 0
    if len(rows) == 1:
        raise MpforgeError(
            f"no board matches '{args.filter}' (a part of a board's name, port or chip); "
            "`mpforge boards` lists them all"
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0
