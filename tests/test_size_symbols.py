"""`mpforge size --symbols` on host_minimal: a copied build directory rebuilds nothing, each
reported cost equals the size difference of a separate from-scratch build with the symbol off,
dependents are named, results are cached, and bad selections are one error line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import mpforge

from mpforge import paths
from mpforge.build import run_scons_captured, scons_command
from mpforge.buildcopy import copy_build
from mpforge.symbolcost import CACHE_DIR

BOARD = "host_minimal"


def _size(image: Path) -> tuple[int, int, int]:
    """text, data, bss as binutils' `size` prints them."""
    out = subprocess.run(["size", image], capture_output=True, text=True, check=True).stdout
    text, data, bss = out.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the suite's host_minimal build (conftest), to measure against."""
    if shutil.which("size") is None:
        pytest.skip("binutils' size is not installed")
    dest = tmp_path_factory.mktemp("symbols") / "base"
    copy_build(paths.default_build_dir(BOARD), dest, skip=(CACHE_DIR,))
    return dest


def test_copied_build_recompiles_nothing(base: Path) -> None:
    before = (base / "firmware").read_bytes()
    proc = run_scons_captured(scons_command(BOARD, base, jobs=1))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    compiled = [line for line in proc.stdout.splitlines() if " CC " in f" {line}" or "LINK" in line]
    assert compiled == []
    assert (base / "firmware").read_bytes() == before


def test_cost_equals_size_difference(
    capsys: pytest.CaptureFixture[str], base: Path, tmp_path: Path
) -> None:
    r = mpforge(
        capsys, "size", "-b", BOARD, "--build-dir", base,
        "--symbols", "MODULE_GC,CONFIG_MODULE_SYS", "-j", "2", "--json",
    )  # fmt: skip
    assert r.code == 0, r.err
    progress = sorted(line for line in r.err.splitlines() if line.startswith("["))
    assert progress == ["[1/2] MODULE_GC ...", "[2/2] MODULE_SYS ..."] or progress == [
        "[1/2] MODULE_SYS ...",
        "[2/2] MODULE_GC ...",
    ]
    rep = json.loads(r.out)
    results = {c["symbol"]: c for c in rep["symbols"]}
    assert set(results) == {"MODULE_GC", "MODULE_SYS"}
    assert not any(c["cached"] for c in rep["symbols"])
    # The frozen demo package needs sys: it goes off with it, and says so.
    assert results["MODULE_SYS"]["dependents"] == ["FROZEN_PKG_DEMO"]
    assert results["MODULE_GC"]["dependents"] == []
    # Sorted by flash cost, largest first.
    flash = [c["flash"] for c in rep["symbols"]]
    assert flash == sorted(flash, reverse=True)

    # A separate from-scratch build with MODULE_GC off, measured by binutils.
    off = tmp_path / "fragment.conf"
    off.write_text("# CONFIG_MODULE_GC is not set\n")
    other = tmp_path / "gc_off"
    proc = run_scons_captured(scons_command(BOARD, other, [off], jobs=1))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    t0, d0, b0 = _size(base / "firmware")
    t1, d1, b1 = _size(other / "firmware")
    assert results["MODULE_GC"]["flash"] == (t0 + d0) - (t1 + d1) > 0
    assert results["MODULE_GC"]["ram"] == (d0 + b0) - (d1 + b1)

    # Again: every result from the cache, the same figures, and a readable table.
    r = mpforge(capsys, "size", "-b", BOARD, "--build-dir", base, "--symbols", "MODULE_GC")
    assert r.code == 0, r.err
    row = next(line.split() for line in r.out.splitlines() if line.startswith("MODULE_GC "))
    assert row[1:4] == [str(results["MODULE_GC"]["flash"]), str(results["MODULE_GC"]["ram"]), "-"]
    # A symbol named twice is measured once (it was listed, and built, twice).
    r = mpforge(
        capsys,
        "size",
        "-b",
        BOARD,
        "--build-dir",
        base,
        "--symbols",
        "MODULE_GC,CONFIG_MODULE_GC",
        "--json",
    )
    assert json.loads(r.out)["symbols"] == [{**results["MODULE_GC"], "cached": True}]


@pytest.mark.parametrize(
    ("symbol", "words"),
    [
        ("NOPE", ["--symbols NOPE", "no such Kconfig symbol"]),
        ("MODULE_JSN", ["no such Kconfig symbol (did you mean MODULE_JSON"]),
        ("PORT_HOST", ["PORT_HOST", "choice"]),
        ("MODULE_RE", ["MODULE_RE", "not an enabled bool"]),
    ],
)
def test_bad_selection(
    capsys: pytest.CaptureFixture[str], base: Path, symbol: str, words: list[str]
) -> None:
    r = mpforge(capsys, "size", "-b", BOARD, "--build-dir", base, "--symbols", symbol)
    assert r.code != 0
    assert r.err.count("\n") == 1 and r.err.startswith("error:"), r.err
    for w in words:
        assert w in r.err


def test_scons_record_names_move_with_the_directory(tmp_path: Path) -> None:
    from mpforge.buildcopy import _moved, scons_name

    assert scons_name(paths.ROOT / "build" / "x") == "build/x"
    assert scons_name(tmp_path / "b") == (tmp_path / "b").resolve().as_posix()
    assert _moved("build/x/gen", "build/x", "build/x/c/1") == "build/x/c/1/gen"
    assert _moved("build/x", "build/x", "/tmp/y") == "/tmp/y"
    assert _moved("build/xy/gen", "build/x", "/tmp/y") == "build/xy/gen"  # another directory
    assert _moved("py/vm.c", "build/x", "/tmp/y") == "py/vm.c"


def test_symbols_need_a_built_base(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = mpforge(capsys, "size", "-b", BOARD, "--build-dir", tmp_path, "--symbols")
    assert r.code != 0 and r.err.count("\n") == 1
    assert "build-args.json" in r.err and f"mpforge build -b {BOARD}" in r.err
