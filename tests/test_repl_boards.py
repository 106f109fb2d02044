"""The REPL on the console of every emulated board family (the compiler on by default where
it fits, CONFIG_ROOM_FOR_COMPILER: every family here, the ESP32-C3 too now that its code runs
from flash),
booted as a user boots it: `mpforge run -b BOARD` at a terminal
(a pty), which puts the runner's console in raw mode and drops into the REPL after main.py.
One boot per family: main.py's endless loop stopped by Ctrl-C, typed expressions, a def
with continuation prompts, a 30-line function in paste mode (the heap compiles it), Ctrl-C
interrupting a typed `while True: pass`, the raw REPL (Ctrl-A, code, Ctrl-D -> OK), and a
Ctrl-D soft reset that runs main.py again. netduinoplus2 (QEMU, with mpremote) is
tests/test_repl.py's; pyboard_v11 and nucleo_f411re, with no emulator, are built by
tests/test_stm32.py."""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from boards import build_firmware
from emulator import Emulator, qemu_command
from test_repl import (
    HOST,
    LOOP_MAIN,
    PROMPT,
    RAW_BANNER,
    after_prompt,
    check_exec_eval_run,
    children,
    console_pty,
    ctrl_c_out_of_the_loop,
    interrupt_typed_loop,
    mpremote,
    paste,
    start_console_pty,
)

from mpforge import process

TIMEOUT = 90.0  # the CPU-level runner is slower than QEMU on a loaded machine
MPFORGE = Path(sys.executable).with_name("mpforge")

# One board per family: what sys.platform says there, and the config it is built with (its
# defconfig's, or as a user turns the REPL on where it is off by default).
FAMILIES = {
    "rpi_pico": ("rp2040", ""),  # rp2040js
    "itsybitsy_m4": ("samd", ""),  # the CPU-level runner (unicorn)
    "nrf52840dk": ("nrf", ""),  # the CPU-level runner (unicorn)
    # RISC-V, the CPU-level runner: its default image (code and constants run from flash)
    "esp32c3_devkitm": ("esp32c3", ""),
    # Thumb-1, a 20 KiB heap and an 8 KiB stack: the CPU-level runner (unicorn)
    "feather_m0": ("samd", ""),
}

# A 30-line function as a user pastes it: the board's heap compiles it at once.
LONG_DEF = (
    "def stats(values):\n"
    + "".join(f"    v{i} = values[{i % 4}] * {i} + {i}\n" for i in range(25))
    + "    total = "
    + " + ".join(f"v{i}" for i in range(25))
    + "\n"
    "    small = min(values)\n"
    "    big = max(values)\n"
    "    return total, small, big\n"
)
LONG_DEF_RESULT = sum([1, 2, 3, 4][i % 4] * i + i for i in range(25))  # stats([1, 2, 3, 4])'s


def clean(text: str) -> str:
    """Console output without carriage returns (runners differ in what the terminal adds)."""
    return text.replace("\r", "")


