"""`mpforge size`: every byte of a real image (netduinoplus2, host) lands in one component, the
totals are binutils' `size`, frozen modules are measured one by one, --diff and --max-growth."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from boards import build_firmware
from helpers import CliResult, mpforge

from mpforge import paths

BIG = "x" * 700  # a string constant that makes one frozen module measurably large


@pytest.fixture(scope="module")
def stm32(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("arm-none-eabi-gcc") is None:
        pytest.skip("arm-none-eabi-gcc is not installed")
    app = tmp_path_factory.mktemp("size_app")
    (app / "main.py").write_text("import helper\nprint(helper.text())\n")
    (app / "helper.py").write_text(f"def text():\n    return {BIG!r}\n")
    build_dir, _ = build_firmware("netduinoplus2", "size", app=app)
    return build_dir


def _size_totals(tool: str, image: Path) -> tuple[int, int, int]:
    """text, data, bss as binutils' Berkeley-format `size` prints them."""
    out = subprocess.run([tool, image], capture_output=True, text=True, check=True).stdout
    text, data, bss = out.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


def _report(capsys: pytest.CaptureFixture[str], board: str, build_dir: Path, *extra: str) -> dict:
    r = mpforge(capsys, "size", "-b", board, "--build-dir", build_dir, "--json", *extra)
    assert r.code == 0, r.err
    return json.loads(r.out)


def _check_sums(rep: dict, totals: tuple[int, int, int]) -> None:
    comps = rep["components"]
    sums = tuple(sum(c[k] for c in comps) for k in ("text", "data", "bss"))
    assert sums == totals
    assert (rep["totals"]["text"], rep["totals"]["data"], rep["totals"]["bss"]) == totals
    assert all(
        c["flash"] == c["text"] + c["data"] and c["ram"] == c["data"] + c["bss"] for c in comps
    )
    # The link map explains every byte: nothing left over for "linker generated", nothing negative.
    assert all(min(c["text"], c["data"], c["bss"]) >= 0 for c in comps)


def test_stm32_components_sum_to_arm_size(capsys: pytest.CaptureFixture[str], stm32: Path) -> None:
    rep = _report(capsys, "netduinoplus2", stm32)
    _check_sums(rep, _size_totals("arm-none-eabi-size", stm32 / "firmware.elf"))
    by_name = {c["name"]: c for c in rep["components"]}
    assert "(linker generated)" not in by_name
    for name in ("py/vm.c", "py/gc.c", "module sys", "port stm32", "port cortex_m", "libc"):
        assert by_name[name]["flash"] > 0, name
    assert by_name["(GC heap)"]["ram"] >= 1024 and by_name["(stack reserve)"]["ram"] > 0
    assert rep["limits"] == {"flash": 1024 * 1024, "ram": 128 * 1024}
    # Each frozen module on its own: the helper carries its 700-byte string, main does not.
    assert by_name["frozen helper"]["flash"] >= len(BIG) > by_name["frozen main"]["flash"] > 0


