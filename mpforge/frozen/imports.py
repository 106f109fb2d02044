"""The static import check: every import in frozen code must resolve in this configuration.

An import resolves to a frozen module of the same image, or to a builtin
module of this build (the generated module table: the core's enabled
modules and the port's). Otherwise the build stops naming the file:line, the
module, and the Kconfig symbol (CONFIG_MODULE_<NAME>) that would enable it,
or saying it exists nowhere, with the closest names as a did-you-mean.
`from M import NAME` with M frozen also needs NAME: a submodule M.NAME, or a
name M's top level defines (assigns, def, class, import; `global` stores in
its functions count); a module with `from X import *` or a module-level
`__getattr__` is taken at its word. `from M import NAME` with M a builtin
module needs NAME among the names M's C source defines (the GENERATE stage's
data: mpforge/modtable.py guarded_members), or a builtin submodule M.NAME. A name
under an `#if` counts when the condition holds in this build's configuration
(CONFIG_X from .config as config.h defines it: a bool that is off is undefined,
0); a condition on anything else (a port's MHAL_ macro) is taken to hold. A name
the configuration leaves out is an error naming the option:
`os has no 'statvfs' in this configuration (CONFIG_MODULE_VFS is off)`.

An import that never runs or may fail is not checked: one inside a `try:`
whose handlers catch ImportError (or a base of it, or everything: the optional
import pattern), or inside `if TYPE_CHECKING:` / `if False:` (found from the
source, by line). Entries with `check_imports: false` are skipped altogether
(for modules that make names at run time).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping

from mpforge.config.fragment import display_path
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError, did_you_mean
from mpforge.frozen.compile import Compiled
from mpforge.frozen.mpy import (
    OP_BUILD_TUPLE,
    OP_IMPORT_FROM,
    OP_IMPORT_NAME,
    OP_IMPORT_STAR,
    OP_STORE_GLOBAL,
    OP_STORE_NAME,
    instructions,
    line_of,
    read_mpy,
    walk,
)
from mpforge.textfile import read_bytes

MODULE_PREFIX = "MODULE_"


def module_symbols(view: ConfigView) -> dict[str, str]:
    """Builtin module name -> the Kconfig symbol that switches it (MODULE_<NAME>)."""
    return {
        name[len(MODULE_PREFIX) :].lower(): name
        for name in view.values
        if name.startswith(MODULE_PREFIX)
    }


def imports_of(compiled: Compiled) -> Iterable[tuple[int, str, int, list[str]]]:
    """(line, module name, level, names of `from ... import names`) of every IMPORT_NAME in
    the module's bytecode (the IMPORT_FROMs that follow it)."""
    mpy = read_mpy(compiled.mpy, compiled.module.source_name)
    for rc in walk(mpy.root):
        previous: list[tuple[int, int | None]] = []
        found: list[tuple[int, str, int, list[str]]] = []
        for offset, op, operand in instructions(rc.code):
            if op == OP_IMPORT_NAME and operand is not None:
                found.append((line_of(rc, offset), mpy.qstrs[operand], _level(previous), []))
            elif op == OP_IMPORT_FROM and operand is not None and found:
                found[-1][3].append(mpy.qstrs[operand])
            previous.append((op, operand))
        yield from found


def defined_names(compiled: Compiled) -> set[str] | None:
    """The names a module's top level defines, or None when they cannot be known statically
    (a module-level `from X import *`, or a module `__getattr__`)."""
    mpy = read_mpy(compiled.mpy, compiled.module.source_name)
    names: set[str] = set()
    for _offset, op, operand in instructions(mpy.root.code):
        if op == OP_IMPORT_STAR:
            return None
        if op == OP_STORE_NAME and operand is not None:
            names.add(mpy.qstrs[operand])
    for rc in walk(mpy.root):
        for _offset, op, operand in instructions(rc.code):
            if op == OP_STORE_GLOBAL and operand is not None:
                names.add(mpy.qstrs[operand])
    return None if "__getattr__" in names else names


def _level(previous: list[tuple[int, int | None]]) -> int:
    """The import level: pushed just before the fromlist, which is None, a constant tuple, or
    n strings and BUILD_TUPLE n."""
    if not previous:
        return 0
    op, operand = previous[-1]
    skip = (operand or 0) + 1 if op == OP_BUILD_TUPLE else 1
    if len(previous) <= skip:
        return 0
    level_op = previous[-1 - skip][0]
    return level_op - 0x80 if 0x70 <= level_op <= 0xAF else 0


def _absolute(module: str, is_package: bool, name: str, level: int) -> str | None:
    if level == 0:
        return name
    package = module if is_package else module.rpartition(".")[0]
    parts = package.split(".") if package else []
    if level - 1 >= len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)


