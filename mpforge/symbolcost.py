"""What each enabled Kconfig bool costs: the image rebuilt with the symbol off, measured.

A symbol is measured when turning it off is a valid configuration (it has a prompt, is not
a choice member and nothing selects it); the bools that depend on it go off with it and are
reported with it. Each configuration is built in a copy of the base build directory
(mpforge.buildcopy: SCons recompiles only the objects the symbol reaches) and the result is
kept under BUILD_DIR/size-symbols/<config hash>/result.json, reused while the base image is
the same, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import kconfiglib

from mpforge.build import run_scons_captured, scons_command
from mpforge.buildcopy import copy_build
from mpforge.config.tree import has_prompt, load_kconfig
from mpforge.errors import MpforgeError, did_you_mean

CACHE_DIR = "size-symbols"
RESULT = "result.json"
_BOOL = kconfiglib.BOOL

Measure = Callable[[Path], dict]  # a build directory -> its size report (mpforge size --json)


@dataclass(frozen=True)
class Candidate:
    """An enabled bool that can be turned off, and what goes off with it."""

    name: str
    dependents: tuple[str, ...]  # other bools on in the base and off without this one
    key: str  # hash of the whole configuration with the symbol off


def config_hash(board: str, values: dict[str, str]) -> str:
    text = json.dumps({"board": board, "values": values}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _values(kconf: kconfiglib.Kconfig) -> dict[str, str]:
    return {s.name: s.str_value for s in kconf.unique_defined_syms}


def _why_fixed(sym: kconfiglib.Symbol) -> str | None:
    """Why `sym` (an enabled bool) cannot be turned off on its own, or None if it can."""
    if sym.choice is not None:
        return "it is one choice of several (pick another in its choice instead)"
    if not has_prompt(sym):
        return "it has no prompt (the configuration sets it, not the user)"
    if 0 not in sym.assignable:
        selectors = kconfiglib.expr_str(sym.rev_dep)
        return f"it is selected by {selectors}" if sym.rev_dep is not sym.kconfig.n else "fixed"
    return None


def candidates(
    board: str, base_dir: Path, selected: Sequence[str] | None = None
) -> list[Candidate]:
    """The enabled bools of the base build's .config that can be turned off, sorted by name.

    With `selected`, those symbols only (CONFIG_ prefix optional); one that is unknown, not an
    enabled bool or cannot be turned off is an error naming it.
    """
    kconf = load_kconfig(base_dir)
    kconf.load_config(str(base_dir / ".config"))
    base = _values(kconf)
    on = [
        s
        for s in kconf.unique_defined_syms
        if s.orig_type == _BOOL and s.tri_value == 2 and not s.name.startswith("BOARD_")
    ]
    if selected is not None:
        by_name = {s.name: s for s in kconf.unique_defined_syms}
        chosen = []
        for raw in selected:
            name = raw.removeprefix("CONFIG_")
            sym = by_name.get(name)
            if sym is None:
                guess = did_you_mean(name, by_name)
                raise MpforgeError(f"--symbols {raw}: no such Kconfig symbol{guess}")
            if sym.orig_type != _BOOL or sym.tri_value != 2:
                raise MpforgeError(
                    f"--symbols {raw}: not an enabled bool in {base_dir / '.config'} "
                    f"(it is {sym.str_value or 'unset'}); measure symbols that are on"
                )
            why = _why_fixed(sym)
            if why:
                raise MpforgeError(f"--symbols {raw}: cannot be turned off alone: {why}")
            if sym not in chosen:  # named twice (`A,CONFIG_A`): measured once
                chosen.append(sym)
        on = chosen
    out = []
    for sym in sorted(on, key=lambda s: s.name):
        if _why_fixed(sym):
            continue
        sym.set_value(0)
        off = _values(kconf)
        sym.set_value(2)
        if off[sym.name] != "n":
            continue
        dependents = tuple(
            n for n, v in sorted(off.items()) if n != sym.name and base[n] == "y" and v == "n"
        )
        out.append(Candidate(sym.name, dependents, config_hash(board, off)))
    return out


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Base:
    """The build every symbol is measured against."""

    board: str
    directory: Path
    fragments: tuple[Path, ...]
    app: Path | None
    report: dict
    digest: str  # of the base image: cached results hold while it is the same


def cost(base: Base, c: Candidate, measure: Measure) -> dict:
    """The symbol's result, from the cache or from a build with it off."""
    slot = base.directory / CACHE_DIR / c.key[:20]
    result = slot / RESULT
    if result.is_file():
        try:
            cached = json.loads(result.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            cached = {}
        if cached.get("base") == base.digest and cached.get("symbol") == c.name:
            return {**cached, "cached": True}
    work = slot / "build"
    shutil.rmtree(work, ignore_errors=True)
    slot.mkdir(parents=True, exist_ok=True)
    copy_build(base.directory, work, skip=(CACHE_DIR,))
    fragment = slot / "off.conf"
    fragment.write_text(f"# CONFIG_{c.name} is not set\n", encoding="utf-8")
    cmd = scons_command(base.board, work, [*base.fragments, fragment], jobs=1, app=base.app)
    proc = run_scons_captured(cmd)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
        shutil.rmtree(work, ignore_errors=True)
        return {"symbol": c.name, "error": " / ".join(tail) or f"exit {proc.returncode}"}
    off_config = (work / ".config").read_text(encoding="utf-8")
    if f"# CONFIG_{c.name} is not set" not in off_config:
        shutil.rmtree(work, ignore_errors=True)
        return {"symbol": c.name, "error": "still on after the rebuild (a menuconfig edit?)"}
    rep = measure(work)
    shutil.rmtree(work)
    old, new = base.report["totals"], rep["totals"]
    data = {
        "symbol": c.name,
        "base": base.digest,
        "flash": old["flash"] - new["flash"],
        "ram": old["ram"] - new["ram"],
        "dependents": list(c.dependents),
        "off": new,
    }
    scratch = result.with_suffix(".tmp")
    scratch.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    scratch.replace(result)
    return {**data, "cached": False}


def costs(
    base: Base,
    chosen: Sequence[Candidate],
    measure: Measure,
    jobs: int,
    progress: Callable[[str], None],
) -> list[dict]:
    """Every chosen symbol's cost (builds run `jobs` at a time), largest flash cost first."""
    lock = threading.Lock()
    started = [0]

    def one(c: Candidate) -> dict:
        with lock:
            started[0] += 1
            progress(f"[{started[0]}/{len(chosen)}] {c.name} ...")
        return cost(base, c, measure)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, chosen))
    return sorted(results, key=lambda r: (-r.get("flash", -(2**62)), r["symbol"]))