def test_lto_image_attributed_by_debug_information(
    capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """With CONFIG_LTO the map names one temporary object; the DWARF still tells the files."""
    if shutil.which("arm-none-eabi-gcc") is None:
        pytest.skip("arm-none-eabi-gcc is not installed")
    app = tmp_path_factory.mktemp("size_lto_app")
    (app / "main.py").write_text("import helper\nprint(helper.text())\n")
    (app / "helper.py").write_text(f"def text():\n    return {BIG!r}\n")
    fragment = app / "lto.conf"
    fragment.write_text("CONFIG_LTO=y\n")
    build_dir, _ = build_firmware("netduinoplus2", "size_lto", (fragment,), app=app)
    assert ".ltrans" in (build_dir / "firmware.map").read_text()
    rep = _report(capsys, "netduinoplus2", build_dir)
    _check_sums(rep, _size_totals("arm-none-eabi-size", build_dir / "firmware.elf"))
    by_name = {c["name"]: c for c in rep["components"]}
    for name in ("py/vm.c", "py/obj_str.c", "module sys", "port stm32", "port cortex_m"):
        assert by_name[name]["flash"] > 0, name
    assert by_name["(GC heap)"]["ram"] >= 1024
    assert by_name["frozen helper"]["flash"] >= len(BIG) > by_name["frozen main"]["flash"] > 0
    # Literals without a symbol of their own stay unattributed: a small part of the image. Never
    # below zero: a body GCC folded for several functions (aliases at one address) counts once.
    # (31,148 of 309,776 B on 2026-12-06, with CPython's exact error texts: about a tenth)
    assert 0 <= by_name["(LTO: literals without a symbol)"]["flash"] < rep["totals"]["text"] // 8


def test_stm32_table_has_totals_and_bars(capsys: pytest.CaptureFixture[str], stm32: Path) -> None:
    r = mpforge(capsys, "size", "-b", "netduinoplus2", "--build-dir", stm32)
    assert r.code == 0 and r.err == ""
    text, data, bss = _size_totals("arm-none-eabi-size", stm32 / "firmware.elf")
    lines = r.out.splitlines()
    assert lines[0] == f"netduinoplus2: text {text}  data {data}  bss {bss}"
    assert f"flash {text + data} of 1048576 bytes" in lines[1] and "[#" in lines[1]
    assert any(line.startswith("frozen helper ") and "[#" in line for line in lines)


def test_host_components_sum_to_size(capsys: pytest.CaptureFixture[str]) -> None:
    build_dir = paths.default_build_dir("host")  # built by conftest
    if shutil.which("size") is None:
        pytest.skip("binutils' size is not installed")
    rep = _report(capsys, "host", build_dir)
    _check_sums(rep, _size_totals("size", build_dir / "firmware"))
    by_name = {c["name"]: c for c in rep["components"]}
    assert by_name["py/vm.c"]["flash"] > 0 and by_name["port host"]["flash"] > 0
    assert rep["limits"] == {"flash": None, "ram": None}


def test_diff_and_max_growth(
    capsys: pytest.CaptureFixture[str], stm32: Path, tmp_path: Path
) -> None:
    rep = _report(capsys, "netduinoplus2", stm32)
    # Against itself (directory or its build-info.json): no change, any --max-growth passes.
    for other in (stm32, stm32 / "build-info.json"):
        same = _report(capsys, "netduinoplus2", stm32, "--diff", str(other), "--max-growth", "0")
        assert same["diff"] == {"flash": 0, "ram": 0, "components": []}
    # A saved report in which the helper was 500 bytes smaller: the image grew by 500.
    old = json.loads(json.dumps(rep))
    helper = next(c for c in old["components"] if c["name"] == "frozen helper")
    helper["text"] -= 500
    helper["flash"] -= 500
    old["totals"]["flash"] -= 500
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(old))
    grown = _report(capsys, "netduinoplus2", stm32, "--diff", str(saved), "--max-growth", "500")
    assert grown["diff"] == {
        "flash": 500,
        "ram": 0,
        "components": [{"name": "frozen helper", "flash": 500, "ram": 0}],
    }
    r = mpforge(capsys, "size", "-b", "netduinoplus2", "--build-dir", stm32, "--diff", saved)
    assert r.code == 0 and "flash +500 bytes" in r.out and "frozen helper" in r.out.splitlines()[-1]
    base = ("size", "-b", "netduinoplus2", "--build-dir", stm32, "--diff", saved)
    r = mpforge(capsys, *base, "--max-growth", "499")
    assert r.code == 1
    assert r.err.count("\n") == 1 and r.err.startswith("error: flash grew by 500 bytes")
    assert "frozen helper +500" in r.err


def _one_error(r: CliResult, *words: str) -> None:
    assert r.code != 0
    assert r.err.count("\n") == 1 and r.err.startswith("error:"), r.err
    assert "Traceback" not in r.err
    for w in words:
        assert w in r.err, (w, r.err)


