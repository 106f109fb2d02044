"""The REPL (py/repl.c, py/readline.c, ports/host/console.c): typed input, editing keys,
history, Ctrl-C (at the prompt and mid-loop), Ctrl-D soft reset, Ctrl-E paste mode, Ctrl-B,
the raw REPL and raw-paste flow control, and mpremote (exec, eval, run, fs) against the host
firmware on a pty and netduinoplus2 in QEMU with its console on a pty.

Tests that need Python source compiled on the device skip, saying so, while the compiler
(py/compile*.c) cannot compile `6*7` yet; the others need only the console."""

from __future__ import annotations

import ast
import contextlib
import datetime
import hashlib
import os
import re
import signal
import struct
import subprocess
import sys
import time
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from emulator import Emulator, qemu_command
from test_stm32 import build_firmware

from mpforge import paths, process

HOST = paths.ROOT / "build" / "host" / "firmware"
TIMEOUT = 60.0  # generous: the machine may be loaded
PROMPT = ">>> "
RAW_BANNER = "raw REPL; CTRL-B to exit\n>"
MPREMOTE = Path(sys.executable).with_name("mpremote")

# main.py of the test application: prints, then loops until Ctrl-C.
LOOP_MAIN = """\
import sys
print("app: main.py on", sys.platform)
print("looping")
n = 0
while True:
    n += 1
"""


def host_console(firmware: Path = HOST) -> Emulator:
    """The host firmware at a terminal (a pty), as a user starts it."""
    return Emulator([str(firmware)], timeout=TIMEOUT, pty=True)


@contextmanager
def host_prompt(firmware: Path = HOST) -> Iterator[Emulator]:
    """The host firmware at a terminal, past main.py, at its first prompt."""
    with host_console(firmware) as emu:
        emu.expect(PROMPT)
        yield emu


def after_prompt(emu: Emulator, text: str) -> str:
    """Type `text` (ending in Enter) and return what was printed up to the next prompt."""
    emu.send(text)
    return emu.expect(PROMPT)


@pytest.fixture(scope="module")
def loop_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = tmp_path_factory.mktemp("repl_app")
    (app / "main.py").write_text(LOOP_MAIN)
    return app


@pytest.fixture(scope="module")
def host_loop(loop_app: Path) -> Path:
    """The host firmware with the looping main.py frozen in."""
    return build_firmware("host", "repl_host_loop", app=loop_app)[0] / "firmware"


