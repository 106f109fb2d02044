"""`savedefconfig --fragment`: the difference between .config and the board's inputs.

The *base* is the board's defconfig plus the fragments (the project's and `-C`), without the
app's own app.conf: the result is what an app.conf should hold so that base + it gives the
current .config exactly (menuconfig edits included), `# CONFIG_X is not set` for what was
switched off. It starts from every settable symbol whose value differs from the base, then
drops each one the others already imply (a module switched off takes its sub-options along).
"""

from __future__ import annotations

from pathlib import Path

import kconfiglib
from kconfiglib import BOOL, STRING, TRISTATE

from mpforge.config.inputs import APP_FRAGMENT
from mpforge.config.pathvalues import read_assignments, relative_to_output
from mpforge.config.resolve import Resolution
from mpforge.config.tree import has_prompt, load_kconfig
from mpforge.errors import MpforgeError


def _values(kconf: kconfiglib.Kconfig) -> dict[str, str]:
    return {s.name: s.str_value for s in kconf.unique_defined_syms}


def base_files(resolution: Resolution) -> list[Path]:
    """The defconfig and the fragments, not the app's app.conf (which the result replaces)."""
    inputs = resolution.inputs
    own = inputs.app / APP_FRAGMENT if inputs.app is not None else None
    return [f for f in inputs.all_files if f != own]


def fragment_text(resolution: Resolution, output_dir: Path) -> str:
    """The fragment that turns the base into the resolved configuration, one line a symbol,
    to be written into `output_dir` (path values are relative to it)."""
    inputs = resolution.inputs
    base = read_assignments(base_files(resolution), inputs.app, inputs.root)
    target = _values(resolution.kconf)
    kconf = load_kconfig(
        resolution.inputs.build_dir, resolution.inputs.root, resolution.inputs.defconfig
    )

    def values_with(extra: list[str]) -> dict[str, str]:
        kconf.unset_values()
        for a in base:
            kconf.syms[a.symbol].set_value(a.value)
        for name in extra:
            kconf.syms[name].set_value(target[name])
        return _values(kconf)

    start = values_with([])
    chosen = [
        s.name
        for s in kconf.unique_defined_syms
        if has_prompt(s)
        and start.get(s.name) != target.get(s.name)
        and (s.choice is None or target.get(s.name) == "y")
    ]
    if values_with(chosen) != target:
        raise MpforgeError(
            "the current configuration cannot be written as a fragment over the board's "
            "defconfig and fragments (a value no assignment reaches); use `mpforge "
            "savedefconfig` without --fragment"
        )
    for name in reversed(list(chosen)):
        fewer = [n for n in chosen if n != name]
        if values_with(fewer) == target:
            chosen = fewer
    text = "".join(_line(kconf.syms[name], target[name]) for name in chosen)
    return relative_to_output(text, output_dir, inputs.app, inputs.root)


def _line(sym: kconfiglib.Symbol, value: str) -> str:
    if sym.orig_type in (BOOL, TRISTATE) and value == "n":
        return f"# CONFIG_{sym.name} is not set\n"
    if sym.orig_type == STRING:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'CONFIG_{sym.name}="{escaped}"\n'
    return f"CONFIG_{sym.name}={value}\n"