# What an `except` must catch for the import in its `try:` to be optional.
_IMPORT_ERROR_BASES = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def unchecked_lines(compiled: Compiled) -> set[int]:
    """The lines of the imports that never run or may fail: inside a `try:` with a handler
    for ImportError (or a base of it, or a bare except), or an `if TYPE_CHECKING:` /
    `if False:` block. Read from the source (the bytecode keeps no `if False:`)."""
    source = compiled.module.source
    try:
        tree = ast.parse(read_bytes(source, "frozen module"), str(source))
    except (SyntaxError, ValueError):
        return set()  # mpy-cross compiled it: syntax CPython does not know; check it all
    lines: set[int] = set()

    def mark(body: list[ast.stmt]) -> None:
        for statement in body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))

    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            if any(_catches_import_error(h) for h in node.handlers):
                mark(node.body)
        elif isinstance(node, ast.If) and _never_true(node.test):
            mark(node.body)
    return lines


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(_name(t) in _IMPORT_ERROR_BASES for t in types)


def _never_true(test: ast.expr) -> bool:
    """`if TYPE_CHECKING:` (or typing.TYPE_CHECKING), `if False:`, `if 0:`."""
    if isinstance(test, ast.Constant):
        return not test.value
    return _name(test) == "TYPE_CHECKING"


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def check_imports(
    compiled: list[Compiled],
    view: ConfigView,
    available: set[str],
    members: Mapping[str, frozenset[str] | None] | None = None,
    guards: Mapping[str, Mapping[str, list[list[str]]]] | None = None,
) -> None:
    """`available`: the builtin modules this build has (from the generated module table);
    `members`: the names each defines in any configuration (missing or None: unknown, not
    checked); `guards`: the `#if`s around those not always defined (mpforge/modtable.py)."""
    by_name = {c.module.name: c for c in compiled}
    frozen = set(by_name) | available
    symbols = module_symbols(view)
    u_aliases = view.values.get("IMPORT_U_ALIASES", "n") == "y"
    defined: dict[str, set[str] | None] = {}
    for c in compiled:
        if not c.module.check_imports:
            continue
        skipped: set[int] | None = None
        for line, name, level, names in imports_of(c):
            if skipped is None:
                skipped = unchecked_lines(c)
            if line in skipped:
                continue
            where = f"{display_path(c.module.source)}:{line}"
            target = _absolute(c.module.name, c.module.is_package, name, level)
            if target is None:
                raise MpforgeError(
                    f"{where}: relative import beyond the top-level package in {c.module.name}"
                )
            if u_aliases:
                target = _u_alias(target, frozen, available)
            _check(where, target, frozen, symbols)
            if not names or names == ["*"]:
                continue
            source = by_name.get(target)
            if source is None:
                builtin = (members or {}).get(target)
                if builtin is not None:
                    left_out = _left_out(view, (guards or {}).get(target, {}))
                    _check_builtin_names(where, target, names, frozen, builtin, left_out)
                continue
            if target not in defined:
                defined[target] = defined_names(source)
            _check_names(where, target, names, frozen, defined[target], source)


def _u_alias(target: str, frozen: set[str], available: set[str]) -> str:
    """MicroPython's old name of a builtin module (`import utime`, `from ujson import dumps`;
    CONFIG_IMPORT_U_ALIASES, py/import.c): the module itself, when nothing is called so."""
    top, dot, rest = target.partition(".")
    if top in frozen or len(top) < 2 or top[0] != "u" or top[1:] == "builtins":
        return target
    return top[1:] + dot + rest if top[1:] in available else target


def _check_builtin_names(
    where: str,
    target: str,
    names: list[str],
    known: set[str],
    defined: frozenset[str],
    left_out: Mapping[str, list[str]],
) -> None:
    """`from target import names` with target a builtin module: names its C code defines in
    this configuration (`left_out`: those an `#if` leaves out, with what is off)."""
    for name in names:
        if f"{target}.{name}" in known:
            continue
        if name in left_out:
            why = left_out[name]
            symbols = [w.split()[0] for w in why if w.endswith(" is off")]
            fix = (
                f"a configuration with {symbols[0]} adds it"
                if len(why) == 1 and symbols
                else "another configuration adds it"
            )
            raise MpforgeError(
                f"{where}: {target} has no '{name}' in this configuration ({'; '.join(why)}); "
                f"{fix} (menuconfig or a -C fragment), or guard the import with "
                "try/except ImportError if it is optional"
            )
        if name in defined:
            continue
        submodules = {m.rpartition(".")[2] for m in known if m.startswith(target + ".")}
        here = set(defined) - set(left_out)
        raise MpforgeError(
            f"{where}: from {target} import {name}: the builtin module {target} has no "
            f"'{name}'{did_you_mean(name, here | submodules)}; fix the name (a guard "
            "of try/except ImportError makes the import optional)"
        )