@pytest.fixture(scope="module")
def board(loop_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """netduinoplus2 (REPL on, no semihosting exit) with the looping main.py."""
    copy = tmp_path_factory.mktemp("repl_board")
    return build_firmware("netduinoplus2", "repl_loop", app=loop_app, copy_to=copy)[0]


@pytest.fixture(scope="module")
def compiler() -> None:
    """Skip unless the device compiles source (the compiler is another helper's work)."""
    with host_prompt() as emu:
        out = after_prompt(emu, "6*7\r")
    if "42" not in out.splitlines()[1:2]:
        pytest.skip(f"the on-device compiler cannot compile `6*7` yet (REPL printed {out!r})")


def paste(emu: Emulator, source: str) -> str:
    """Ctrl-E, `source` typed in paste mode, Ctrl-D: what ran printed, up to the next prompt."""
    emu.send("\x05")
    emu.expect("=== ")
    emu.send(source + "\x04")
    return emu.expect(PROMPT)


KBD_INTR = (
    "import micropython, sys\r"
    "micropython.kbd_intr(-1)\r"
    "print('reading')\r"
    "print('read', [ord(c) for c in sys.stdin.read(2)])\r"
    "micropython.kbd_intr(0x07)\r"
    "print('bell interrupts')\r"
    "while True:\r"
    "    pass\r"
)


def check_kbd_intr(emu: Emulator) -> None:
    """micropython.kbd_intr(): -1 makes Ctrl-C a byte a program reads from stdin; another
    character interrupts instead; the REPL makes Ctrl-C the interrupt again at its prompt."""
    emu.send("\x05")
    emu.expect("=== ")
    emu.send(KBD_INTR + "\x04")
    emu.expect("reading\n")
    emu.send("\x03x")  # read as data, not an interrupt
    emu.expect("read [3, 120]\n")
    emu.expect("bell interrupts\n")
    time.sleep(0.5)
    emu.send("\x03")  # no longer the interrupt: the loop goes on
    time.sleep(0.5)
    emu.send("\x07")
    out = emu.expect(PROMPT)
    assert "KeyboardInterrupt" in out and out.count(PROMPT) == 1, out
    interrupt_typed_loop(emu)  # the prompt made Ctrl-C the interrupt character again


def interrupt_typed_loop(emu: Emulator) -> None:
    """Type `while True: pass` at the prompt, then Ctrl-C it: KeyboardInterrupt, a prompt."""
    emu.send("while True:\r")
    emu.expect("...     ")
    emu.send("pass\r")
    emu.expect("...     ")
    emu.send("\r")
    time.sleep(1.0)  # the loop runs (a Ctrl-C pending before it starts would do as well)
    emu.send("\x03")
    assert "KeyboardInterrupt" in emu.expect(PROMPT)


def start_raw_paste(emu: Emulator) -> int:
    """Ctrl-A, then ask for raw-paste mode (Ctrl-E A Ctrl-A): the window the device grants."""
    emu.send("\x01")
    emu.expect_raw(RAW_BANNER.replace("\n", "\r\n").encode())
    emu.send(b"\x05A\x01")
    header = emu.read_raw(4)
    assert header[:2] == b"R\x01"
    return struct.unpack("<H", header[2:])[0]


def end_raw_paste(emu: Emulator) -> None:
    """Ctrl-D ends the data: acknowledged, then the output, the error text, the raw prompt."""
    emu.send(b"\x04")
    assert emu.read_raw(1) == b"\x04"
    emu.expect_raw(b"\x04")
    emu.expect_raw(b"\x04>")


def ctrl_c_out_of_the_loop(emu: Emulator) -> None:
    emu.expect("looping")
    emu.send("\x03")
    out = emu.expect(PROMPT)
    assert "KeyboardInterrupt" in out


class TestHostConsole:
    """Only the console and line editor: no source is compiled."""

    def test_prompt_after_main_and_ctrl_b_banner(self) -> None:
        with host_console() as emu:
            out = emu.expect(PROMPT)
            assert "sum of squares 1..10 = 385" in out  # main.py ran first
            assert "mpforge on linux; Ctrl-A raw REPL" in out
            emu.send("\x02")
            assert "mpforge on linux; Ctrl-A raw REPL" in emu.expect(PROMPT)
            assert b"385\r\n" in emu.raw  # the terminal is raw: the firmware sends CR LF

    def test_editing_keys_and_history(self) -> None:
        with host_prompt() as emu:
            # "print(1234)": Left Left Backspace -> "print(124)"; Home, Delete -> "rint(124)";
            # "p" -> "print(124)"; End, then " #" and Backspace -> "print(124) ".
            emu.send("print(1234)\x1b[D\x1b[D\x7f\x1b[H\x1b[3~p\x1b[F #\x7f")
            emu.send("\x03")  # cancel: nothing runs, but nothing is remembered either
            emu.expect(PROMPT)
            emu.send("zz = 'first'\r")
            emu.expect(PROMPT)
            emu.send("print(1234)\x1b[D\x1b[D\x7f\x1b[H\x1b[3~p\x1b[F\r")
            emu.expect(PROMPT)
            # Up recalls the newest line, Up again the one before, Down the newest again.
            emu.send("\x1b[A")
            emu.expect("print(124)")
            emu.send("\x1b[A")
            emu.expect("zz = 'first'")
            emu.send("\x1b[B")
            emu.expect("print(124)")
            emu.send("\x1b[B\x03")  # Down past the newest: an empty line
            emu.expect(PROMPT)
            emu.send("\x1b[A\x1bOH#\x1bOF!\r")  # SS3 Home/End as some terminals send
            emu.expect(PROMPT)
            emu.send("\x1b[A")
            emu.expect("#print(124)!")
            emu.send("\x03")
            emu.expect(PROMPT)

    def test_ctrl_c_mid_loop_then_soft_reset(self, host_loop: Path) -> None:
        with host_console(host_loop) as emu:
            ctrl_c_out_of_the_loop(emu)
            emu.send("\x04")  # soft reset: main.py again, then the prompt again
            emu.expect("MPY: soft reboot\n")
            ctrl_c_out_of_the_loop(emu)

    def test_soft_reset_reruns_boot_and_main(self) -> None:
        with host_prompt() as emu:
            emu.send("\x04")
            out = emu.expect(PROMPT)
            assert "MPY: soft reboot\nmpforge: frozen main.py running on linux" in out

    def test_paste_mode_echoes_and_cancels(self) -> None:
        with host_prompt() as emu:
            emu.send("\x05")
            emu.expect("paste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ")
            emu.send("if True:\r\n    x = 1\r")
            emu.expect("if True:\n===     x = 1\n=== ")  # CR LF counts as one line end
            emu.send("\x03")
            emu.expect(PROMPT)

    def test_raw_repl_framing_and_soft_reset(self) -> None:
        with host_prompt() as emu:
            emu.send("\x01")
            emu.expect(RAW_BANNER)
            emu.send("junk\x03")  # Ctrl-C empties the buffer
            emu.send("x = 1\x04")
            out = emu.expect("\x04>")
            assert re.fullmatch(r"OK[^\x04]*\x04[^\x04]*\x04>", out), out
            emu.send("\x04")  # empty buffer: soft reset; main.py does not run
            out = emu.expect(RAW_BANNER)
            assert "MPY: soft reboot\n" in out and "frozen main.py" not in out
            emu.send("\x01")  # Ctrl-A again: the raw REPL afresh
            emu.expect(RAW_BANNER)
            emu.send("\x02")
            emu.expect("mpforge on linux")
            emu.expect(PROMPT)

    def test_raw_paste_flow_control(self) -> None:
        source = b"".join(b"# line %03d of padding\n" % i for i in range(40)) + b"x = 42\n"
        assert len(source) > 4 * 128
        with host_prompt() as emu:
            window = start_raw_paste(emu)
            assert 16 <= window <= 4096
            grants = send_with_flow_control(emu, source, window)
            assert grants == len(source) // window
            end_raw_paste(emu)


def send_with_flow_control(emu: Emulator, data: bytes, window: int) -> int:
    """Send `data` as mpremote does in raw-paste mode: never more than the granted window
    ahead. Returns the number of grants (0x01) received."""
    credit, grants, i = window, 0, 0
    while i < len(data):
        if credit == 0:
            assert emu.read_raw(1) == b"\x01"
            credit += window
            grants += 1
        chunk = data[i : i + credit]
        emu.send(chunk)
        credit -= len(chunk)
        i += len(chunk)
    # grants still in flight for what was sent
    deadline = time.monotonic() + TIMEOUT
    while grants < len(data) // window:
        assert time.monotonic() < deadline
        assert emu.read_raw(1) == b"\x01"
        grants += 1
    return grants


@pytest.mark.usefixtures("compiler")
class TestHostRepl:
    """Typed Python at the host's prompt."""

    def test_expressions_statements_and_errors(self) -> None:
        with host_prompt() as emu:
            assert "\n2\n" in after_prompt(emu, "1+1\r")
            assert after_prompt(emu, "x = 5\r") == "x = 5\n" + PROMPT
            assert after_prompt(emu, "None\r") == "None\n" + PROMPT  # None is not printed
            assert "\n2\n" in after_prompt(emu, "_\r")  # the last value shown
            assert "'ab'" in after_prompt(emu, "'a' + 'b'\r")
            out = after_prompt(emu, "1/0\r")
            assert "ZeroDivisionError" in out
            assert "\n10\n" in after_prompt(emu, "x * 2\r")  # the session goes on

    def test_last_value_is_builtins_underscore(self) -> None:
        """`_` is a builtin name, as CPython's displayhook keeps it: not a global, seen from a
        function, hidden by a global `_` (which it does not change)."""
        with host_prompt() as emu:
            assert "NameError" in after_prompt(emu, "_\r")  # no value shown yet
            after_prompt(emu, "6 * 7\r")
            assert "\n42\n" in after_prompt(emu, "_\r")
            assert "\nFalse\n" in after_prompt(emu, "'_' in globals()\r")
            emu.send("def f():\r")
            emu.send("return _\r")
            emu.send("\r")
            emu.expect(PROMPT)
            assert "\n'x'\n" in after_prompt(emu, "'x'\r")
            assert "\n'x'\n" in after_prompt(emu, "f()\r")
            after_prompt(emu, "_ = 'global'\r")
            assert "\n5\n" in after_prompt(emu, "5\r")
            assert "\n'global'\n" in after_prompt(emu, "_\r")
            after_prompt(emu, "del _\r")
            assert "\n'global'\n" in after_prompt(emu, "_\r")  # the value the line above showed

    def test_continuation_lines_auto_indent(self) -> None:
        with host_prompt() as emu:
            emu.send("for i in range(3):\r")
            emu.expect("...     ")  # one step in after the colon
            emu.send("if i:\r")
            emu.expect("...         ")
            emu.send("print(i * 10)\r")
            emu.expect("...         ")
            emu.send("\r")  # the auto-indent alone ends the statement
            out = emu.expect(PROMPT)
            assert "10\n20\n" in out
            emu.send("(1,\r")
            emu.expect("... ")
            assert "(1, 2)" in after_prompt(emu, "2)\r")

    def test_edited_line_runs(self) -> None:
        with host_prompt() as emu:
            out = after_prompt(emu, "print(1234)\x1b[D\x1b[D\x7f\x1b[H\x1b[3~p\r")
            assert "\n124\n" in out

    def test_ctrl_c_mid_loop_typed(self) -> None:
        with host_prompt() as emu:
            interrupt_typed_loop(emu)
            assert "\n3\n" in after_prompt(emu, "1+2\r")

    def test_kbd_intr(self) -> None:
        with host_prompt() as emu:
            check_kbd_intr(emu)

    def test_paste_mode_runs(self) -> None:
        with host_prompt() as emu:
            assert "\n42\n" in paste(emu, "def f(n):\r    return n * 7\r\rprint(f(6))\r")

    def test_input_echoes_and_edits(self) -> None:
        with host_prompt() as emu:
            emu.send("x = input('name? ')\r")
            emu.expect("name? ")
            emu.send("Adx\x7fa\r")  # typed with a correction
            emu.expect("Adx")  # echoed
            emu.expect(PROMPT)
            assert "'Ada'" in after_prompt(emu, "x\r")
            emu.send("input()\r")
            time.sleep(0.5)
            emu.send("\x03")
            assert "KeyboardInterrupt" in emu.expect(PROMPT)

    def test_tab_completes_names_and_attributes(self) -> None:
        with host_prompt() as emu:
            after_prompt(emu, "import sys\r")
            after_prompt(emu, "abc_one = 1; abc_two = 2; xyz_long = 5\r")
            # one candidate: its rest is inserted (a module's attribute, a global, a builtin)
            assert "sys.path\n[" in after_prompt(emu, "sys.pa\t\r")
            assert "xyz_long\n5\n" in after_prompt(emu, "xyz\t\r")
            assert "print('x')\nx\n" in after_prompt(emu, "pri\t('x')\r")
            # several: what they share is inserted; a second Tab lists them under the line,
            # then the prompt and the line come back and typing goes on
            emu.send("abc\t")
            emu.expect("abc_")
            emu.send("\t")
            listing = emu.expect(PROMPT + "abc_")
            assert "abc_one" in listing and "abc_two" in listing
            assert "\n2\n" in after_prompt(emu, "t\t\r")
            # names starting with "_" only when "_" was typed
            emu.send("sys.\t")
            listing = emu.expect(PROMPT + "sys.")
            assert "path" in listing and "version" in listing and "__name__" not in listing
            emu.send("\x03")
            emu.expect(PROMPT)
            assert "sys.__name__\n'sys'\n" in after_prompt(emu, "sys._\t\r")
            # nothing to complete: the line is unchanged and nothing is raised
            paths = ("sys.nope\t", "nope.x\t", "[].app\t", "sys.path.nope.x\t", "len.\t")
            for keys in paths:
                emu.send(keys + "\x03")
                assert "Traceback" not in emu.expect(PROMPT)
            # a lookup that raises (a failing property) completes nothing, raises nothing
            paste(emu, "class A:\r    @property\r    def p(self):\r        raise ValueError\r")
            emu.send("a = A()\r")
            emu.expect(PROMPT)
            emu.send("a.p.x\t\x03")
            assert "Traceback" not in emu.expect(PROMPT)
            # after blanks, Tab still indents
            emu.send("if 1:\r")
            time.sleep(0.3)  # (the auto-indent is shown before the Tab)
            emu.send("\tprint(7)\r")
            emu.expect("...         print(7)\n")
            assert "\n7\n" in after_prompt(emu, "\r")

    def test_help(self) -> None:
        with host_prompt() as emu:
            out = after_prompt(emu, "help()\r")
            assert "Welcome to mpforge's Python on linux." in out
            assert "Tab complete, Ctrl-A raw REPL" in out and "help('modules')" in out
            modules = after_prompt(emu, "help('modules')\r").splitlines()[1].split()
            assert modules == sorted(modules)
            assert {"builtins", "sys", "json", "main", "unittest"} <= set(modules)  # (frozen too)
            out = after_prompt(emu, "import sys; help(sys)\r")
            assert "object <module 'sys'> is of type module\n" in out
            assert "  platform -- 'linux'\n" in out and "__name__" not in out
            paste(
                emu,
                "class A:\r    x = 1\r    @property\r    def p(self):\r        raise KeyError\r",
            )
            out = after_prompt(emu, "help(A())\r")
            assert "is of type A\n  p -- <KeyError>\n  x -- 1\n" in out  # a failing lookup
            assert "object 5 is of type int\n" in after_prompt(emu, "help(5)\r")
            assert "TypeError" in after_prompt(emu, "help(1, 2)\r")
            emu.send("\x02")
            assert "help() for more" in emu.expect(PROMPT)

    def test_sys_exit_leaves_the_host(self) -> None:
        with host_prompt() as emu:
            emu.send("import sys; sys.exit(3)\r")
            assert emu.wait() == 3


# ---------------------------------------------------------------- mpremote
def mpremote(device: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MPREMOTE), "connect", device, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
        cwd=cwd,
        check=False,
    )


