"""The core compiles without a warning at every GCC optimisation level.

GCC's flow analysis (-Wmaybe-uninitialized above all) sees different code at each -O
level: the loader once built at -O2 and -Os and failed at -O3, because its stack pass
read a field its decoder had not set for one instruction. Each host build's own compile
commands (compile_commands.json, -Wall -Wextra -Werror) are run again with the -O flag
replaced, output to /dev/null: the loader and the VM by default (a few seconds a level),
every C file of the build with MPFORGE_OPT_LEVELS_ALL=1 (a minute or two a level).
The boards' own levels (CORTEX_M_OPT_LEVEL, ESP32C3_OPT_LEVEL...) are covered by
test_port_randconfig.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from corpus_runner import host_build_dirs

LEVELS = ("-O0", "-O1", "-O2", "-O3", "-Os", "-Og", "-Oz")
CORE = ("py/loader.c", "py/vm.c")
ALL = os.environ.get("MPFORGE_OPT_LEVELS_ALL") == "1"


def host_build() -> Path | None:
    """The first host-port build of the test's builds (without sanitizers if there is one)."""
    builds = []
    for b in host_build_dirs():
        cfg = b / ".config"
        if cfg.is_file() and "CONFIG_PORT_HOST=y" in (text := cfg.read_text()):
            builds.append((("CONFIG_HOST_ASAN=y" in text), b))
    return min(builds)[1] if builds else None


def commands(build: Path, level: str) -> list[tuple[str, list[str], str]]:
    """(file, argv, directory) of each C file to compile at [level]."""
    db = json.loads((build / "compile_commands.json").read_text())
    out = []
    for e in db:
        if not ALL and e["file"] not in CORE:
            continue
        argv = e["arguments"] if "arguments" in e else shlex.split(e["command"])
        new: list[str] = []
        skip = False
        n_opt = 0
        for a in argv:
            if skip:
                skip = False
                continue
            if a == "-o":
                skip = True
                continue
            if re.fullmatch(r"-O[0-3sgz]?", a):
                a = level
                n_opt += 1
            new.append(a)
        assert n_opt == 1, f"{e['file']}: expected one -O flag in {argv}"
        assert "-Werror" in new, f"{e['file']}: built without -Werror"
        out.append((e["file"], [*new, "-o", os.devnull], e["directory"]))
    return out


@pytest.mark.parametrize("level", LEVELS)
def test_core_compiles_at_level(level: str) -> None:
    build = host_build()
    if build is None or not (build / "compile_commands.json").is_file():
        pytest.fail("no host build: run `mpforge build -b host` first", pytrace=False)
    cmds = commands(build, level)
    assert ALL or len(cmds) == len(CORE), [c[0] for c in cmds]

    def compile_one(c: tuple[str, list[str], str]) -> tuple[str, int, str]:
        proc = subprocess.run(c[1], cwd=c[2], capture_output=True, text=True, check=False)
        return c[0], proc.returncode, proc.stderr

    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(compile_one, cmds))
    failed = {f: err for f, rc, err in results if rc != 0 or "warning" in err}
    assert not failed, "\n".join(f"{f}:\n{err[:3000]}" for f, err in failed.items())