@pytest.mark.parametrize("board", sorted(FAMILIES))
def test_repl_at_the_terminal_of_mpforge_run(board: str, tmp_path: Path) -> None:
    assert LONG_DEF.count("\n") >= 30
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(LOOP_MAIN)
    platform, config = FAMILIES[board]
    fragments = ()
    if config:
        fragment = tmp_path / "repl.conf"
        fragment.write_text(config)
        fragments = (fragment,)
    build_dir = build_firmware(board, "repl_loop", fragments, app=app)[0]  # this test's alone
    command = [str(MPFORGE), "run", "-b", board, "--build-dir", str(build_dir)]
    with Emulator(command, timeout=TIMEOUT, pty=True) as emu:
        ctrl_c_out_of_the_loop(emu)  # main.py's loop, stopped by the receive interrupt
        assert "\n2\n" in clean(after_prompt(emu, "1+1\r"))
        out = clean(after_prompt(emu, "import sys; print(sys.platform)\r"))
        assert f"\n{platform}\n" in out
        emu.send("def f(n):\r")
        emu.expect("...     ")  # auto-indented after the colon
        emu.send("return n * 7\r")
        emu.expect("...     ")
        emu.send("\r")
        emu.expect(PROMPT)
        assert "\n42\n" in clean(after_prompt(emu, "f(6)\r"))
        out = clean(paste(emu, LONG_DEF.replace("\n", "\r")))
        assert "Error" not in out, out
        out = clean(after_prompt(emu, "stats([1, 2, 3, 4])\r"))
        assert f"\n({LONG_DEF_RESULT}, 1, 4)\n" in out, out
        interrupt_typed_loop(emu)
        emu.send("\x01")  # the raw REPL, as mpremote drives it
        emu.expect(RAW_BANNER.split("\n")[0])  # a terminal's ONLCR may add a CR: no "\n" in it
        emu.expect(">")
        emu.send("print(6 * 7)\x04")
        out = clean(emu.expect("\x04>"))
        assert out.startswith("OK42\n\x04"), out
        emu.send("\x02")  # back to the friendly REPL
        emu.expect(PROMPT)
        emu.send("\x04")  # soft reset: main.py runs again
        emu.expect("soft reboot")
        ctrl_c_out_of_the_loop(emu)
        if board != "rpi_pico":  # the CPU-level runner: Ctrl-A X leaves, typed as two key presses
            emu.send("\x01")  # alone it reaches the board (the raw REPL)...
            emu.expect(RAW_BANNER.split("\n")[0])
            emu.send("x")  # ...and the X read apart from it still leaves the machine
            assert emu.wait(timeout=60) == 0


# The boards with the least RAM: the micro:bit (QEMU; a 9 KiB heap, 3.5 KiB of C stack for the
# VM) and the Feather M0 (the CPU-level runner; 20 KiB, 7 KiB). Beside what every board does:
# input too large for the heap is a MemoryError at the prompt and input nested too deep a
# RecursionError, and the prompt goes on working after both.
SMALL = {"microbit": "nrf", "feather_m0": "samd"}


def def_lines(name: str, n: int) -> str:
    """A def of [n] assignment lines, as paste mode takes it (CR line ends)."""
    return f"def {name}():\r" + "".join(f"    a{i} = {i} + a{i}\r" for i in range(n))


def typed(emu: Emulator, text: str) -> str:
    """Type a long line a few keys at a time (the micro:bit's console ring holds 64 bytes, as a
    user types it); what was printed up to the next prompt."""
    for i in range(0, len(text), 16):
        emu.send(text[i : i + 16])
        time.sleep(0.05)
    return emu.expect(PROMPT)


def pasted(emu: Emulator, source: str) -> str:
    """paste() at a pace the 64-byte console ring keeps up with on a loaded machine."""
    emu.send("\x05")
    emu.expect("=== ")
    return typed(emu, source + "\x04")


@contextmanager
def small_board_prompt(board: str, tmp_path: Path) -> Iterator[Emulator]:
    """[board] booted with main.py's endless loop, stopped by Ctrl-C: at its prompt."""
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(LOOP_MAIN)
    build_dir = build_firmware(board, "repl_loop", (), app=app)[0]
    command = [str(MPFORGE), "run", "-b", board, "--build-dir", str(build_dir)]
    with Emulator(command, timeout=TIMEOUT, pty=True) as emu:
        ctrl_c_out_of_the_loop(emu)
        yield emu


