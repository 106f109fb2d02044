"""The VM of the small images compiles and runs: the switch-based bytecode dispatch
(CONFIG_VM_DISPATCH_SWITCH) without the inline fast paths (CONFIG_VM_FAST_PATHS off),
as configs/fragments/minimal.conf and tiny.conf build it.

The default build uses computed goto and the fast paths; this test builds the host port
with the switch (its opcode ranges come from py/opcodes.h through py/dispatch.h) and the
generic paths, and runs the corpus areas that reach every opcode on it, against the same
expected outputs as tests/test_corpus.py.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import corpus_runner
from corpus_runner import (
    CORPUS_DIR,
    discover,
    load_host_build,
    load_known_failures,
    prepare_program,
    run_prepared,
)

from mpforge.build import scons_command

cpython = corpus_runner.cpython
mpy_cross = corpus_runner.mpy_cross

# Corpus areas whose programs between them execute every opcode of the VM.
AREAS = ("basics", "classes", "exceptions", "functions", "generators")


def test_switch_dispatch_runs_the_corpus(tmp_path: Path, cpython: str, mpy_cross: str) -> None:
    fragment = tmp_path / "switch.conf"
    fragment.write_text(
        'CONFIG_VM_DISPATCH_SWITCH=y\nCONFIG_HOST_OPT_LEVEL="-O0"\n'
        "# CONFIG_VM_FAST_PATHS is not set\n"
        "# CONFIG_FROZEN_PKG_DEMO is not set\n"
    )
    build_dir = tmp_path / "build"
    cmd = scons_command("host", build_dir, fragments=[fragment], jobs=1)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    build = load_host_build(build_dir)
    assert build.enabled("VM_DISPATCH_SWITCH") and not build.enabled("VM_DISPATCH_COMPUTED_GOTO")
    assert not build.enabled("VM_FAST_PATHS")

    known = load_known_failures()
    programs = [
        p
        for p in discover(CORPUS_DIR)
        if p.id.split("/")[0] in AREAS and p.id not in known and build.skip_reason(p) is None
    ]
    assert len(programs) > 100
    failures = []
    for program in programs:
        work = tmp_path / "corpus" / re.sub(r"\W", "_", program.id)
        prepared = prepare_program(program, work, cpython, mpy_cross, build.mpy_cross_flags)
        try:
            run_prepared(prepared, build)
        except AssertionError as e:
            failures.append(str(e).splitlines()[0])
    assert not failures, f"{len(failures)} programs fail with the switch dispatch:\n" + "\n".join(
        failures
    )


def test_dispatch_takes_the_ranges_from_opcodes_h() -> None:
    text = (CORPUS_DIR.parent.parent / "py" / "dispatch.h").read_text()
    assert "MPF_OPCODE_RANGES(VM_RANGE_TEST)" in text
    assert not re.search(r"0x[0-9A-F]{2}", text), "opcode numbers belong in py/opcodes.h"
