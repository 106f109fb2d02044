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
from typing import TypedDict

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


class Board(TypedDict):
    """One board's facts, typed: sizes in bytes (None where the board has no figure)."""

    board: str
    port: str
    chip: str
    flash: int | None
    ram: int | None
    heap: int | None
    repl: bool
    emulator: str
    notes: str  # CONFIG_BOARD_NOTE and whether its compiler is installed here
    description: str
    board_note: str  # CONFIG_BOARD_NOTE as written


def size_text(n: int | None) -> str:
    """A size as the tables show it: "1024 KiB", "100 B", or "-" for none."""
    if not n:
        return "-"
    return f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} B"


def _bytes(hex_value: str) -> int | None:
    return int(hex_value, 16) or None


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


def board_table() -> list[Board]:
    """Every board's facts from its defconfig and Kconfig, as `--json` prints them plus its
    description and CONFIG_BOARD_NOTE as written (the notes also say whether the board's
    compiler is installed here). Numbers stay numbers: the tables format them (size_text)."""
    out: list[Board] = []
    with tempfile.TemporaryDirectory() as tmp:
        for board in board_names():
            defconfig = find_defconfig(board)
            inputs = ConfigInputs(board, defconfig, (), Path(tmp) / board)
            res = resolve(inputs, lambda _line: None)
            v = res.view
            heap = v.values.get("HEAP_SIZE", "")
            out.append(
                Board(
                    board=board,
                    port=v.value("PORT"),
                    chip=v.value("CHIP"),
                    flash=_bytes(v.value("FLASH_SIZE")),
                    ram=_bytes(v.value("RAM_SIZE")),
                    heap=int(heap) if heap else None,
                    repl=v.values.get("REPL") == "y",
                    emulator=_emulator(v.value("EMULATOR")),
                    notes=_notes(v.values, defconfig),
                    description=_description(res.kconf, board),
                    board_note=v.values.get("BOARD_NOTE", ""),
                )
            )
    return out


JSON_KEYS = ("board", "port", "chip", "flash", "ram", "heap", "repl", "emulator", "notes")


def _row(b: Board) -> tuple[str, ...]:
    """A board as the table shows it."""
    flash, ram = size_text(b["flash"]), size_text(b["ram"])
    return (b["board"], b["port"], b["chip"], flash, ram, b["emulator"], b["notes"])


def run(args: argparse.Namespace) -> int:
    configure_roots(args, find_project())
    header = ("BOARD", "PORT", "CHIP", "FLASH", "RAM", "EMULATOR", "NOTES")
    wanted = (args.filter or "").lower()
    table = [
        b for b in board_table() if any(wanted in b[k].lower() for k in ("board", "port", "chip"))
    ]
    if args.json:
        print(json.dumps([{k: b[k] for k in JSON_KEYS} for b in table], indent=2))
        return 0
    rows = [header] + [_row(b) for b in table]
    if len(rows) == 1:
        raise MpforgeError(
            f"no board matches '{args.filter}' (a part of a board's name, port or chip); "
            "`mpforge boards` lists them all"
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0
