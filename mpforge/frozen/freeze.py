"""The FREEZE stage as one function: modules -> mpy-cross (cached) -> import check -> frozen.c."""

from __future__ import annotations

from pathlib import Path

from mpforge.config.fragment import display_path
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.frozen.collect import FrozenSet
from mpforge.frozen.compile import cache_dir, compile_module, compiler_digest
from mpforge.frozen.emit import emit_frozen_c
from mpforge.frozen.imports import check_imports
from mpforge.generated import Generated
from mpforge.textfile import write_if_changed


def settings_key(frozen_set: FrozenSet, view: ConfigView, small_int_bits: int) -> dict:
    """Everything besides file contents that changes frozen.c (a dependency of the builder)."""
    return {
        "modules": [
            [m.name, str(m.source), m.is_package, m.opt, m.emit, m.check_imports]
            for m in frozen_set.modules
        ],
        "mpy-cross": compiler_digest(),
        "small_int_bits": small_int_bits,
        "float": view.enabled("FLOAT"),
        "complex": view.enabled("BUILTIN_COMPLEX"),
        "big_ints": [view.enabled(f"INT_BIG_{k}") for k in ("NONE", "LONGLONG", "MPZ")],
    }


def check_builtin_names(frozen_set: FrozenSet, builtins: set[str], view: ConfigView) -> None:
    """A builtin module wins at import time, so a frozen module of the same name would be dead
    code: an error, unless the builtin is switched off in this configuration."""
    for m in frozen_set.modules:
        top = m.name.partition(".")[0]
        if top in builtins:
            symbol = f"MODULE_{top.upper()}"
            fix = (
                f"rename it, or switch CONFIG_{symbol} off to use it instead"
                if symbol in view.values
                else "rename it"
            )
            raise MpforgeError(
                f"{m.origin}: frozen module '{m.name}' ({display_path(m.source)}) has the name of "
                f"the builtin module {top}, which is found first, so this code would never run; "
                + fix
            )


def freeze(
    frozen_set: FrozenSet,
    view: ConfigView,
    small_int_bits: int,
    generated: Generated,
    output: Path,
) -> str:
    """Write `output` (frozen.c); returns a one-line summary for the build log.

    `generated` is the GENERATE stage's data: the core's qstr pool and builtin modules.
    """
    cache = cache_dir()
    builtins = set(generated.builtin_modules)
    check_builtin_names(frozen_set, builtins, view)
    compiled = [compile_module(m, small_int_bits, cache) for m in frozen_set.modules]
    check_imports(compiled, view, builtins, generated.builtin_members, generated.builtin_guards)
    text = emit_frozen_c(
        compiled,
        list(generated.core_pool),
        small_int_bits,
        view.enabled("FLOAT"),
        next(k for k in ("none", "longlong", "mpz") if view.enabled(f"INT_BIG_{k.upper()}")),
        complex_numbers=view.enabled("BUILTIN_COMPLEX"),
    )
    write_if_changed(output, text)
    fresh = sum(not c.cached for c in compiled)
    return (
        f"{len(compiled)} frozen modules ({fresh} compiled by mpy-cross, "
        f"{len(compiled) - fresh} from the cache)"
    )