def _left_out(view: ConfigView, guards: Mapping[str, list[list[str]]]) -> dict[str, list[str]]:
    """The names of a builtin module this configuration leaves out: name -> why (the
    conditions of its first entry that do not hold, as `CONFIG_X is off`)."""
    out: dict[str, list[str]] = {}
    for name, alternatives in guards.items():
        results = [[(c, condition_holds(c, view)) for c in conds] for conds in alternatives]
        if any(all(r is not False for _c, r in conds) for conds in results):
            continue  # one entry of it is compiled (or may be)
        out[name] = [_why(c) for c, r in results[0] if r is False]
    return out


_SIMPLE = re.compile(r"^(!?)\s*(?:defined\s*\(?\s*)?CONFIG_(\w+)\s*\)?$")


def _why(condition: str) -> str:
    """Why `condition` (which does not hold) fails: `CONFIG_X is off` for a plain symbol."""
    m = _SIMPLE.match(condition.replace("!(", "!").strip())
    if m is None:
        return f"`#if {condition}` does not hold"
    return f"CONFIG_{m.group(2)} is {'on' if m.group(1) else 'off'}"


_TOKEN = re.compile(r"\s*(0[xX][0-9a-fA-F]+|\d+|\w+|&&|\|\||[=!<>]=|<<|>>|[()!<>+\-*/%])[uUlL]*")
_EVAL_NODES = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.UAdd,
    ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.LShift, ast.RShift,
    ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Constant,
)  # fmt: skip


def condition_holds(condition: str, view: ConfigView) -> bool | None:
    """Whether the C `#if` condition holds with this configuration as config.h defines it
    (bool y: 1, off or absent: undefined, int/hex: the number); None when it cannot be
    told (a macro other than CONFIG_*, a string option, a construct not read here)."""
    tokens: list[str] = []
    pos = 0
    text = condition.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        tokens.append(m.group(1))
        pos = m.end()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "defined":
            paren = tokens[i + 1 : i + 2] == ["("]
            name = (tokens[i + 2 : i + 3] if paren else tokens[i + 1 : i + 2]) or [""]
            i += 4 if paren else 2
            if not name[0].startswith("CONFIG_"):
                return None
            out.append("1" if view.values.get(name[0][7:], "n") != "n" else "0")
            continue
        if tok.startswith("CONFIG_"):
            value = view.values.get(tok[7:], "n")
            if value in ("n", ""):
                out.append("0")
            elif value in ("y", "m"):
                out.append("1")
            else:
                try:
                    out.append(str(int(value, 0)))
                except ValueError:
                    return None
        elif re.fullmatch(r"\w+", tok) and not tok[0].isdigit():
            return None  # another macro: unknown here
        else:
            tok = {"&&": " and ", "||": " or ", "!": " not ", "/": "//"}.get(tok, tok)
            out.append(str(int(tok, 0)) if tok[0].isdigit() else tok)
        i += 1
    try:
        tree = ast.parse(" ".join(out).strip(), mode="eval")
        if not all(isinstance(n, _EVAL_NODES) for n in ast.walk(tree)):
            return None
        return bool(eval(compile(tree, "<#if>", "eval"), {"__builtins__": {}}))
    except (SyntaxError, ValueError, ZeroDivisionError, TypeError):
        return None


def _check_names(
    where: str,
    target: str,
    names: list[str],
    frozen: set[str],
    defined: set[str] | None,
    source: Compiled,
) -> None:
    """`from target import names`: each a submodule of `target` or a name it defines."""
    if defined is None:
        return
    for name in names:
        if f"{target}.{name}" in frozen or name in defined:
            continue
        submodules = {m.rpartition(".")[2] for m in frozen if m.startswith(target + ".")}
        raise MpforgeError(
            f"{where}: from {target} import {name}: {display_path(source.module.source)} "
            f"defines no '{name}' and {target} has no submodule {name}"
            + did_you_mean(name, defined | submodules)
            + "; fix the name, or set check_imports: false on the manifest entry if the "
            "name is made at run time"
        )


def _check(where: str, target: str, known: set[str], symbols: dict[str, str]) -> None:
    parts = target.split(".")
    for depth in range(1, len(parts) + 1):
        name = ".".join(parts[:depth])
        if name in known:
            continue
        symbol = symbols.get(name) if depth == 1 else None
        hint = (
            "guard it with try/except ImportError if it is optional (or set check_imports: "
            "false on its manifest entry)"
        )
        if symbol is not None:
            raise MpforgeError(
                f"{where}: import of '{target}': the builtin module {name} is disabled in this "
                f"configuration; enable CONFIG_{symbol} (menuconfig or a -C fragment), or {hint}"
            )
        parent = name.rpartition(".")[0]
        siblings = {
            k.rpartition(".")[2] if parent else k
            for k in known | set(symbols)
            if (k.rpartition(".")[0] == parent)
        }
        guess = did_you_mean(parts[depth - 1], siblings)
        raise MpforgeError(
            f"{where}: import of '{target}': no frozen module or builtin module '{name}' exists "
            f"in this build{guess}; add it to the manifest, or {hint}"
        )