@pytest.fixture
def host_pty(tmp_path: Path) -> Iterator[str]:
    """The host firmware with its console on a pty's master side; yields the other side's
    path, the serial device mpremote opens. Its current directory is tmp_path/fs."""
    master, slave = os.openpty()
    tty.setraw(slave)  # no echo back into the firmware before mpremote opens it
    (tmp_path / "fs").mkdir()
    proc = subprocess.Popen(
        [str(HOST)], stdin=master, stdout=master, stderr=subprocess.DEVNULL, cwd=tmp_path / "fs"
    )
    try:
        yield os.ttyname(slave)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
        os.close(slave)


@pytest.fixture
def board_pty(board: Path) -> Iterator[str]:
    """netduinoplus2 in QEMU with its console (serial0) on a new pty; yields its path."""
    with Emulator(qemu_command(board, console="pty"), timeout=TIMEOUT) as qemu:
        out = qemu.expect("(label serial0)")
        match = re.search(r"(/dev/pts/\d+)", out)
        assert match, out
        yield match.group(1)


def test_mpremote_soft_reset_against_the_host(host_pty: str) -> None:
    """mpremote's whole raw-REPL handshake: Ctrl-C, Ctrl-A, Ctrl-D soft reset, Ctrl-B."""
    result = mpremote(host_pty, "soft-reset")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mpremote_soft_reset_against_the_board(board_pty: str) -> None:
    # the board is in main.py's endless loop: mpremote's Ctrl-C stops it first
    result = mpremote(board_pty, "soft-reset")
    assert result.returncode == 0, result.stdout + result.stderr


