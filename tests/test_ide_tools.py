"""IDEs and tools that drive a board through its raw REPL as they drive MicroPython's
(issue 18): Thonny's MicroPython back-end, adafruit-ampy and rshell, the real tools'
code against the host firmware on a pty and netduinoplus2 in QEMU with its console on a
pty (test_repl's `host_pty` and `board_pty`).

Thonny's back-end is the process its front-end starts (`python -u -B
.../bare_metal_backend.py "{args}"`, the front-end's default arguments): it answers "OK",
then takes one serialized command a line on stdin and writes its events and responses on
stdout (thonny.common's serialize_message/parse_message). It needs no display. The
front-end's own analysis (jedi's completions, pylint) is not installed: completions come
from the board's dir(), as Thonny asks them.

The host firmware's files are the machine's own (its os works on the real file system),
so the tools are given absolute paths under the test's directory. netduinoplus2 has no
file system: there Thonny and ampy run code, not file commands, and rshell does not
connect (it lists the board's root directory first)."""

from __future__ import annotations

import os
import queue
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_repl import board, board_pty, compiler, host_pty, loop_app  # noqa: F401  (fixtures)

BIN = Path(sys.executable).parent
TIMEOUT = 120.0
SCRIPT = 'import sys\nfor i in range(3):\n    print("run", i, sys.platform, "\\u00e9")\n'

pytestmark = pytest.mark.usefixtures("compiler")


def binary_data(size: int) -> bytes:
    """Bytes of every value (control characters Ctrl-A..Ctrl-E among them), fixed seed."""
    rng = random.Random(18)
    return bytes(range(256)) + bytes(rng.randrange(256) for _ in range(size - 256))


# ---------------------------------------------------------------- Thonny
class ThonnyBackend:
    """Thonny's MicroPython back-end process, started and spoken to as its front-end does."""

    def __init__(self, port: str, user_dir: Path, clean: bool = False) -> None:
        try:
            import thonny.plugins.micropython.bare_metal_backend as bare_metal
        except ImportError:
            pytest.fail(
                "thonny is not installed: tools/bootstrap.sh installs it --no-deps "
                "(tools/deps/python-nodeps.txt)"
            )

        # the front-end's defaults for a generic MicroPython board (mp_front.py)
        args = {
            "clean": clean,
            "port": port,
            "dtr": None,
            "rts": None,
            "submit_mode": None,
            "interrupt_on_connect": True,
            "write_block_size": None,
            "write_block_delay": None,
            "proxy_class": "GenericBareMetalMicroPythonProxy",
            "sync_time": True,
            "local_rtc": True,
            "validate_time": False,
        }
        user_dir.mkdir(exist_ok=True)
        self.log = user_dir / "backend.log"
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-B", bare_metal.__file__, repr(args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=dict(os.environ, THONNY_USER_DIR=str(user_dir)),
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "OK", self.failure()
        self.messages: queue.Queue[Any] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.ids = 0

    def _read(self) -> None:
        from thonny.common import parse_message, read_one_incoming_message_str

        assert self.proc.stdout is not None
        while msg := read_one_incoming_message_str(self.proc.stdout.readline):
            self.messages.put(parse_message(msg) if msg.startswith("\x02") else msg)
        self.messages.put(None)

    def failure(self) -> str:
        log = self.log.read_text() if self.log.exists() else ""
        return "back-end log:\n" + "\n".join(
            line for line in log.splitlines() if "TIME/MODS" not in line
        )

    def until(self, done: Any) -> tuple[Any, str]:
        """Messages until one for which done(msg) holds: it, and the program output before."""
        out = []
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                msg = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail("Thonny's back-end did not answer\n" + self.failure())
            assert msg is not None, "Thonny's back-end ended\n" + self.failure()
            if isinstance(msg, str):  # a warning printed as text
                out.append(msg)
                continue
            if msg.get("event_type") == "ProgramOutput":
                out.append(msg["data"])
            if done(msg):
                return msg, "".join(out).replace("\r\n", "\n")

    def ready(self) -> Any:
        return self.until(lambda m: m["event_type"] == "ToplevelResponse")

    def send(self, cmd: Any) -> None:
        from thonny.common import serialize_message

        assert self.proc.stdin is not None
        self.proc.stdin.write(serialize_message(cmd) + "\n")
        self.proc.stdin.flush()

    def command(self, cmd: Any) -> tuple[Any, str]:
        """Send a command; its response (failing on an error) and the output before it."""
        self.ids += 1
        cmd["id"] = f"cmd{self.ids}"
        self.send(cmd)
        msg, out = self.until(lambda m: is_response(m, cmd["id"]))
        assert not msg.get("error") and not msg.get("errors"), (msg, self.failure())
        return msg, out

    def toplevel(self, name: str, **kw: Any) -> tuple[Any, str]:
        from thonny.common import ToplevelCommand

        return self.command(ToplevelCommand(name, **kw))

    def inline(self, name: str, **kw: Any) -> Any:
        from thonny.common import InlineCommand

        return self.command(InlineCommand(name, **kw))[0]

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def is_response(msg: Any, command_id: str) -> bool:
    """The response to a command (not a progress event of it)."""
    return msg.get("command_id") == command_id and "Response" in type(msg).__name__


