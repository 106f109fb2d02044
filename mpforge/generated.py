"""What the GENERATE stage hands on: the core's qstr pool and builtin-module table as data.

The generators (mpforge/qstr.py, mpforge/modtable.py) write each C header for the
compiler and, beside it, the same facts as JSON for the later stages (FREEZE needs
the pool to number the frozen code's strings after the core's, and the module names
to refuse a frozen module a builtin would shadow). Later stages read this data, never
the C headers back.

    gen/qstrpool.json   {"pool": [...]}     the core's strings in id order (id 1 first)
    gen/modules.json    {"modules": [...],  the builtin module names, sorted, the names each
                         "members": {...},  defines in any configuration, and the `#if`s
                         "guards": {...}}   around those not always defined (mpforge/modtable.py:
                                            guarded_members; the import check evaluates them)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mpforge.errors import MpforgeError
from mpforge.textfile import write_if_changed

QSTR_POOL_JSON = "qstrpool.json"
MODULES_JSON = "modules.json"


def _encode(data: bytes) -> str:
    # qstr strings are bytes; latin-1 maps each byte to one code point and back.
    return data.decode("latin-1")


def write_pool(pool: Iterable[bytes], output: Path) -> None:
    """Write the qstr pool (in id order) as the GENERATE stage's data."""
    text = json.dumps({"pool": [_encode(s) for s in pool]}, indent=0) + "\n"
    write_if_changed(output, text)


def write_modules(
    names: Iterable[str],
    output: Path,
    members: dict[str, list[str] | None] | None = None,
    guards: dict[str, dict[str, list[list[str]]]] | None = None,
) -> None:
    """Write the builtin module names, the names each defines (null: unknown) and their
    guards as the GENERATE stage's data."""
    data = {
        "modules": sorted(set(names)),
        "members": dict(sorted((members or {}).items())),
        "guards": dict(sorted((guards or {}).items())),
    }
    write_if_changed(output, json.dumps(data, indent=0) + "\n")


@dataclass(frozen=True)
class Generated:
    """The GENERATE stage's results for one build."""

    core_pool: tuple[bytes, ...]
    builtin_modules: frozenset[str]
    # module -> the names it defines (None, or no entry: unknown, taken at its word)
    builtin_members: dict[str, frozenset[str] | None] = field(default_factory=dict)
    # module -> name -> the `#if` conditions it is defined under (alternatives of all-of lists)
    builtin_guards: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)

    @classmethod
    def load(cls, gen_dir: Path) -> Generated:
        return cls(
            core_pool=tuple(s.encode("latin-1") for s in _read(gen_dir / QSTR_POOL_JSON, "pool")),
            builtin_modules=frozenset(_read(gen_dir / MODULES_JSON, "modules")),
            builtin_members=_members(gen_dir / MODULES_JSON),
            builtin_guards=_guards(gen_dir / MODULES_JSON),
        )


def _members(path: Path) -> dict[str, frozenset[str] | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")).get("members", {})
    except (OSError, ValueError, AttributeError):
        data = None
    if not isinstance(data, dict) or not all(
        v is None or (isinstance(v, list) and all(isinstance(n, str) for n in v))
        for v in data.values()
    ):
        raise MpforgeError(
            f"{path}: the generated members data is damaged; rebuild with --pristine"
        )
    return {k: None if v is None else frozenset(v) for k, v in data.items()}


def _guards(path: Path) -> dict[str, dict[str, list[list[str]]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")).get("guards", {})
    except (OSError, ValueError, AttributeError):
        data = None
    if not isinstance(data, dict) or not all(
        isinstance(names, dict)
        and all(
            isinstance(alts, list)
            and all(isinstance(a, list) and all(isinstance(c, str) for c in a) for a in alts)
            for alts in names.values()
        )
        for names in data.values()
    ):
        raise MpforgeError(f"{path}: the generated guards data is damaged; rebuild with --pristine")
    return data


def _read(path: Path, key: str) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        values = data[key]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise MpforgeError(
            f"{path}: the generated {key} data is missing or damaged ({e}); rebuild with --pristine"
        ) from None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise MpforgeError(f"{path}: the generated {key} data is damaged; rebuild with --pristine")
    return values