@pytest.mark.parametrize("board", sorted(SMALL))
def test_small_board_repl_heap_and_nesting(board: str, tmp_path: Path) -> None:
    with small_board_prompt(board, tmp_path) as emu:
        out = clean(after_prompt(emu, "import sys; print(sys.platform, 2 ** 70, 1.5, 2 / 4)\r"))
        assert f"\n{SMALL[board]} 1180591620717411303424 1.5 0.5\n" in out, out
        emu.send("def f(n):\r")
        emu.expect("...     ")
        emu.send("return n * 7\r")
        emu.expect("...     ")
        emu.send("\r")
        emu.expect(PROMPT)
        assert "\n42\n" in clean(after_prompt(emu, "f(6)\r"))
        # a 20-line def and an 8-term sum compile in either heap and stack
        out = clean(pasted(emu, def_lines("g", 20) + "    return a19\r"))
        assert "Error" not in out, out
        assert "\nTrue\n" in clean(after_prompt(emu, "a = 1; a+a+a+a+a+a+a+a == 8\r"))
        # too large for the heap: a MemoryError, not a fault (the micro:bit at 40 lines, the
        # Feather when the paste buffer and the compiler outgrow 20 KiB)
        out = clean(pasted(emu, def_lines("h", 40 if board == "microbit" else 400)))
        assert "MemoryError" in out, out
        # nested deeper than the C stack allows: a RecursionError, not a fault
        out = clean(typed(emu, "x = " + "(" * 100 + "1" + ")" * 100 + "\r"))
        assert "RecursionError: maximum recursion depth exceeded" in out, out
        out = clean(typed(emu, "x = " + "[" * 60 + "1" + "]" * 60 + "\r"))
        assert "RecursionError: maximum recursion depth exceeded" in out, out
        assert "\nalive 7\n" in clean(after_prompt(emu, "print('alive', f(1))\r"))
        interrupt_typed_loop(emu)
        # the raw REPL, as mpremote drives it (QEMU's console multiplexer takes one Ctrl-A:
        # typed twice, one reaches the board)
        emu.send("\x01\x01" if board == "microbit" else "\x01")
        emu.expect(RAW_BANNER.split("\n")[0])
        emu.expect(">")
        emu.send("print(6 * 7)\x04")
        out = clean(emu.expect("\x04>"))
        assert out.startswith("OK42\n\x04"), out
        # a block larger than the heap: MemoryError once it ends, none of it run
        emu.send("print('ran')\n" + "x = 12345678\n" * (600 if board == "microbit" else 1500))
        time.sleep(1.0)  # (the Ctrl-D apart: a full console ring must not drop it)
        emu.send("\x04")
        out = clean(emu.expect("\x04>"))
        assert out.startswith("OK\x04MemoryError") and "ran" not in out, out
        emu.send("print(6 * 7)\x04")
        assert clean(emu.expect("\x04>")).startswith("OK42\n\x04")
        emu.send("\x02")
        emu.expect(PROMPT)


# Flat input of each kind, long enough that one C frame per item would overflow the C stack
# (the micro:bit's prompt took 8 terms of a+a+... and 2 or 3 elifs when the compiler recursed
# per item): the compiler walks a chain of operators or trailers, an elif ladder, targets and
# display items with loops, so only the heap bounds them.
FLAT_N = 40
FLAT_HELPERS = (
    "class C:\r"
    "    def m(self, i):\r"
    "        return self\r"
    "c = C()\r"
    "c.c = c\r"
    "def f(x):\r"
    "    return f\r"
    "L = [1]\r"
    "L[0] = L\r"
    "a = 1\r"
)


