"""Float <-> decimal conversions on the boards (py/obj_float.c, py/format.c without the C
library's printf and strtod): every float and formatting corpus program the board's config
allows, frozen and imported in turn, prints what the host port prints. The micro:bit
(Cortex-M0, double floats in software) in QEMU and the Feather M0 (Cortex-M0+,
FLOAT_SINGLE: the single-safe programs only) on the CPU-level runner.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from boards import (
    assert_same_as_host,
    build_firmware,
    config_of,
    host_output,
    no_compiler_fragment,
    semihosting_fragment,
    write_corpus_app,
)
from corpus_runner import CORPUS_DIR, discover
from emulator import boot, qemu_command

from mpforge.runners.cpu import CpuRunner

FLOAT_PROGRAMS = sorted(
    [*CORPUS_DIR.glob("numbers/float_*.py"), *CORPUS_DIR.glob("formatting/*float*.py")]
)


@pytest.mark.parametrize("board", ["microbit", "feather_m0"])
def test_float_corpus_programs_match_the_host(board: str, tmp_path: Path) -> None:
    config = config_of(build_firmware(board, "default")[0])
    by_path = {program.path: program for program in discover(CORPUS_DIR)}
    programs = [p for p in FLOAT_PROGRAMS if not config.missing(by_path[p])]
    assert any(p.stem == "float_decimal_exact_single_safe" for p in programs)
    app = tmp_path / "app"
    write_corpus_app(app, programs)
    # (without the compiler: the corpus's frozen code leaves no room for it on these boards)
    fragments = (semihosting_fragment(), no_compiler_fragment())
    build_dir, _ = build_firmware(board, "float_corpus", fragments, app=app)
    command = qemu_command(build_dir) if board == "microbit" else CpuRunner(build_dir).command([])
    result = boot(command, timeout=300)
    expected = host_output(app, tmp_path / "host")
    assert result.status == 0, result.transcript[-2000:]
    # (the micro:bit's 9 KiB heap: '{:.1000g}' and float_hex's table may end in MemoryError,
    # after the host's output up to there)
    assert_same_as_host(result.transcript, expected, max_limited=2 if board == "microbit" else 0)
