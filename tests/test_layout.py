"""The core's layout rules (py/README.md): the internal header stays inside py/, its
declarations carry MPF_INTERNAL, and every global symbol of py/X.c carries a prefix
declared for X."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mpforge import paths

PY = paths.ROOT / "py"
INTERNAL = "mpf_int.h"
# Names the rename commit gives their file's prefix; allowed until it has (it empties this set).
PENDING_RENAMES: frozenset[str] = frozenset()
_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def _includes(path: Path) -> list[str]:
    return _INCLUDE.findall(path.read_text(encoding="utf-8", errors="replace"))


def _reachable_core_headers(start: Path) -> set[str]:
    """The py/ headers [start] includes, directly or through other py/ headers."""
    seen: set[str] = set()
    todo = [name for name in _includes(start) if (PY / name).is_file()]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [n for n in _includes(PY / name) if (PY / n).is_file()]
    return seen


def test_nothing_outside_py_reaches_the_internal_header() -> None:
    outside = [
        p
        for top in ("ports", "tests", "frozen")
        for p in (paths.ROOT / top).rglob("*")
        if p.suffix in (".c", ".h", ".S") and p.is_file()
    ]
    assert len(outside) > 50  # the ports' sources are there
    offenders = sorted(str(p) for p in outside if INTERNAL in _reachable_core_headers(p))
    assert offenders == []
    # and the generated sources (frozen modules, module table) use the public API only
    emitters = [
        paths.ROOT / "mpforge" / "frozen" / "emit.py",
        paths.ROOT / "mpforge" / "modtable.py",
    ]
    assert all(INTERNAL not in p.read_text() for p in emitters)


def test_the_public_headers_do_not_include_it() -> None:
    public = [
        p for p in PY.glob("*.h") if p.name not in (INTERNAL, "compile_int.h", "compile_emit.h")
    ]
    assert {p.name for p in public} >= {"mpf.h", "port.h", "repl.h", "compile.h", "obj.h"}
    for header in public:
        assert INTERNAL not in _reachable_core_headers(header), header.name


def _file_scope_declarations(text: str) -> list[str]:
    """The first line of each function prototype and extern object at file scope."""
    out = []
    depth = 0
    for line in text.splitlines():
        stripped = line.split("//")[0].rstrip()
        top = depth == 0 and not stripped.startswith(("#", " ", "}", "typedef", "static"))
        if top and re.search(r"\bmpf_\w+\s*(\(|;|,|\[)", stripped):
            out.append(stripped)
        depth += stripped.count("{") - stripped.count("}")
    return out


def test_every_internal_declaration_carries_the_marker() -> None:
    text = (PY / INTERNAL).read_text()
    assert "#define MPF_INTERNAL extern" in text
    decls = _file_scope_declarations(text)
    assert len(decls) > 20
    unmarked = [d for d in decls if not d.startswith("MPF_INTERNAL ")]
    assert unmarked == []
    # and none of them is declared in the public header as well
    public = (PY / "mpf.h").read_text()
    names = {re.search(r"\b(mpf_\w+)\s*(\(|;|,|\[)", d).group(1) for d in decls}
    assert sorted(n for n in names if re.search(rf"\b{n}\s*\(", public)) == []
    assert "MPF_INTERNAL" not in public


def _declared_prefixes() -> dict[str, tuple[str, ...]]:
    """py/README.md's table: file -> the prefixes it declares besides its own."""
    rows = re.findall(r"^\| `(\w+)\.c` \| (.*) \|$", (PY / "README.md").read_text(), re.M)
    return {name: tuple(re.findall(r"`(\w+)`", cells)) for name, cells in rows}


def _own_prefixes(name: str) -> tuple[str, ...]:
    n = re.sub(r"^(obj|mod)_", "", name)
    return (f"mpf_{n}_", f"mpf_obj_new_{n}", f"mpf_type_{n}", f"mpf_module_{n}")


def _global_symbols(obj: Path) -> list[str]:
    out = subprocess.run(
        ["nm", "-g", "--defined-only", obj], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[-1] for line in out.splitlines() if line.strip()]


@pytest.mark.skipif(shutil.which("nm") is None, reason="nm (binutils) is not installed")
def test_every_global_symbol_carries_a_prefix_of_its_file() -> None:
    build = paths.default_build_dir("host")  # built by conftest before any test
    db = json.loads((build / "compile_commands.json").read_text())
    core = sorted({Path(e["file"]).stem for e in db if Path(e["file"]).parent.name == "py"})
    assert {"seq", "items", "vm", "obj_list", "obj_tuple"} <= set(core)
    declared = _declared_prefixes()
    assert set(declared) <= {p.stem for p in PY.glob("*.c")}  # no row for a file that is gone
    wrong: dict[str, list[str]] = {}
    unused: dict[str, list[str]] = {}
    for name in core:
        extra = declared.get(name, ())
        symbols = _global_symbols(build / "py" / f"{name}.o")
        n = re.sub(r"^(obj|mod)_", "", name)
        bad = [
            s
            for s in symbols
            if s != f"mpf_{n}"
            and not s.startswith(_own_prefixes(name) + extra)
            and s not in PENDING_RENAMES
        ]
        if bad:
            wrong[name] = bad
        # the table allows nothing a file does not use (a stale row would hide a new name)
        idle = [p for p in extra if not any(s.startswith(p) for s in symbols)]
        if idle:
            unused[name] = idle
    assert wrong == {}
    assert unused == {}