@contextmanager
def thonny_on(port: str, user_dir: Path, clean: bool = False) -> Iterator[ThonnyBackend]:
    backend = ThonnyBackend(port, user_dir, clean)
    try:
        yield backend
    finally:
        backend.close()


@pytest.fixture
def thonny_host(host_pty: str, tmp_path: Path) -> Iterator[ThonnyBackend]:  # noqa: F811
    with thonny_on(host_pty, tmp_path / "thonny") as backend:
        yield backend


@pytest.fixture
def thonny_board(board_pty: str, tmp_path: Path) -> Iterator[ThonnyBackend]:  # noqa: F811
    with thonny_on(board_pty, tmp_path / "thonny") as backend:
        yield backend


def check_thonny_shell(thonny: ThonnyBackend, platform: str) -> None:
    """Connect, the shell (statements, an expression's value as an object link, utf-8),
    the variables view and object inspector, completions, help, Run, Stop (interrupt)."""
    ready, _ = thonny.ready()
    assert f"mpforge on {platform}" in ready["welcome_text"]
    _, out = thonny.toplevel("execute_source", source="x = [1, 'é', 2.5]\nx\nimport sys\n")
    assert out.endswith("[1, 'é', 2.5][/object_link_for_thonny]\n"), out
    _, out = thonny.toplevel("execute_source", source="print('ünïcode', 6 * 7)\n")
    assert out == "ünïcode 42\n"
    # the variables view, then the object inspector on one of them
    globs = thonny.inline("get_globals", module_name="__main__")["globals"]
    assert globs["x"].repr == "[1, 'é', 2.5]" and "sys" in globs
    info = thonny.inline(
        "get_object_info", object_id=globs["x"].id, include_attributes=True, all_attributes=False
    )["info"]
    assert info["repr"] == "[1, 'é', 2.5]" and info["type"] == "<class 'list'>", info
    assert "append" in info["attributes"], info
    # completions in the shell (the board's dir())
    names = thonny.inline("shell_autocomplete", source="sys.pa", row=1, column=6)["completions"]
    assert [c.name for c in names] == ["path"]
    names = thonny.inline("shell_autocomplete", source="sy", row=1, column=2)["completions"]
    assert [c.name for c in names] == ["sys"]  # (dir(): the globals; builtins come from jedi)
    _, out = thonny.toplevel("execute_source", source="help()\n")
    assert f"Welcome to mpforge's Python on {platform}." in out
    # Run (F5): a soft reboot, then the script; the REPL's helpers come back after it
    _, out = thonny.toplevel("Run", args=[], source=SCRIPT)
    # (the line end after the raw REPL's "OK", which Thonny reads, then the reboot's line)
    assert out.splitlines() == ["", "MPY: soft reboot"] + [
        f"run {i} {platform} é" for i in range(3)
    ]
    globs = thonny.inline("get_globals", module_name="__main__")["globals"]
    assert "x" not in globs and globs["i"].repr == "2"
    # Stop: an endless loop interrupted; the shell goes on
    from thonny.common import ImmediateCommand, ToplevelCommand

    loop = ToplevelCommand("execute_source", source="n = 0\nwhile True:\n    n += 1\n")
    loop["id"] = "loop"
    thonny.send(loop)
    time.sleep(1.0)
    thonny.send(ImmediateCommand("interrupt"))
    _, out = thonny.until(lambda m: m.get("command_id") == "loop")
    assert "KeyboardInterrupt" in out
    _, out = thonny.toplevel("execute_source", source="print(n > 0)\n")
    assert out == "True\n"


def test_thonny_against_the_host(thonny_host: ThonnyBackend) -> None:
    check_thonny_shell(thonny_host, "linux")


