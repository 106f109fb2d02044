"""The core's layout rules (py/README.md): the internal header stays inside py/, its
declarations carry MPF_INTERNAL, and every global symbol of py/X.c carries a prefix
declared for X."""

from __future__ import annotations

import re
from pathlib import Path

from mpforge import paths

PY = paths.ROOT / "py"
INTERNAL = "mpf_int.h"
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
    public = [p for p in PY.glob("*.h") if p.name not in (INTERNAL, "compile_int.h")]
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
