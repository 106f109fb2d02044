"""Compiling frozen modules with mpy-cross, cached by content (never by mtime).

The cache key is the sha256 of the mpy-cross binary, the flags, the name
recorded in the .mpy and the source bytes, so an edit recompiles exactly the
module edited, in any checkout and any directory. The cache lives in
$MPFORGE_CACHE (default ~/.cache/mpforge) and is safe to share between
parallel builds (files are written atomically).
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mpforge.errors import MpforgeError
from mpforge.frozen.manifest import FrozenModule
from mpforge.mpycross import executable, read_source, run_mpy_cross
from mpforge.paths import cache_root


def cache_dir() -> Path:
    return cache_root() / "mpy"


@functools.cache
def compiler_digest() -> str:
    return hashlib.sha256(Path(executable()).read_bytes()).hexdigest()


@dataclass(frozen=True)
class Compiled:
    module: FrozenModule
    mpy: bytes
    cached: bool


def flags_for(module: FrozenModule, small_int_bits: int) -> list[str]:
    if module.emit != "bytecode":
        raise MpforgeError(
            f"{module.origin}: emit: {module.emit} for {module.name}: this core runs bytecode "
            "only; remove the emit option (or use emit: bytecode)"
        )
    return [f"-O{module.opt}", f"-msmall-int-bits={small_int_bits}"]


def compile_module(module: FrozenModule, small_int_bits: int, cache: Path) -> Compiled:
    flags = flags_for(module, small_int_bits)
    source = read_source(module.source)
    key = hashlib.sha256(
        "\0".join([compiler_digest(), *flags, module.source_name]).encode() + b"\0" + source
    ).hexdigest()
    cached = cache / key[:2] / f"{key}.mpy"
    if cached.is_file():
        return Compiled(module, cached.read_bytes(), True)
    cached.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".mpy")
    os.close(fd)
    try:
        _run(module, [*flags, "-s", module.source_name, "-o", tmp, str(module.source)])
        data = Path(tmp).read_bytes()
        os.replace(tmp, cached)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return Compiled(module, data, False)


def _run(module: FrozenModule, args: Sequence[str]) -> None:
    try:
        run_mpy_cross(module.source, args)
    except MpforgeError as e:
        raise MpforgeError(
            f"{e.message} (frozen module {module.name}, listed at {module.origin})"
        ) from None
