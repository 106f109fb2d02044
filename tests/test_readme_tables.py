"""The README's generated tables (tools/readme_tables.py) are up to date, and come from the
data: a cost, a board's description or a missing marker changes or stops the output."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from mpforge import paths
from mpforge.errors import MpforgeError

TOOL = paths.ROOT / "tools" / "readme_tables.py"


def _tool() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("readme_tables", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_is_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_tables_come_from_the_data() -> None:
    tool = _tool()
    costs = json.loads(tool.COSTS.read_text(encoding="utf-8"))
    readme = tool.README.read_text(encoding="utf-8")
    boards = [
        {"board": "b1", "port": "p", "description": "a | board", "chip": "C", "flash": 1024,
         "ram": 2048, "heap": None, "repl": False, "emulator": "qemu", "notes": "",
         "board_note": ""},
    ]  # fmt: skip
    changed = copy.deepcopy(costs)
    changed["symbols"]["MODULE_JSON"] = {"flash": 123456, "ram": 7, "dependents": ["X_Y"]}
    text = tool.generate(readme, changed, boards)
    row = next(line for line in text.splitlines() if line.startswith("| json |"))
    assert row.endswith("| MODULE_JSON | 123456 (with X_Y) | 7 |")
    assert "| b1 | p | a \\| board | C | 1 KiB | 2 KiB | qemu | - |" in text
    del changed["symbols"]["MODULE_JSON"]
    changed["symbols"].pop("MODULE_HASHLIB_SHA1", None)
    text = tool.generate(readme, changed, boards)
    assert "| MODULE_JSON | not measured | not measured |" in text  # on in netduinoplus2
    sha1 = "| MODULE_HASHLIB_SHA1 (needs MODULE_HASHLIB) | off on netduinoplus2 |"
    assert sha1 in text  # off in netduinoplus2's defconfig
    # Every MODULE_ symbol of py/Kconfig.modules has its row.
    kconfig = (paths.ROOT / "py" / "Kconfig.modules").read_text(encoding="utf-8")
    for line in kconfig.splitlines():
        if line.startswith("config MODULE_"):
            assert f"| {line.split()[1]}" in text, line
    begin, _ = tool.markers("boards")
    with pytest.raises(MpforgeError, match="boards"):
        tool.generate(readme.replace(begin, ""), costs, boards)
    # The REPL table: on or off from the board's config, its cost from the file, a reason
    repl = {"boards": {"b1": {"flash": 321, "ram": 9}}, "notes": {"b2": "off: why"}}
    b1 = {**boards[0], "repl": True, "heap": 65536}
    b2 = {**boards[0], "board": "b2", "repl": False, "heap": 65536}
    b3 = {**boards[0], "board": "b3", "repl": False, "heap": 8192}
    text = tool.generate(readme, costs, [b1, b2, b3], repl)
    assert "| b1 | yes | 321 | 9 | 64 KiB | - |" in text
    assert "| b2 | no | - | - | 64 KiB | off: why |" in text
    assert "| b3 | no | - | - | 8 KiB | off: its RAM leaves a heap of 8 KiB, the compiler" in text
    begin, _ = tool.markers("repl")
    with pytest.raises(MpforgeError, match="repl"):
        tool.generate(readme.replace(begin, ""), costs, boards, repl)


def test_costs_from_a_symbols_report(tmp_path: Path) -> None:
    tool = _tool()
    report = {
        "board": "netduinoplus2",
        "totals": {"text": 1, "data": 2, "bss": 3, "flash": 3, "ram": 5},
        "symbols": [{"symbol": "MODULE_RE", "flash": 9, "ram": 1, "dependents": [], "base": "x"}],
    }
    assert tool.costs_from_report(report)["symbols"] == {
        "MODULE_RE": {"flash": 9, "ram": 1, "dependents": []}
    }
    with pytest.raises(MpforgeError, match="netduinoplus2"):
        tool.costs_from_report({**report, "board": "host"})
    report["symbols"].append({"symbol": "MODULE_X", "error": "boom"})
    with pytest.raises(MpforgeError, match="MODULE_X"):
        tool.costs_from_report(report)


def test_every_readme_table_has_its_header() -> None:
    """Rows after a blank line inside a table render as a paragraph of pipes (the Layout
    table had two such rows, repeating `py/` and `ports/<port>/`); each run of `|` lines
    is one table, with its header and `|---|` line."""
    text = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    tables: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    for rows in tables:
        assert len(rows) >= 2 and set(rows[1]) <= set("|-: "), rows[:2]
