"""Applying assignments to the Kconfig tree strictly: every mistake is an error with file:line.

Checked, in the order a user hits them: the symbol exists (with a
did-you-mean), it has a prompt (promptless symbols are derived, not set), the
value has the symbol's type, and, once every assignment of every file is in,
that each one actually took effect (dependencies met, in range, not forced by
a `select`). A later file's value for a symbol overrides an earlier one and
the override is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import kconfiglib
from kconfiglib import BOOL, HEX, INT, STRING, TRISTATE, expr_items, expr_str, expr_value

from mpforge.config.fragment import Assignment
from mpforge.config.tree import has_prompt, location
from mpforge.errors import MpforgeError, did_you_mean

OverrideReport = Callable[[Assignment, Assignment], None]

_INT = re.compile(r"-?[0-9]+")
_HEX = re.compile(r"0[xX][0-9a-fA-F]+")
_TYPE_NAMES = {BOOL: "bool", TRISTATE: "tristate", INT: "int", HEX: "hex", STRING: "string"}


class Overrides:
    """Collects overrides and reports them condensed: one note per symbol, however many."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[Assignment, Assignment, int]] = {}

    def __call__(self, old: Assignment, new: Assignment) -> None:
        first, _last, count = self.seen.get(new.symbol, (old, new, 0))
        self.seen[new.symbol] = (first, new, count + 1)

    def flush(self, report: Callable[[str], None]) -> None:
        for first, last, count in self.seen.values():
            if count == 1:
                report(f"note: {last.where}: {last.text} overrides {first.text} from {first.where}")
            else:
                report(
                    f"note: {last.where}: {last.text} overrides {count} earlier values of "
                    f"CONFIG_{last.symbol} (the first: {first.text} at {first.where})"
                )
        self.seen.clear()


def apply_assignments(
    kconf: kconfiglib.Kconfig,
    assignments: Sequence[Assignment],
    on_override: OverrideReport,
    set_by: dict[str, Assignment] | None = None,
    report: Callable[[str], None] | None = None,
) -> dict[str, Assignment]:
    """Set every assignment in order and verify the result; return symbol -> deciding assignment.

    An assignment that cannot take effect because a later file switched off
    what it depends on (a module off takes its sub-options with it) is dropped
    with one note per switch; any other that cannot take effect is an error.
    """
    set_by = {} if set_by is None else set_by
    for a in assignments:
        sym = _symbol(kconf, a)
        _check_type(sym, a)
        previous = set_by.get(a.symbol)
        if previous is not None and previous.value != a.value:
            on_override(previous, a)
        if sym.choice is not None and a.value == "y":
            # Choosing one option of a choice overrides an earlier choice of another.
            for other in sym.choice.syms:
                earlier = set_by.get(other.name)
                if other is not sym and earlier is not None and earlier.value == "y":
                    on_override(earlier, a)
                    del set_by[other.name]
        set_by[a.symbol] = a
        sym.set_value(a.value)
    rank: dict[Path, int] = {}
    for a in assignments:
        rank.setdefault(a.file, len(rank))
    dropped = _drop_switched_off(kconf, set_by, rank)
    for name, a in set_by.items():
        _verify(kconf.syms[name], a)
    if report is not None:
        for cause, victims in dropped.items():
            report(
                f"note: {cause.where}: {cause.text} also switches off "
                + ", ".join(f"{v.text} ({v.where})" for v in victims)
                + ", which depend on it"
            )
    return set_by


def _drop_switched_off(
    kconf: kconfiglib.Kconfig, set_by: dict[str, Assignment], rank: dict[Path, int]
) -> dict[Assignment, list[Assignment]]:
    dropped: dict[Assignment, list[Assignment]] = {}
    cause_of: dict[str, Assignment] = {}
    changed = True
    while changed:
        changed = False
        for name, a in list(set_by.items()):
            sym = kconf.syms[name]
            if _took_effect(sym, a):
                continue
            cause = _later_switch(sym, a, set_by, cause_of, rank)
            if cause is None:
                continue
            del set_by[name]
            sym.unset_value()
            cause_of[name] = cause
            dropped.setdefault(cause, []).append(a)
            changed = True
    return dropped