SCRIPT = 'import sys\nfor i in range(3):\n    print("run", i, sys.platform)\n'


def check_exec_eval_run(device: str, platform: str, tmp_path: Path) -> None:
    result = mpremote(device, "exec", "print(6 * 7)")
    assert result.returncode == 0 and result.stdout.splitlines() == ["42"], result
    result = mpremote(device, "eval", "[1, 2] * 2")
    assert result.returncode == 0 and result.stdout.strip() == "[1, 2, 1, 2]", result
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    result = mpremote(device, "run", str(script))
    assert result.returncode == 0, result
    assert result.stdout.splitlines() == [f"run {i} {platform}" for i in range(3)]
    result = mpremote(device, "exec", "raise ValueError('boom')")
    assert result.returncode == 1 and "ValueError: boom" in result.stdout + result.stderr
    # several commands in one connection, a long one through raw-paste flow control
    # (several windows; small enough for the board's 64 KiB heap to compile)
    long = "x = 0\n" + "x += 1\n" * 80 + "print('x is', x)"
    result = mpremote(device, "exec", long, "exec", "print('second')")
    assert result.returncode == 0 and result.stdout.splitlines() == ["x is 80", "second"], result


@pytest.mark.usefixtures("compiler")
def test_mpremote_exec_eval_run_against_the_host(host_pty: str, tmp_path: Path) -> None:
    check_exec_eval_run(host_pty, "linux", tmp_path)


