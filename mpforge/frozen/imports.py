"""The static import check: every import in frozen code must resolve in this configuration.

An import resolves to a frozen module of the same image, or to a builtin
module of this build (the generated module table: the core's enabled
modules and the port's). Otherwise the build stops naming the file:line, the
module, and the Kconfig symbol (CONFIG_MODULE_<NAME>) that would enable it,
or saying it exists nowhere. Entries with `check_imports: false` are skipped
(for imports guarded by try/except ImportError).
"""

from __future__ import annotations

from collections.abc import Iterable

from mpforge.config.fragment import display_path
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.frozen.compile import Compiled
from mpforge.frozen.mpy import (
    OP_BUILD_TUPLE,
    OP_IMPORT_NAME,
    instructions,
    line_of,
    read_mpy,
    walk,
)

MODULE_PREFIX = "MODULE_"


def module_symbols(view: ConfigView) -> dict[str, str]:
    """Builtin module name -> the Kconfig symbol that switches it (MODULE_<NAME>)."""
    return {
        name[len(MODULE_PREFIX) :].lower(): name
        for name in view.values
        if name.startswith(MODULE_PREFIX)
    }


def imports_of(compiled: Compiled) -> Iterable[tuple[int, str, int]]:
    """(line, module name, level) of every IMPORT_NAME in the module's bytecode."""
    mpy = read_mpy(compiled.mpy, compiled.module.source_name)
    for rc in walk(mpy.root):
        previous: list[tuple[int, int | None]] = []
        for offset, op, operand in instructions(rc.code):
            if op == OP_IMPORT_NAME and operand is not None:
                yield line_of(rc, offset), mpy.qstrs[operand], _level(previous)
            previous.append((op, operand))


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


def check_imports(compiled: list[Compiled], view: ConfigView, available: set[str]) -> None:
    """`available`: the builtin modules this build has (from the generated module table)."""
    frozen = {c.module.name for c in compiled} | available
    symbols = module_symbols(view)
    for c in compiled:
        if not c.module.check_imports:
            continue
        for line, name, level in imports_of(c):
            where = f"{display_path(c.module.source)}:{line}"
            target = _absolute(c.module.name, c.module.is_package, name, level)
            if target is None:
                raise MpforgeError(
                    f"{where}: relative import beyond the top-level package in {c.module.name}"
                )
            _check(where, target, frozen, symbols)


def _check(where: str, target: str, known: set[str], symbols: dict[str, str]) -> None:
    parts = target.split(".")
    for depth in range(1, len(parts) + 1):
        name = ".".join(parts[:depth])
        if name in known:
            continue
        symbol = symbols.get(name) if depth == 1 else None
        hint = (
            "set check_imports: false on its manifest entry if the import is guarded by "
            "try/except ImportError"
        )
        if symbol is not None:
            raise MpforgeError(
                f"{where}: import of '{target}': the builtin module {name} is disabled in this "
                f"configuration; enable CONFIG_{symbol} (menuconfig or a -C fragment), or {hint}"
            )
        raise MpforgeError(
            f"{where}: import of '{target}': no frozen module or builtin module '{name}' exists "
            f"in this build; add it to the manifest, or {hint}"
        )