def test_bad_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    host = paths.default_build_dir("host")
    _one_error(mpforge(capsys, "size", "-b", "host", "--max-growth", "5"), "--max-growth", "--diff")
    _one_error(
        mpforge(capsys, "size", "-b", "host", "--diff", tmp_path / "nope"), "nope", "no such"
    )
    junk = tmp_path / "junk.json"
    junk.write_text("not json")
    _one_error(mpforge(capsys, "size", "-b", "host", "--diff", junk), "junk.json", "not JSON")
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}')
    _one_error(mpforge(capsys, "size", "-b", "host", "--diff", other), "other.json", "--json")
    empty = tmp_path / "empty"
    empty.mkdir()
    _one_error(
        mpforge(capsys, "size", "-b", "host", "--build-dir", empty),
        "no built image",
        "mpforge build -b host",
    )
    nomap = tmp_path / "nomap"
    nomap.mkdir()
    shutil.copy2(host / "firmware", nomap / "firmware")
    _one_error(mpforge(capsys, "size", "-b", "host", "--build-dir", nomap), "firmware.map")
    (nomap / "firmware.map").write_text("garbage\n")
    _one_error(mpforge(capsys, "size", "-b", "host", "--build-dir", nomap), "not a GNU ld")
    with pytest.raises(SystemExit) as exit_info:  # a usage mistake: argparse's exit, one line
        mpforge(capsys, "size", "-b", "host", "--diff", host, "--max-growth", "lots")
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.count("\n") == 1
    assert err.startswith("error:") and "'lots' is not a number of bytes" in err
    _one_error(mpforge(capsys, "size", "-b", "no_such_board"), "no_such_board")


def test_terse_messages_leave_the_image() -> None:
    """At ERROR_MSG_LEVEL 0 the raise helpers drop their text: host_minimal (terse) carries none
    of the raise messages that host (detailed) has; the corpus checks the terse behaviour."""
    messages = (b"instance exception may not have a separate value", b"name '%q' is not defined")
    detailed = (paths.default_build_dir("host") / "firmware").read_bytes()
    terse = (paths.default_build_dir("host_minimal") / "firmware").read_bytes()
    for text in messages:
        assert text in detailed and text not in terse, text


def test_diff_against_another_boards_build_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`size -b netduinoplus2 --diff build/host` compared two boards' components without a
    word (a typo in a CI script's path looks like a huge shrink)."""
    build_dir = paths.default_build_dir("host")  # built by conftest
    if not (build_dir / "firmware").is_file():
        pytest.skip("build/host is not built (the conftest builds it for the suite)")
    rep = _report(capsys, "host", build_dir)
    saved = tmp_path / "other.json"
    saved.write_text(json.dumps({**rep, "board": "netduinoplus2"}))
    r = mpforge(capsys, "size", "-b", "host", "--build-dir", build_dir, "--diff", saved)
    assert r.code == 0 and "flash +0 bytes" in r.out
    assert r.err == (
        f"note: --diff {saved} measures board netduinoplus2, not host: the components differ "
        "by board as well as by change\n"
    )
    r = mpforge(capsys, "size", "-b", "host", "--build-dir", build_dir, "--diff", build_dir)
    assert r.code == 0 and r.err == ""


def test_diff_with_a_directory_holding_no_image(tmp_path: Path) -> None:
    """`--diff OTHER` of a directory without an image offered `mpforge build -b BOARD
    --build-dir OTHER` (a build into the directory to compare with)."""
    from mpforge.commands.size import load_other
    from mpforge.errors import MpforgeError

    with pytest.raises(MpforgeError) as e:
        load_other(tmp_path, "host")
    assert e.value.message == (
        f"--diff {tmp_path}: no built image there (firmware.elf or firmware); give a build "
        "directory, its build-info.json or a report saved with `mpforge size --json`"
    )