def _later_switch(
    sym: kconfiglib.Symbol,
    a: Assignment,
    set_by: dict[str, Assignment],
    cause_of: dict[str, Assignment],
    rank: dict[Path, int],
) -> Assignment | None:
    """The assignment of a later file that switched off what `sym` depends on, if any."""
    deps = [sym.direct_dep] + [n.prompt[1] for n in sym.nodes if n.prompt]
    for dep in deps:
        if expr_value(dep) != 0:
            continue
        for item in expr_items(dep):
            if isinstance(item, kconfiglib.Symbol) and item.tri_value == 0:
                cause = _switched_by(item, set_by, cause_of, 0)
                if cause is not None and rank[cause.file] > rank[a.file]:
                    return cause
    return None


def _switched_by(
    item: kconfiglib.Symbol,
    set_by: dict[str, Assignment],
    cause_of: dict[str, Assignment],
    depth: int,
) -> Assignment | None:
    """What turned `item` off: its own `=n`, or for a derived symbol (FLOAT follows the
    FLOAT_NONE choice) an assignment to a symbol its defaults follow."""
    if item.name in cause_of:
        return cause_of[item.name]
    own = set_by.get(item.name)
    if own is not None:
        return own if own.value == "n" else None
    if depth >= 2 or has_prompt(item):
        return None
    for value, cond in item.defaults:
        for sub in [*expr_items(value), *expr_items(cond)]:
            if isinstance(sub, kconfiglib.Symbol) and not sub.is_constant:
                assigned = set_by.get(sub.name)
                if assigned is not None:
                    return assigned
                found = _switched_by(sub, set_by, cause_of, depth + 1)
                if found is not None:
                    return found
    return None


def _took_effect(sym: kconfiglib.Symbol, a: Assignment) -> bool:
    actual = sym.str_value
    return same_value(sym, actual, a.value)


def _symbol(kconf: kconfiglib.Kconfig, a: Assignment) -> kconfiglib.Symbol:
    sym = kconf.syms.get(a.symbol)
    if sym is None or not sym.nodes:
        known = [f"CONFIG_{s.name}" for s in kconf.unique_defined_syms]
        hint = did_you_mean("CONFIG_" + a.symbol, known)
        raise MpforgeError(
            f"{a.where}: unknown symbol CONFIG_{a.symbol}{hint}; "
            "fix the name or remove the line (`mpforge menuconfig` lists every option)"
        )
    if not has_prompt(sym):
        kind = _TYPE_NAMES.get(sym.orig_type, "")
        bad = (
            ""
            if _valid(sym, a)
            else f" (and {a.raw or 'an empty value'} is no {kind} value either)"
        )
        raise MpforgeError(
            f"{a.where}: CONFIG_{a.symbol} has no prompt, so it cannot be set{bad}: its value is "
            f"derived from other options ({location(sym)}); remove the line and set the "
            "options it follows instead (see `mpforge config --explain " + a.symbol + "`)"
        )
    return sym


def _valid(sym: kconfiglib.Symbol, a: Assignment) -> bool:
    kind = sym.orig_type
    return (
        (kind in (BOOL, TRISTATE) and a.value in ("y", "n") and not a.quoted)
        or (kind == INT and not a.quoted and _INT.fullmatch(a.value) is not None)
        or (kind == HEX and not a.quoted and _HEX.fullmatch(a.value) is not None)
        or (kind == STRING and a.quoted)
    )


def _check_type(sym: kconfiglib.Symbol, a: Assignment) -> None:
    if _valid(sym, a):
        return
    kind = sym.orig_type
    if a.unset:  # it read "CONFIG_HEAP_SIZE=n is not a valid int value": no such line
        raise MpforgeError(
            f"{a.where}: `# CONFIG_{a.symbol} is not set` switches off a bool option, and "
            f"CONFIG_{a.symbol} is {_TYPE_NAMES[kind]}-valued: write CONFIG_{a.symbol}=VALUE or "
            "remove the line"
        )
    expected = {
        BOOL: "y or n",
        TRISTATE: "y or n",
        INT: "a decimal integer",
        HEX: "a hex number like 0x1000",
        STRING: 'a quoted string like "text"',
    }[kind]
    for low, high, cond in sym.ranges if kind in (INT, HEX) else ():
        if expr_value(cond):
            expected += f" in {low.str_value}..{high.str_value}"
            break
    if kind in (BOOL, TRISTATE) and a.quoted and a.value in ("y", "n"):
        expected += ", without quotes"
    if kind in (INT, HEX) and a.quoted:
        expected += ", without quotes"
    what = "an empty value, " if not a.raw else ""
    raise MpforgeError(
        f"{a.where}: CONFIG_{a.symbol}={a.raw} is {what}not a valid {_TYPE_NAMES[kind]} value "
        f"(expected {expected}"
        + ("; a comment goes on a line of its own)" if re.search(r"\s#", a.raw) else ")")
    )