def flat_lines(n: int) -> dict[str, str]:
    """Lines of n items in a flat sequence each, and what each prints (targets and dict
    items: at most 24)."""
    k = min(n, 24)
    return {
        "a" + "+a" * (n - 1) + f" == {n}": "True",
        "a" + "+a*a-a" * ((n - 1) // 3) + " == 1": "True",  # mixed precedences
        "a" + "<=a" * (n - 1): "True",
        "a" + " and a" * (n - 1) + " and 7": "7",
        "c" + ".c" * n + " is c": "True",
        "c" + "".join(f".m({i})" for i in range(n)) + " is c": "True",
        "f" + "".join(f"({i})" for i in range(n)) + " is f": "True",
        "L" + "[0]" * n + " is L": "True",
        # (a call's argument: one level of nesting, the micro:bit's 4 KiB stack holds it)
        'print("x=" + ' + " + ".join(f"str({i})" for i in range(n)) + ")": "x="
        + "".join(str(i) for i in range(n)),
        # (targets and dict items: as many globals and a dict as the micro:bit's heap holds
        # beside the long lines in its history)
        " = ".join(f"v{i}" for i in range(k)) + f" = 5; v0 + v{k - 1}": "10",
        ", ".join(f"v{i}" for i in range(k)) + f" = range({k}); v{k - 1}": str(k - 1),
        "len([" + ", ".join(str(i) for i in range(n)) + "])": str(n),
        "len({" + ", ".join(f"{i}: {i}" for i in range(k)) + "})": str(k),
    }


def elif_ladder(n: int) -> str:
    """An if, n - 2 elifs and an else setting y (as paste mode takes it)."""
    return (
        "if x == 0:\r    y = 0\r"
        + "".join(f"elif x == {i}:\r    y = {i}\r" for i in range(1, n - 1))
        + "else:\r    y = -1\r"
    )


@pytest.mark.parametrize("board", sorted(SMALL))
def test_small_board_long_flat_input(board: str, tmp_path: Path) -> None:
    with small_board_prompt(board, tmp_path) as emu:
        out = clean(pasted(emu, FLAT_HELPERS))
        assert "Error" not in out, out
        # an if with 18 elifs and an else (the pasted text and its code in the micro:bit's heap,
        # first: the long lines below fill it; the Feather's: 38)
        n = 20 if board == "microbit" else FLAT_N
        out = clean(pasted(emu, f"x = {n - 2}\r" + elif_ladder(n) + "print('y', y)\r"))
        assert f"\ny {n - 2}\n" in out, out
        # (the micro:bit: 20 items, more than twice what the recursive walk took, as its 9 KiB
        # heap holds the longest of them beside the ladder's code; the Feather: 40)
        for line, value in flat_lines(20 if board == "microbit" else FLAT_N).items():
            out = clean(typed(emu, line + "\r"))
            assert f"\n{value}\n" in out, (line, out)
        # genuine nesting still ends in RecursionError, and the prompt goes on
        out = clean(typed(emu, "x = " + "[" * 60 + "1" + "]" * 60 + "\r"))
        assert "RecursionError: maximum recursion depth exceeded" in out, out
        assert "\nTrue\n" in clean(after_prompt(emu, "a+a+a == 3\r"))


def test_mpremote_exec_eval_run_against_the_microbit(tmp_path: Path) -> None:
    """mpremote drives the micro:bit's raw REPL in QEMU (console on a pty) as
    tests/test_repl.py drives netduinoplus2's: exec, eval, run and a long exec through
    raw-paste flow control, compiled in its 9 KiB heap."""
    build_dir = build_firmware("microbit", "default")[0]
    with Emulator(qemu_command(build_dir, console="pty"), timeout=TIMEOUT) as qemu:
        match = re.search(r"(/dev/pts/\d+)", qemu.expect("(label serial0)"))
        assert match
        check_exec_eval_run(match.group(1), "nrf", tmp_path)


@pytest.mark.parametrize("board", ["rpi_pico", "itsybitsy_m4"])
def test_mpremote_through_console_pty_outside_qemu(board: str, tmp_path: Path) -> None:
    """`mpforge run --console pty` on rp2040js and the CPU-level runner: mpremote's raw REPL
    and raw-paste through the pty (where no key of the runner's own may leave the board:
    mpremote's Ctrl-A then a file's "x" is the board's)."""
    build_dir = build_firmware(board, "default")[0]
    with console_pty(board, build_dir) as device:
        check_exec_eval_run(device, FAMILIES[board][0], tmp_path)
        result = mpremote(device, "exec", "x = 6\nprint(x * 7)")  # \x01 then "x": not Ctrl-A X
        assert result.returncode == 0 and result.stdout.splitlines() == ["42"], result


def gone(pid: int) -> bool:
    """[pid] has ended (reaped, or a zombie its new parent has yet to reap)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize("board", ["host", "rpi_pico", "itsybitsy_m4", "netduinoplus2"])
def test_sigkilled_mpforge_run_console_pty_leaves_no_runner(board: str) -> None:
    """`mpforge run --console pty` killed with SIGKILL (nothing of its own runs then) takes its
    runner along: the host firmware, rp2040js under Node, the CPU-level runner and QEMU, each
    in a session of its own, end within seconds (the death signal process.popen arms); they
    ran on, orphaned, before."""
    build_dir = HOST.parent if board == "host" else build_firmware(board, "default")[0]
    proc, line = start_console_pty(board, build_dir)
    try:
        assert "console on" in line, line
        deadline = time.monotonic() + TIMEOUT
        while not (runner := children(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert runner, "no runner process under mpforge"
        time.sleep(1)  # the runner up and waiting at its console
        proc.kill()
        assert proc.wait(TIMEOUT) == -signal.SIGKILL
        deadline = time.monotonic() + 10
        while not all(gone(pid) for pid in runner) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in runner if not gone(pid)] == [], "the runner outlived mpforge"
    finally:
        process.end(proc, TIMEOUT)