def test_thonny_against_the_board(thonny_board: ThonnyBackend) -> None:
    """netduinoplus2 starts in main.py's endless loop: Thonny's connect interrupts it. Then
    Run of a ~200-line script (~6 KB: many of Thonny's raw-paste blocks) prints what CPython
    prints."""
    check_thonny_shell(thonny_board, "stm32")
    source = big_script()
    _, out = thonny_board.toplevel("Run", args=[], source=source)
    assert out == "\nMPY: soft reboot\n" + cpython_output(source)


def big_script() -> str:
    from test_compiler_board import module_source

    return module_source()


def cpython_output(source: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True
    ).stdout


def test_thonny_clean_restart_on_the_host(host_pty: str, tmp_path: Path) -> None:  # noqa: F811
    """Stop/Restart: the front-end starts a new back-end with clean=True, which soft-reboots
    the board: the old session's names are gone."""
    with thonny_on(host_pty, tmp_path / "thonny") as first:
        first.ready()
        first.toplevel("execute_source", source="kept = 1\n")
        assert "kept" in first.inline("get_globals", module_name="__main__")["globals"]
    with thonny_on(host_pty, tmp_path / "thonny", clean=True) as second:
        second.ready()
        assert "kept" not in second.inline("get_globals", module_name="__main__")["globals"]
        _, out = second.toplevel("execute_source", source="print('again', 6 * 7)\n")
        assert out == "again 42\n"


def test_thonny_files_on_the_host(thonny_host: ThonnyBackend, tmp_path: Path) -> None:
    """Thonny's file browser: list, upload (several blocks), download, mkdir, delete."""
    fs = tmp_path / "fs"
    (fs / "old.txt").write_text("old\n")
    ready, _ = thonny_host.ready()
    assert ready["cwd"] == str(fs)
    listing = thonny_host.inline(
        "get_dirs_children_info", paths=[str(fs)], include_hidden=False, node_id=1
    )["data"][str(fs)]
    assert listing["old.txt"]["kind"] == "file" and listing["old.txt"]["size"] == 4
    data = binary_data(5000)
    thonny_host.inline(
        "write_file", path=f"{fs}/up.bin", content_bytes=data, make_shebang_scripts_executable=False
    )
    assert (fs / "up.bin").read_bytes() == data
    assert thonny_host.inline("read_file", path=f"{fs}/up.bin")["content_bytes"] == data
    text = (
        "# -*- coding: utf-8 -*-\nprint('größe', \"\\\\n\")\n" * 100
    )  # .py: sent as bytes literals
    thonny_host.inline(
        "write_file",
        path=f"{fs}/main.py",
        content_bytes=text.encode(),
        make_shebang_scripts_executable=False,
    )
    assert (fs / "main.py").read_text() == text
    thonny_host.inline("delete", paths=[f"{fs}/main.py"])
    thonny_host.inline("mkdir", path=f"{fs}/sub")
    assert (fs / "sub").is_dir()
    thonny_host.inline("delete", paths=[f"{fs}/up.bin", f"{fs}/sub"])
    assert sorted(p.name for p in fs.iterdir()) == ["old.txt"]


# ---------------------------------------------------------------- ampy
def ampy(device: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(BIN / "ampy"), "-p", device, *args],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_ampy_against_the_host(host_pty: str, tmp_path: Path) -> None:  # noqa: F811
    fs = tmp_path / "fs"
    local = tmp_path / "local.bin"
    local.write_bytes(binary_data(3000))
    result = ampy(host_pty, "put", str(local), f"{fs}/data.bin")
    assert result.returncode == 0, result
    assert (fs / "data.bin").read_bytes() == local.read_bytes()
    back = tmp_path / "back.bin"
    result = ampy(host_pty, "get", f"{fs}/data.bin", str(back))  # (was TypeError: bytes)
    assert result.returncode == 0, result
    assert back.read_bytes() == local.read_bytes()
    assert ampy(host_pty, "mkdir", f"{fs}/sub").returncode == 0
    assert ampy(host_pty, "put", str(local), f"{fs}/sub/inner.bin").returncode == 0
    result = ampy(host_pty, "ls", "-l", str(fs))
    assert result.stdout.decode().splitlines() == [
        f"{fs}/data.bin - 3000 bytes",
        f"{fs}/sub - 0 bytes",
    ], result
    result = ampy(host_pty, "ls", "-r", str(fs))
    assert result.stdout.decode().splitlines() == [f"{fs}/data.bin", f"{fs}/sub/inner.bin"]
    assert ampy(host_pty, "rm", f"{fs}/data.bin").returncode == 0
    assert ampy(host_pty, "rmdir", f"{fs}/sub").returncode == 0
    assert list(fs.iterdir()) == []
    check_ampy_run(host_pty, "linux", tmp_path)