def children(pid: int) -> list[int]:
    """The processes whose parent is [pid] (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:  # (state, ppid, ...) after the command's name
                found.append(int(stat.parent.name))
    return found


def start_console_pty(board: str, build_dir: Path) -> tuple[subprocess.Popen[str], str]:
    """`mpforge run -b BOARD --console pty` started as a user starts it for mpremote or
    Thonny; the process and the console's line on its stderr (the pty's path for all but
    QEMU, which names it itself)."""
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("mpforge")), "run", "-b", board, "--build-dir",
         str(build_dir), "--console", "pty"],
        stderr=subprocess.PIPE, text=True,
        # as at a terminal: a pytest-xdist worker ignores SIGINT, which its children inherit
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert proc.stderr is not None
    return proc, proc.stderr.readline()


@contextmanager
def console_pty(board: str, build_dir: Path) -> Iterator[str]:
    """`mpforge run -b BOARD --console pty`; yields the pty path it prints. Its Ctrl-C
    (SIGINT) ends the run: status 130, the board gone."""
    proc, line = start_console_pty(board, build_dir)
    try:
        assert proc.stderr is not None
        match = re.match(r"console on (/dev/pts/\d+) ", line)
        assert match, line + proc.stderr.read()
        yield match.group(1)
        board = children(proc.pid)
        assert board, "no runner process under mpforge"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(TIMEOUT) == 130
        for pid in board:  # the board went with it
            assert not Path(f"/proc/{pid}").exists(), pid
    finally:
        process.end(proc, TIMEOUT)  # SIGTERM first: mpforge ends its board (SIGKILL orphaned it)


@pytest.mark.usefixtures("compiler")
def test_mpremote_through_mpforge_run_console_pty_on_the_host(tmp_path: Path) -> None:
    """The host's console on a pty from mpforge itself (no pty code of the user's)."""
    with console_pty("host", HOST.parent) as device:
        check_exec_eval_run(device, "linux", tmp_path)


@pytest.mark.usefixtures("compiler")
def test_mpremote_exec_eval_run_against_the_board(board_pty: str, tmp_path: Path) -> None:
    check_exec_eval_run(board_pty, "stm32", tmp_path)


@pytest.mark.usefixtures("compiler")
def test_mpremote_runs_a_200_line_script_on_the_board(board_pty: str, tmp_path: Path) -> None:
    """`mpremote run` of a ~200-line script (~6 KB: many raw-paste windows of flow control),
    compiled on the board's 64 KiB heap: it prints what CPython prints."""
    from test_compiler_board import module_source

    script = tmp_path / "big.py"
    script.write_text(module_source())
    assert script.read_text().count("\n") >= 200
    want = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    result = mpremote(board_pty, "run", str(script))
    assert result.returncode == 0, result
    assert result.stdout.replace("\r\n", "\n") == want


def big_script(size: int) -> str:
    """A script of about `size` bytes: many functions defined and called, then more output
    than one flow-control window."""
    lines = ["total = 0"]
    i = 0
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(f'def f_{i}(a, b={i}):\n    """function {i}"""\n    return a * b + {i}\n')
        lines.append(f"total += f_{i}({i})")
        i += 1
    lines.append(f"print('total', total, 'functions', {i})")
    lines.append("for k in range(300):\n    print('line', k, 'x' * 40)")
    return "\n".join(lines) + "\n"


