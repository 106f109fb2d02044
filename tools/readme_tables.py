#!/usr/bin/env python3
"""Write the README's generated tables between their markers (or, with --check, say whether
they are up to date).

- modules: every CONFIG_MODULE_* symbol of py/Kconfig.modules, what it provides (its Kconfig
  help), what it needs (its dependencies) and its flash and RAM cost on netduinoplus2 from
  tools/module_costs.json, which `mpforge size -b netduinoplus2 --symbols --json` measures;
  `--costs REPORT.json` replaces that file from such a report first.
- boards: every board's port, description, chip, memory and runner (`mpforge boards`).
- repl: which boards have the compiler and REPL by default (from each board's resolved
  config), their flash and RAM cost from tools/repl_costs.json (measured with `mpforge size
  --diff` against the same board built with `# CONFIG_COMPILER is not set`), and why the
  others leave them off (the file's notes, or the heap their RAM leaves).

usage: tools/readme_tables.py [--check] [--costs REPORT.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

import kconfiglib

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.commands.boards import Board, board_table, size_text
from mpforge.config.tree import load_kconfig
from mpforge.errors import MpforgeError

README = paths.ROOT / "README.md"
COSTS = paths.ROOT / "tools" / "module_costs.json"
REPL_COSTS = paths.ROOT / "tools" / "repl_costs.json"
COMPILER_MIN_HEAP = 9216  # HEAP_SIZE's range with CONFIG_COMPILER on a board (py/Kconfig)
COST_BOARD = "netduinoplus2"
MODULES_KCONFIG = "py/Kconfig.modules"


def markers(name: str) -> tuple[str, str]:
    return (
        f"<!-- generated: {name} (tools/readme_tables.py; do not edit by hand) -->",
        f"<!-- end of generated: {name} -->",
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _help(sym: kconfiglib.Symbol) -> str:
    """The first paragraph of the symbol's help, without its "name: " lead."""
    text = next((n.help for n in sym.nodes if n.help), "") or ""
    first = text.strip().split("\n\n")[0]
    return re.sub(r"^[\w.]+: ", "", " ".join(first.split()))


def module_rows(kconf: kconfiglib.Kconfig, costs: dict) -> list[str]:
    measured = costs["symbols"]
    rows = []
    for node in kconf.node_iter():
        sym = node.item
        if not isinstance(sym, kconfiglib.Symbol) or not sym.name.startswith("MODULE_"):
            continue
        if node.filename != MODULES_KCONFIG or node is not sym.nodes[0]:
            continue
        name = sym.name.removeprefix("MODULE_").lower()
        if not (paths.ROOT / "py" / f"mod_{name}.c").is_file():
            parent = next(
                (
                    p
                    for p in sorted(kconf.syms, key=len, reverse=True)
                    if p.startswith("MODULE_") and sym.name.startswith(p + "_")
                ),
                None,
            )
            if parent is not None:
                option = sym.name.removeprefix(parent + "_").lower()
                name = f"{parent.removeprefix('MODULE_').lower()} ({option})"
        needs = kconfiglib.expr_str(sym.direct_dep)
        symbol = sym.name if needs == "y" else f"{sym.name} (needs {needs})"
        cost = measured.get(sym.name)
        if cost is None:
            flash = ram = "not measured" if sym.str_value == "y" else f"off on {costs['board']}"
        else:
            also = cost.get("dependents", [])
            flash = str(cost["flash"]) + (f" (with {', '.join(also)})" if also else "")
            ram = str(cost["ram"])
        rows.append(f"| {name} | {_cell(_help(sym))} | {symbol} | {flash} | {ram} |")
    return rows


def modules_table(costs: dict) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        kconf = load_kconfig(Path(tmp))
    # The board's configuration, to tell a module it leaves off from one not measured yet.
    kconf.load_config(str(find_defconfig(costs["board"])))
    lines = [
        "| module | provides | symbol | flash (bytes) | RAM (bytes) |",
        "|---|---|---|---|---|",
        *module_rows(kconf, costs),
    ]
    return "\n".join(lines)


