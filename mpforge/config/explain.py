"""`--explain SYMBOL`: a symbol's value, where it came from, and what it depends on."""

from __future__ import annotations

import kconfiglib
from kconfiglib import BOOL, TRISTATE, TYPE_TO_STR, expr_str, expr_value

from mpforge.config.apply import unmet_fix
from mpforge.config.fragment import Assignment
from mpforge.config.tree import has_prompt, location
from mpforge.errors import MpforgeError, did_you_mean


def _with_values(expr: object) -> str:
    """`A && !B` -> `A (y) && !B (n)`: an expression with each symbol's current value."""

    def show(sc: object) -> str:
        if isinstance(sc, kconfiglib.Symbol) and not sc.is_constant:
            return f"{sc.name} ({sc.str_value or 'empty'})"
        return kconfiglib.standard_sc_expr_str(sc)

    return expr_str(expr, show)


def _origin(sym: kconfiglib.Symbol, set_by: dict[str, Assignment], baseline: str) -> str:
    if sym.name in set_by:
        a = set_by[sym.name]
        return f"{a.where} ({a.text})"
    if sym.str_value != baseline:
        return f".config (edited in menuconfig or by hand; the inputs alone give {baseline})"
    if sym.orig_type in (BOOL, TRISTATE) and expr_value(sym.rev_dep):
        return f"selected by {_with_values(sym.rev_dep)}"
    if sym.choice is not None:
        return "the choice's default"
    for part in sym.defaults:
        value, cond = part
        if expr_value(cond):
            when = "" if cond is sym.kconfig.y else f" if {_with_values(cond)}"
            return f"default {expr_str(value)}{when} ({location(sym, part)})"
    return "no default applies, so it is off/empty"


def explain(
    kconf: kconfiglib.Kconfig,
    name: str,
    set_by: dict[str, Assignment],
    baseline: dict[str, str],
) -> str:
    """The text `mpforge config --explain NAME` prints.

    `baseline` holds the values the defconfig and fragments alone give, to tell
    menuconfig edits apart from defaults.
    """
    name = name.removeprefix("CONFIG_")
    sym = kconf.syms.get(name)
    if sym is None or not sym.nodes:
        known = [f"CONFIG_{s.name}" for s in kconf.unique_defined_syms]
        raise MpforgeError(f"unknown symbol CONFIG_{name}{did_you_mean('CONFIG_' + name, known)}")
    lines = [f"CONFIG_{name}={sym.str_value}  ({TYPE_TO_STR[sym.orig_type]}, {location(sym)})"]
    prompts = [n.prompt[0] for n in sym.nodes if n.prompt]
    if prompts:
        lines.append(f'  prompt:      "{prompts[0]}"')
    else:
        lines.append("  prompt:      none (derived from other options; cannot be set directly)")
    if sym.choice is not None:
        lines.append("  choice:      one of " + ", ".join(s.name for s in sym.choice.syms))
    lines.append(f"  set by:      {_origin(sym, set_by, baseline.get(name, ''))}")
    dep = sym.choice.direct_dep if sym.choice is not None else sym.direct_dep
    lines.append("  depends on:  " + ("nothing" if dep is kconf.y else _with_values(dep)))
    if sym.rev_dep is not kconf.n:
        lines.append(f"  selected by: {_with_values(sym.rev_dep)}")
    if sym.weak_rev_dep is not kconf.n:
        lines.append(f"  implied by:  {_with_values(sym.weak_rev_dep)}")
    lines.append("  " + _can_change(sym))
    helps = [n.help for n in sym.nodes if n.help]
    if helps:
        lines.append("  help:        " + helps[0].strip().replace("\n", "\n               "))
    return "\n".join(lines)


def _can_change(sym: kconfiglib.Symbol) -> str:
    if not has_prompt(sym):
        return "change:      not directly; change the options it follows"
    if expr_value(sym.direct_dep) == 0:
        return f"change:      cannot be enabled now: {unmet_fix(sym.direct_dep)}"
    if sym.orig_type in (BOOL, TRISTATE):
        if sym.str_value == "y" and expr_value(sym.rev_dep):
            return "change:      cannot be disabled: something selects it (see selected by)"
        other = "n" if sym.str_value == "y" else "y"
        if sym.choice is not None and sym.str_value == "y":
            return "change:      select another option of the choice to turn this one off"
        if sym.visibility == 0:
            return "change:      its prompt is hidden by a condition; " + unmet_fix(
                next(n.prompt[1] for n in sym.nodes if n.prompt)
            )
        return f"change:      set CONFIG_{sym.name}={other} in a fragment (-C) or in menuconfig"
    return f"change:      set CONFIG_{sym.name}=... in a fragment (-C) or in menuconfig"