@pytest.mark.usefixtures("compiler")
def test_mpremote_runs_a_20kb_script_then_ctrl_c_on_the_host(host_pty: str, tmp_path: Path) -> None:
    """`mpremote run` of a ~20 KB script (hundreds of raw-paste windows) prints what CPython
    prints; a run stopped by Ctrl-C in mpremote (its endless loop interrupted) leaves the
    host ready for the next command."""
    script = tmp_path / "big.py"
    script.write_text(big_script(20_000))
    assert len(script.read_bytes()) >= 20_000
    want = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    result = mpremote(host_pty, "run", str(script))
    assert result.returncode == 0, result.stderr
    assert result.stdout.replace("\r\n", "\n") == want
    loop = tmp_path / "loop.py"
    loop.write_text(
        "n = 0\nwhile True:\n    n += 1\n    if n % 100000 == 0:\n        print('tick')\n"
    )
    proc = subprocess.Popen(
        [str(MPREMOTE), "connect", host_pty, "run", str(loop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "tick"  # the loop runs
        proc.send_signal(signal.SIGINT)
        # mpremote 1.29 leaves on Ctrl-C without interrupting the board (the next command's
        # raw-REPL entry does); on a loaded machine its own exit can stall on the pty, which
        # is mpremote's side: what counts is that the host takes the next command.
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=10)
    finally:
        proc.kill()
        proc.wait()
    result = mpremote(host_pty, "exec", "print('after', 6 * 7)")
    assert result.returncode == 0 and result.stdout.splitlines() == ["after 42"], result


@pytest.mark.usefixtures("compiler")
def test_mpremote_repl_against_the_host(host_pty: str) -> None:
    """`mpremote repl` passes the user's keys through: the friendly REPL over the pty."""
    with Emulator([str(MPREMOTE), "connect", host_pty, "repl"], timeout=TIMEOUT, pty=True) as user:
        user.expect("Use Ctrl-] or Ctrl-x to exit this shell")
        user.send("\r")
        user.expect(PROMPT)
        user.send("6*7\r")
        user.expect("\n42\n")
        user.send("\x1d")  # Ctrl-]: leave mpremote
        assert user.wait() == 0


@pytest.mark.usefixtures("compiler")
def test_mpremote_fs_against_the_host(host_pty: str, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_bytes(b"hello from the host\n" * 50)
    fs = tmp_path / "fs"
    result = mpremote(host_pty, "fs", "cp", str(local), ":copied.txt")
    assert result.returncode == 0, result
    assert (fs / "copied.txt").read_bytes() == local.read_bytes()
    result = mpremote(host_pty, "fs", "ls", ":")
    assert result.returncode == 0 and "copied.txt" in result.stdout, result
    result = mpremote(host_pty, "fs", "cat", ":copied.txt")
    assert result.returncode == 0 and result.stdout == local.read_text(), result
    result = mpremote(host_pty, "fs", "mkdir", ":sub", "+", "fs", "rm", ":copied.txt")
    assert result.returncode == 0, result
    assert (fs / "sub").is_dir() and not (fs / "copied.txt").exists()


@pytest.mark.usefixtures("compiler")
def test_mpremote_fs_family_against_the_host(host_pty: str, tmp_path: Path) -> None:
    """mpremote 1.29's fs commands as a user runs them: cp -r both ways, cp onto an existing
    file (hash compare: "Up to date"), --force, sha256sum (binary reads with readinto), ls
    with sizes, tree -s, touch, rmdir, rm -r."""
    fs = tmp_path / "fs"
    local = tmp_path / "proj"
    (local / "lib").mkdir(parents=True)
    (local / "main.py").write_text("print('main')\n")
    blob = bytes(range(256)) * 3 + b"\x00\xff"  # every byte value, not UTF-8
    (local / "lib" / "blob.bin").write_bytes(blob)

    def run(*args: str) -> str:
        result = mpremote(host_pty, *args)
        assert result.returncode == 0, result
        return result.stdout

    run("fs", "cp", "-r", str(local), ":")
    assert (fs / "proj" / "lib" / "blob.bin").read_bytes() == blob
    assert (fs / "proj" / "main.py").read_text() == "print('main')\n"
    assert "Up to date: ./proj/lib/blob.bin" in run("fs", "cp", "-r", str(local), ":")
    digest = hashlib.sha256(blob).hexdigest()
    assert digest in run("fs", "sha256sum", ":proj/lib/blob.bin")
    (fs / "proj" / "main.py").write_text("old\n")
    run("fs", "cp", str(local / "main.py"), ":proj/main.py")  # hashes differ: copied
    assert (fs / "proj" / "main.py").read_text() == "print('main')\n"
    run("fs", "cp", "--force", str(local / "main.py"), ":proj/main.py")
    assert re.search(r"^\s*770 blob.bin$", run("fs", "ls", ":proj/lib"), re.MULTILINE)
    assert "770]  blob.bin" in run("fs", "tree", "-s", ":proj")
    back = tmp_path / "back"
    run("fs", "cp", "-r", ":proj", str(back))
    assert (back / "lib" / "blob.bin").read_bytes() == blob
    run("fs", "touch", ":proj/empty", "+", "fs", "mkdir", ":proj/d", "+", "fs", "rmdir", ":proj/d")
    assert (fs / "proj" / "empty").read_bytes() == b"" and not (fs / "proj" / "d").exists()
    run("fs", "rm", "-r", ":proj")
    assert not (fs / "proj").exists()


MOUNT_RUN = """\
import os, sys
import helper
from pkg import sub
print("cwd", os.getcwd(), sorted(os.listdir()))
print("stat", os.stat("helper.py")[6], os.stat("/remote/pkg")[0] & 0x4000)
with open("data.bin", "rb") as f:
    print("data", list(f.read()))
os.mkdir("made")
with open("made/out.txt", "w") as f:
    f.write("written on the device")
os.rename("made/out.txt", "made/moved.txt")
print("made", os.listdir("made"))
"""


def mount_tree(root: Path) -> Path:
    """A host directory for `mpremote mount`: a module, a package, data, a script."""
    local = root / "mnt"
    (local / "pkg").mkdir(parents=True)
    (local / "helper.py").write_text("print('helper imported as', __name__)\nVALUE = 7\n")
    (local / "pkg" / "__init__.py").write_text("")
    (local / "pkg" / "sub.py").write_text(
        "from helper import VALUE\nprint('pkg.sub sees', VALUE)\n"
    )
    (local / "data.bin").write_bytes(b"\x00\x03\n\x18\xff")
    (root / "script.py").write_text(MOUNT_RUN)
    return local


def check_mount(device: str, tmp_path: Path) -> None:
    """`mpremote mount DIR exec/run`: imports (a module, a package) compiled on the device
    from the host's files, open() for reading and writing, os.listdir/stat/mkdir/rename/
    getcwd in the mount (served over the console with micropython.kbd_intr(-1) and
    sys.stdin.buffer/sys.stdout.buffer), then mpremote's umount."""
    local = mount_tree(tmp_path)
    result = mpremote(device, "mount", str(local), "exec", "import helper; print(helper.VALUE * 6)")
    assert result.returncode == 0, result
    assert result.stdout.splitlines()[-2:] == ["helper imported as helper", "42"], result
    result = mpremote(device, "mount", str(local), "run", str(tmp_path / "script.py"))
    assert result.returncode == 0, result
    assert result.stdout.splitlines()[1:] == [
        "helper imported as helper",
        "pkg.sub sees 7",
        "cwd /remote ['data.bin', 'helper.py', 'pkg']",
        f"stat {len((local / 'helper.py').read_bytes())} 16384",
        "data [0, 3, 10, 24, 255]",
        "made ['moved.txt']",
    ], result
    assert (local / "made" / "moved.txt").read_text() == "written on the device"
    # after mpremote's umount: no /remote, nothing of it left
    result = mpremote(
        device, "exec", "import vfs; print(len([m for m in vfs.mount() if m[1] == '/remote']))"
    )
    assert result.returncode == 0 and result.stdout.strip() == "0", result


@pytest.mark.usefixtures("compiler")
def test_mpremote_mount_against_the_host(host_pty: str, tmp_path: Path) -> None:
    check_mount(host_pty, tmp_path)


@pytest.mark.usefixtures("compiler")
def test_mpremote_mount_against_the_board(board_pty: str, tmp_path: Path) -> None:
    check_mount(board_pty, tmp_path)


DF_HEADER = "filesystem     size     used    avail use% mounted on"


@pytest.mark.usefixtures("compiler")
def test_mpremote_df_against_the_host(host_pty: str) -> None:
    """`mpremote df`: vfs.mount() lists the host's own file system at /, os.statvfs sizes it."""
    result = mpremote(host_pty, "df")
    assert result.returncode == 0, result
    lines = result.stdout.splitlines()
    assert lines[0] == DF_HEADER and lines[1].startswith("<VfsPosix>"), result
    assert lines[1].endswith(" /") and len(lines) == 2, result


@pytest.mark.usefixtures("compiler")
def test_mpremote_df_against_the_board(board_pty: str) -> None:
    """netduinoplus2 has no file system: df prints its header alone, as MicroPython boards
    without one do (no traceback); os.statvfs("/") is all zeros, "/" an empty directory."""
    result = mpremote(board_pty, "df")
    assert result.returncode == 0 and result.stdout.splitlines() == [DF_HEADER], result
    result = mpremote(
        board_pty, "exec", "import os; print(os.statvfs('/'), os.listdir('/'), os.getcwd())"
    )
    assert result.returncode == 0, result
    assert result.stdout.strip() == "(0, 0, 0, 0, 0, 0, 0, 0, 0, 0) [] /", result


@pytest.mark.usefixtures("compiler")
def test_mpremote_rtc_reset_and_sleep_against_the_board(board_pty: str) -> None:
    """`mpremote rtc --set` then `rtc` (machine.RTC, a clock from the tick: QEMU's STM32F405
    leaves the RTC peripheral unimplemented), the calendar across a month's end, `reset`
    (machine.reset: the board comes back), `sleep` and `resume`."""
    result = mpremote(board_pty, "rtc", "--set", "+", "rtc")
    assert result.returncode == 0, result
    now = datetime.datetime.now()
    year, month, day, weekday = ast.literal_eval(result.stdout.strip().splitlines()[-1])[:4]
    near = {now.date(), (now - datetime.timedelta(minutes=1)).date()}
    assert (
        datetime.date(year, month, day) in near
        and weekday == datetime.date(year, month, day).weekday()
    )
    # 2028-02-29 23:59:59.5 (a leap day), 0.6 s later: Wednesday 2028-03-01
    code = "import machine, time\nr = machine.RTC()\nr.datetime((2028, 2, 29, 0, 23, 59, 59, 500000))\ntime.sleep_ms(600)\nprint(r.datetime()[:7])"
    result = mpremote(board_pty, "exec", code)
    assert result.returncode == 0 and result.stdout.strip() == "(2028, 3, 1, 2, 0, 0, 0)", result
    result = mpremote(
        board_pty, "exec", "import machine; machine.RTC().datetime((1999, 1, 1, 0, 0, 0, 0, 0))"
    )
    assert result.returncode == 1 and "ValueError" in result.stdout + result.stderr, result
    result = mpremote(board_pty, "exec", "x = 6 * 7", "sleep", "0.2", "resume", "exec", "print(x)")
    assert result.returncode == 0 and result.stdout.strip() == "42", result
    assert mpremote(board_pty, "reset").returncode == 0
    result = mpremote(board_pty, "exec", "print('back', 'x' in globals())")
    assert result.returncode == 0 and result.stdout.strip() == "back False", result


# ---------------------------------------------------------------- a long session
def session_statements(n: int, names: int = 10) -> Iterator[list[str]]:
    """`n` statements as a user types them (lines; a def or class ends with an empty line):
    assignments, defs, classes, calls that print, lists built and dropped. The names cycle
    through `names` of each kind, so what the session keeps alive stays the same size."""
    for i in range(n):
        j = i // 8 % names
        yield [
            [f"v{j} = {i} * 3 + 1"],
            [f"def f{j}(a, b={i}):", f"return a + b + {i}", ""],
            [f"class C{j}:", f"x = {i}", "def m(self): return self.x * 2", ""],
            [f"print('line', {i}, f{j}(1), C{j}().m())"],
            [f"L = [k * {i} for k in range(40)]"],
            ["del L"],
            [f"s{j} = 'text %d' % {i}"],
            [f"{i} + len('abc' * {i % 13})"],
        ][i % 8]


def heap_figures(emu: Emulator) -> tuple[int, int]:
    """After a collection: the heap's free bytes and its largest free block."""
    out = after_prompt(emu, "gc.collect(); micropython.mem_info()\r")
    found = re.search(r"free: (\d+)\n largest free block: (\d+)\n", out)
    assert found, out
    return int(found[1]), int(found[2])


@pytest.mark.usefixtures("compiler")
def test_long_session_keeps_the_heap_whole(board: Path) -> None:
    """2,000 statements typed at netduinoplus2's REPL (QEMU, 64 KiB heap: the board's own
    object sizes and heap, which the 64-bit host firmware does not have), keeping about
    15 KB alive: the heap's free space stays the same and stays in one piece. Collected
    only when the heap was full, the survivors of each line were spread over it among the
    garbage of the lines before: the largest free block was about 2 KB of 47 KB free."""
    with Emulator(qemu_command(board), timeout=TIMEOUT) as emu:
        ctrl_c_out_of_the_loop(emu)
        after_prompt(emu, "import gc, micropython\r")
        figures = []
        for count, lines in enumerate(session_statements(2000), 1):
            for line in lines[:-1]:
                emu.send(line + "\r")
                emu.expect("... ")
            out = after_prompt(emu, lines[-1] + "\r")
            assert "Error" not in out, (count, lines, out)
            if count % 400 == 0:
                figures.append(heap_figures(emu))
        free = [f for f, _ in figures]
        assert max(free) - min(free) < 1024, figures  # nothing piles up
        assert min(largest for _, largest in figures) > 32768, figures  # (was 2 KB)
        assert "\n32768\n" in after_prompt(emu, "len(bytearray(32768))\r")


# ---------------------------------------------------------------- the board's console
class TestBoardConsole:
    """netduinoplus2 in QEMU, console on pipes: the same REPL through the USART."""

    def test_ctrl_c_mid_loop_soft_reset_and_raw_mode(self, board: Path) -> None:
        with Emulator(qemu_command(board), timeout=TIMEOUT) as emu:
            ctrl_c_out_of_the_loop(emu)
            emu.send("abc\x1b[DX\x03")  # editing echo through the USART
            emu.expect("abc\x1b[1DXc")
            emu.expect(PROMPT)
            emu.send("\x04")
            emu.expect("MPY: soft reboot\n")
            ctrl_c_out_of_the_loop(emu)
            window = start_raw_paste(emu)
            source = b"".join(b"# padding line %03d\n" % i for i in range(30)) + b"y = 1\n"
            assert send_with_flow_control(emu, source, window) == len(source) // window
            end_raw_paste(emu)
            emu.send("\x04")  # soft reset from raw mode: main.py (the loop) is skipped
            out = emu.expect_raw(RAW_BANNER.replace("\n", "\r\n").encode())
            assert b"soft reboot" in out and b"looping" not in out
            emu.send("\x02")
            emu.expect(PROMPT)

    @pytest.mark.usefixtures("compiler")
    def test_typed_python_and_paste_mode(self, board: Path) -> None:
        with Emulator(qemu_command(board), timeout=TIMEOUT) as emu:
            ctrl_c_out_of_the_loop(emu)
            assert "\n42\n" in after_prompt(emu, "6*7\r")
            assert "\nstm32\n" in after_prompt(emu, "import sys; print(sys.platform)\r")
            out = paste(emu, "for i in range(2):\r    print('pasted', i)\r")
            assert "pasted 0\npasted 1\n" in out
            interrupt_typed_loop(emu)

    @pytest.mark.usefixtures("compiler")
    def test_kbd_intr(self, board: Path) -> None:
        with Emulator(qemu_command(board), timeout=TIMEOUT) as emu:
            ctrl_c_out_of_the_loop(emu)
            check_kbd_intr(emu)


def test_mpforge_run_gives_the_host_prompt() -> None:
    mpforge = Path(sys.executable).with_name("mpforge")
    with Emulator([str(mpforge), "run", "-b", "host"], timeout=TIMEOUT, pty=True) as emu:
        emu.expect("sum of squares 1..10 = 385")
        emu.expect(PROMPT)
        emu.send("\x02")
        emu.expect("mpforge on linux")


def test_piped_stdin_keeps_main_exit_status() -> None:
    proc = subprocess.run(
        [str(HOST)], input=b"1+1\r", capture_output=True, timeout=TIMEOUT, check=False
    )
    assert proc.returncode == 0
    assert PROMPT.encode() not in proc.stdout  # no REPL without a terminal
    assert b"sum of squares 1..10 = 385\n" in proc.stdout