def boards_table(boards: list[Board]) -> str:
    lines = [
        "| board | port | what it is | chip | flash | RAM | runs in | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for b in sorted(boards, key=lambda b: (b["port"], b["board"])):
        cells = [b["board"], b["port"], b["description"], b["chip"]]
        cells += [size_text(b["flash"]), size_text(b["ram"])]
        cells += [b["emulator"], b["board_note"] or "-"]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def repl_table(boards: list[Board], repl_costs: dict) -> str:
    """One row a board: whether its defconfig has the REPL, and the compiler's and REPL's
    measured cost there, or why it is off."""
    lines = [
        "| board | REPL | flash (bytes) | RAM (bytes) | heap | notes |",
        "|---|---|---|---|---|---|",
    ]
    measured, notes = repl_costs["boards"], repl_costs["notes"]
    for b in sorted(boards, key=lambda b: (b["port"], b["board"])):
        on = b["repl"]
        cost = measured.get(b["board"])
        flash, ram = (str(cost["flash"]), str(cost["ram"])) if cost else ("-", "-")
        heap = b["heap"]
        note = notes.get(b["board"], "")
        if not note and not on and heap and heap < COMPILER_MIN_HEAP:
            note = (
                f"off: its RAM leaves a heap of {heap // 1024} KiB, the compiler needs "
                f"{COMPILER_MIN_HEAP // 1024} KiB"
            )
        if not note and on and cost is None:
            note = "not measured"
        heap_cell = f"{heap // 1024} KiB" if heap else "-"
        cells = [b["board"], "yes" if on else "no", flash, ram, heap_cell, note or "-"]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def replace_between(text: str, name: str, body: str) -> str:
    begin, end = markers(name)
    if text.count(begin) != 1 or text.count(end) != 1 or text.index(begin) > text.index(end):
        raise MpforgeError(f"README.md: expected one '{begin}' line before one '{end}' line")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}\n{end}{tail}"


def costs_from_report(report: dict) -> dict:
    """The cost file's content from `mpforge size --symbols --json` output."""
    if report.get("board") != COST_BOARD or not isinstance(report.get("symbols"), list):
        raise MpforgeError(
            f"--costs: not the output of `mpforge size -b {COST_BOARD} --symbols --json`"
        )
    failed = [r["symbol"] for r in report["symbols"] if "error" in r]
    if failed:
        raise MpforgeError(f"--costs: the report has failed builds ({', '.join(failed)})")
    return {
        "board": COST_BOARD,
        "measured_by": f"mpforge size -b {COST_BOARD} --symbols --json",
        "image": {k: report["totals"][k] for k in ("flash", "ram")},
        "symbols": {
            r["symbol"]: {"flash": r["flash"], "ram": r["ram"], "dependents": r["dependents"]}
            for r in sorted(report["symbols"], key=lambda r: r["symbol"])
        },
    }


def generate(readme: str, costs: dict, boards: list[Board], repl_costs: dict | None = None) -> str:
    if repl_costs is None:
        repl_costs = json.loads(REPL_COSTS.read_text(encoding="utf-8"))
    text = replace_between(readme, "modules", modules_table(costs))
    text = replace_between(text, "repl", repl_table(boards, repl_costs))
    return replace_between(text, "boards", boards_table(boards))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(allow_abbrev=False, description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether README is current")
    parser.add_argument("--costs", type=Path, metavar="REPORT.json", help="update the cost file")
    args = parser.parse_args(argv)
    try:
        if args.costs is not None:
            report = json.loads(args.costs.read_text(encoding="utf-8"))
            COSTS.write_text(json.dumps(costs_from_report(report), indent=1) + "\n")
        costs = json.loads(COSTS.read_text(encoding="utf-8"))
        old = README.read_text(encoding="utf-8")
        new = generate(old, costs, board_table())
    except (MpforgeError, OSError, json.JSONDecodeError) as e:
        print(f"error: {getattr(e, 'message', e)}", file=sys.stderr)
        return 2
    if args.check:
        if new != old:
            print("error: README.md's generated tables are out of date; run tools/readme_tables.py",
                  file=sys.stderr)  # fmt: skip
            return 1
        return 0
    if new != old:
        README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