def check_ampy_run(device: str, platform: str, tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    result = ampy(device, "run", str(script))
    assert result.returncode == 0, result
    lines = result.stdout.decode().replace("\r\n", "\n").splitlines()
    assert lines == [f"run {i} {platform} é" for i in range(3)], result
    assert ampy(device, "reset").returncode == 0


def test_ampy_against_the_board(board_pty: str, tmp_path: Path) -> None:  # noqa: F811
    """run and reset (the board has no file system for ampy's file commands); run of a
    ~200-line script (ampy sends the raw REPL 256-byte blocks, no raw-paste flow control)."""
    check_ampy_run(board_pty, "stm32", tmp_path)
    script = tmp_path / "big.py"
    script.write_text(big_script())
    result = ampy(board_pty, "run", str(script))
    assert result.returncode == 0, result
    assert result.stdout.decode().replace("\r\n", "\n") == cpython_output(big_script())


# ---------------------------------------------------------------- rshell
def rshell(device: str, *commands: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "rshell"), "-p", device, "--nocolor", "--quiet", *commands],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_rshell_against_the_host(host_pty: str, tmp_path: Path) -> None:  # noqa: F811
    """connect, ls, cat (the file comes through the console, hexlify()'d: it hung before
    sys.stdout.write() took bytes), cp, rm, mkdir, repl with a command. rshell takes the
    host's own directories for the board's (the host firmware's files are the machine's),
    so cp between them is a copy on the board."""
    fs = tmp_path / "fs"
    board_fs = f"/pyboard{fs}"
    (fs / "a.txt").write_text("line one é\nline two\n")
    result = rshell(host_pty, "boards")
    assert result.returncode == 0 and f"pyboard @ {host_pty} connected" in result.stdout, result
    result = rshell(host_pty, f"ls {board_fs}")
    assert result.returncode == 0 and result.stdout.split() == ["a.txt"], result
    result = rshell(host_pty, f"cat {board_fs}/a.txt")
    assert result.returncode == 0 and result.stdout == "line one é\nline two\n", result
    result = rshell(host_pty, f"mkdir {board_fs}/sub; cp {board_fs}/a.txt {board_fs}/sub/b.txt")
    assert result.returncode == 0, result
    assert (fs / "sub" / "b.txt").read_text() == "line one é\nline two\n"
    result = rshell(host_pty, f"rm -r {board_fs}/sub; ls {board_fs}")
    assert result.returncode == 0 and result.stdout.split() == ["a.txt"], result
    result = rshell(host_pty, "repl ~ import sys ~ print('in', sys.platform, 6 * 7) ~")
    assert result.returncode == 0 and "in linux 42" in result.stdout, result


# rshell's cp in both directions through the console (its send_file_to_remote and
# recv_file_from_host, hexlify()'d as `rshell -p PORT` sends), run in rshell's process with
# the host firmware's root directories forgotten, so that local paths are taken as local.
RSHELL_CP = """\
import sys
import rshell.main as rsh
port, local, remote, back = sys.argv[1:5]
rsh.QUIET = True
rsh.ASCII_XFER = True  # as rshell's main() sets it for -p PORT
rsh.BUFFER_SIZE = 32
rsh.connect(port)
rsh.DEFAULT_DEV.root_dirs = []
up = rsh.cp(local, "/pyboard" + remote)
down = rsh.cp("/pyboard" + remote, back)
print(up, down)
"""


def test_rshell_cp_through_the_console_on_the_host(
    host_pty: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Upload (sys.stdin.readinto() on the board: AttributeError before, an empty file) and
    download (sys.stdout.write() of bytes) of 2,000 bytes of every value."""
    local = tmp_path / "local.bin"
    local.write_bytes(binary_data(2000))
    remote, back = tmp_path / "fs" / "copy.bin", tmp_path / "back.bin"
    result = subprocess.run(
        [sys.executable, "-c", RSHELL_CP, host_pty, str(local), str(remote), str(back)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result
    assert remote.read_bytes() == local.read_bytes()
    assert back.read_bytes() == local.read_bytes()