def _verify(sym: kconfiglib.Symbol, a: Assignment) -> None:
    """Raise if the assignment did not take effect, saying why and what to change."""
    if _took_effect(sym, a):
        return
    actual = sym.str_value
    shown = actual or "empty"
    raise MpforgeError(
        f"{a.where}: CONFIG_{a.symbol}={a.raw} cannot take effect (it stays {shown}): "
        + why_not(sym, a.value)
    )


def same_value(sym: kconfiglib.Symbol, x: str, y: str) -> bool:
    """Two values of `sym` are the same (0x10 and 16 are, for a number)."""
    return x == y or (sym.orig_type in (INT, HEX) and _same_number(x, y))


def _same_number(x: str, y: str) -> bool:
    try:
        return int(x, 0) == int(y, 0)
    except ValueError:
        return False


def why_not(sym: kconfiglib.Symbol, wanted: str) -> str:
    """Explain why `sym` cannot have `wanted`, ending with the minimal fix."""
    if expr_value(sym.direct_dep) == 0:
        return f"it depends on {expr_str(sym.direct_dep)}, which is n; " + unmet_fix(sym.direct_dep)
    if sym.orig_type in (INT, HEX):
        for part in sym.ranges:
            low, high, cond = part
            if expr_value(cond):
                bounds = "..".join(_bound(b) for b in (low, high))
                return (
                    f"the value is outside the allowed range {bounds} "
                    f"({location(sym, part)}); use a value in that range"
                )
    if wanted == "n" and expr_value(sym.rev_dep):
        return (
            f"it is selected by {expr_str(sym.rev_dep)}; disable that instead (or remove this line)"
        )
    if sym.choice is not None and wanted == "n":
        others = [f"CONFIG_{s.name}=y" for s in sym.choice.syms if s is not sym]
        return (
            "it is the selected option of a choice, which always has one option set; "
            "select another one instead: " + " or ".join(others)
        )
    for node in sym.nodes:
        if node.prompt and expr_value(node.prompt[1]) == 0:
            return f"its prompt is hidden unless {expr_str(node.prompt[1])}; " + unmet_fix(
                node.prompt[1]
            )
    return f"Kconfig does not allow it here ({location(sym)})"


def _bound(bound: kconfiglib.Symbol) -> str:
    """A range bound's value, and the option it comes from when it is not a number."""
    if not bound.nodes:  # a number: kconfiglib's symbol of no definition
        return bound.str_value
    return f"{bound.str_value} (CONFIG_{bound.name})"


def unmet_fix(dep: object) -> str:
    """Name the symbols in `dep` that are off (or on where `!X` is needed) and what to set."""
    fixes = []
    for item in expr_items(dep):
        if not isinstance(item, kconfiglib.Symbol) or item.is_constant:
            continue
        negated = f"!{item.name}" in expr_str(dep).replace(" ", "")
        if not has_prompt(item) and (item.tri_value == 0) != negated:
            fixes.append(
                f"the options CONFIG_{item.name} follows (it is derived: "
                f"`mpforge config --explain {item.name}`)"
            )
        elif negated and item.tri_value == 2:
            fixes.append(f"CONFIG_{item.name}=n (now y)")
        elif not negated and item.tri_value == 0:
            fixes.append(f"CONFIG_{item.name}=y (now n)")
    if not fixes:
        return "change the options it depends on, or remove this line"
    return "fix: also set " + ", ".join(fixes) + ", or remove this line"
