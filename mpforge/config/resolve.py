"""Resolve a board's configuration: defconfig + fragments + the existing .config.

The pipeline, top to bottom:
1. parse the board's defconfig and the fragments (in the order given);
2. on a fresh build directory (or --pristine), apply all of them strictly;
   otherwise load the existing .config, which keeps menuconfig edits, and
   re-apply only the assignments that changed since it was made (saying so);
3. write .config, the C header and the input record, each only if its
   content changed, so an unchanged configuration rebuilds nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import kconfiglib

from mpforge import paths
from mpforge.config.apply import apply_assignments
from mpforge.config.fragment import Assignment, display_path, parse_fragment
from mpforge.config.tree import load_kconfig
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError

Report = Callable[[str], None]

DOTCONFIG = ".config"
HEADER = "gen/config.h"
INPUTS_RECORD = "config-inputs.json"


@dataclass(frozen=True)
class ConfigInputs:
    board: str
    defconfig: Path
    fragments: tuple[Path, ...]
    build_dir: Path
    pristine: bool = False
    root: Path = paths.ROOT

    @property
    def all_files(self) -> tuple[Path, ...]:
        """The defconfig and the fragments, in the order they apply."""
        return (self.defconfig, *self.fragments)


@dataclass
class Resolution:
    """The result of resolving: the view, the kconfiglib tree, and who set what."""

    view: ConfigView
    kconf: kconfiglib.Kconfig
    set_by: dict[str, Assignment]
    inputs: ConfigInputs


def resolve(inputs: ConfigInputs, report: Report) -> Resolution:
    assignments = [a for f in inputs.all_files for a in parse_fragment(f)]
    kconf = load_kconfig(inputs.root)
    dotconfig = inputs.build_dir / DOTCONFIG
    record = inputs.build_dir / INPUTS_RECORD
    if inputs.pristine and inputs.build_dir.exists():
        shutil.rmtree(inputs.build_dir)
        report(f"note: --pristine: removed {display_path(inputs.build_dir)}")

    def override(old: Assignment, new: Assignment) -> None:
        report(f"note: {new.where}: {new.text} overrides {old.text} from {old.where}")

    previous = _read_record(record)
    if dotconfig.is_file() and previous is not None:
        old_assignments, old_baseline = previous
        kconf.load_config(str(dotconfig), replace=True)
        for name, _value in kconf.missing_syms:
            report(
                f"note: {display_path(dotconfig)}: CONFIG_{name} is no longer a Kconfig option; "
                "dropped"
            )
        _release_unedited(kconf, old_baseline, set(_effective(assignments)))
        set_by = _apply_changes(kconf, dotconfig, assignments, old_assignments, override, report)
    else:
        set_by = apply_assignments(kconf, assignments, override)
    _write_outputs(kconf, inputs, assignments, baseline_values(inputs))
    values = {s.name: s.str_value for s in kconf.unique_defined_syms}
    return Resolution(ConfigView(inputs.board, values), kconf, set_by, inputs)


def baseline_values(inputs: ConfigInputs) -> dict[str, str]:
    """The values the defconfig and fragments alone give, ignoring any .config (nothing written)."""
    assignments = [a for f in inputs.all_files for a in parse_fragment(f)]
    kconf = load_kconfig(inputs.root)
    apply_assignments(kconf, assignments, lambda _old, _new: None)
    return {s.name: s.str_value for s in kconf.unique_defined_syms}


def _effective(assignments: Sequence[Assignment]) -> dict[str, Assignment]:
    """Symbol -> the last assignment to it (the one that decides its value)."""
    return {a.symbol: a for a in assignments}


def _user_text(sym: kconfiglib.Symbol) -> str:
    value = sym.user_value
    return kconfiglib.TRI_TO_STR[value] if isinstance(value, int) else str(value)


def _release_unedited(
    kconf: kconfiglib.Kconfig, baseline: dict[str, str], inputs: set[str]
) -> None:
    """Let every value of the loaded .config that was not an edit follow today's defaults.

    .config records every symbol, so a value equal to what the inputs and the
    defaults gave when it was written (`baseline`) is not a menuconfig edit:
    it is released, and a default changed in Kconfig since then applies.
    """
    plain = [
        s
        for s in kconf.unique_defined_syms
        if s.choice is None
        and s.name not in inputs
        and s.user_value is not None
        and baseline.get(s.name) == _user_text(s)
    ]
    choices = [
        c
        for c in kconf.unique_choices
        if c.user_selection is not None
        and not any(m.name in inputs for m in c.syms)
        and baseline.get(c.user_selection.name) == "y"
    ]
    for sym in plain:
        sym.unset_value()
    for choice in choices:
        choice.unset_value()
        for member in choice.syms:
            member.unset_value()


def _apply_changes(
    kconf: kconfiglib.Kconfig,
    dotconfig: Path,
    assignments: Sequence[Assignment],
    previous: dict[str, str],
    override: Callable[[Assignment, Assignment], None],
    report: Report,
) -> dict[str, Assignment]:
    """On a loaded .config (keeping menuconfig edits), apply what changed in the inputs."""
    current = _effective(assignments)
    changed = [a for a in current.values() if previous.get(a.symbol) != a.value]
    removed = sorted(set(previous) - set(current))
    if not changed and not removed:
        return current
    for name in removed:
        sym = kconf.syms.get(name)
        if sym is not None:
            if sym.choice is not None and sym.choice.user_selection is sym:
                sym.choice.unset_value()
            sym.unset_value()
    # Re-assert every member of a choice that was touched, in file order, so the
    # choice ends on the last option the inputs select.
    touched = {kconf.syms[a.symbol].choice for a in changed if a.symbol in kconf.syms}
    touched |= {kconf.syms[n].choice for n in removed if n in kconf.syms}
    touched.discard(None)
    redo = [
        a
        for a in assignments
        if a in changed or (a.symbol in kconf.syms and kconf.syms[a.symbol].choice in touched)
    ]
    what = ", ".join(
        [f"{a.text} ({a.where})" for a in changed]
        + [f"CONFIG_{n} (removed: back to its default)" for n in removed]
    )
    report(
        f"note: the board's defconfig or fragments changed since {display_path(dotconfig)} "
        f"was made; applying: {what}"
    )
    apply_assignments(kconf, redo, override)
    return current


def _read_record(path: Path) -> tuple[dict[str, str], dict[str, str]] | None:
    """(effective input assignments, baseline values) recorded when .config was written."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        assignments = {str(k): str(v) for k, v in data["assignments"].items()}
        baseline = {str(k): str(v) for k, v in data["baseline"].items()}
    except (OSError, ValueError, KeyError, AttributeError):
        return None
    return assignments, baseline


def _write_outputs(
    kconf: kconfiglib.Kconfig,
    inputs: ConfigInputs,
    assignments: Sequence[Assignment],
    baseline: dict[str, str],
) -> None:
    inputs.build_dir.mkdir(parents=True, exist_ok=True)
    (inputs.build_dir / "gen").mkdir(exist_ok=True)
    header = (
        f"# mpforge configuration of board {inputs.board}.\n"
        f"# Edit with `mpforge menuconfig -b {inputs.board}`; edits survive rebuilds.\n"
    )
    kconf.write_config(str(inputs.build_dir / DOTCONFIG), header=header, save_old=False)
    kconf.write_autoconf(
        str(inputs.build_dir / HEADER),
        header=f"/* Generated by mpforge from the configuration of board {inputs.board}. */\n",
    )
    effective = {a.symbol: a.value for a in _effective(assignments).values()}
    _write_if_changed(
        inputs.build_dir / INPUTS_RECORD,
        json.dumps({"assignments": effective, "baseline": baseline}, indent=1, sort_keys=True)
        + "\n",
    )


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")


def require_config(build_dir: Path) -> Path:
    dotconfig = build_dir / DOTCONFIG
    if not dotconfig.is_file():
        raise MpforgeError(f"{display_path(dotconfig)} does not exist; run `mpforge build` first")
    return dotconfig
