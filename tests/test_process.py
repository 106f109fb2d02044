"""mpforge.process, the one subprocess wrapper: logging (-v), dry-run, the missing-tool error."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import mpforge

from mpforge import paths, process
from mpforge.errors import MpforgeError
from mpforge.process import ToolNotFound


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without -v; whatever a test turns on is undone after it."""
    monkeypatch.setenv(process.VERBOSE_ENV, "0")


class TestMissingTool:
    def test_names_the_debian_package(self) -> None:
        with pytest.raises(ToolNotFound) as e:
            process.run(["qemu-system-nothing-here", "--version"])
        assert e.value.message == (
            "qemu-system-nothing-here not found: install Debian package "
            "qemu-system-nothing-here (tools/bootstrap.sh does)"
        )

    def test_a_tool_of_another_package(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("PATH", "/nonexistent")
        with pytest.raises(ToolNotFound, match="node not found: install Debian package nodejs"):
            process.require("node")
        with pytest.raises(
            ToolNotFound, match="bossac not found: install Debian package bossa-cli"
        ):
            process.call(["bossac", "-e"])
        assert "pip install pyocd" in (process.missing("pyocd") or "")

    def test_from_the_command_line_one_error_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from mpforge.runners.base import Runner

        def boot(self: Runner, args: object = (), timeout: object = None) -> int:
            return process.call(["dfu-util-missing-tool"])

        monkeypatch.setattr(Runner, "run", boot)
        result = mpforge(capsys, "run", "-b", "host")
        assert result.code != 0
        assert result.err.splitlines() == [
            "error: dfu-util-missing-tool not found: install Debian package "
            "dfu-util-missing-tool (tools/bootstrap.sh does)"
        ]


class TestLogging:
    def test_verbose_logs_each_command_quoted(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        process.set_verbose(True)
        out = process.run([sys.executable, "-c", "print('hi there')"]).stdout
        assert out == "hi there\n"
        assert capsys.readouterr().err == f"+ {sys.executable} -c 'print('\"'\"'hi there'\"'\"')'\n"

    def test_quiet_without_verbose(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert process.run([sys.executable, "-c", "pass"]).returncode == 0
        assert capsys.readouterr().err == ""

    def test_cli_v_logs_what_the_command_runs(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        build = paths.default_build_dir("host")
        if not (build / "firmware").is_file():
            pytest.skip("build/host is not built (the conftest builds it for the suite)")
        result = mpforge(capsys, "-v", "run", "-b", "host", "--", "-c", "print(6 * 7)")
        assert result.code == 0
        assert f"+ {build / 'firmware'} -c 'print(6 * 7)'" in result.err


class TestDryRun:
    def test_prints_and_runs_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        marker = tmp_path / "ran"
        assert process.call(["touch", marker], dry_run=True) == 0
        assert not marker.exists()
        assert capsys.readouterr().err == f"+ touch {marker}\n"

    def test_prints_even_when_the_tool_is_missing(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert process.call(["no-such-flasher", "-D", "x"], dry_run=True) == 0
        assert capsys.readouterr().err == "+ no-such-flasher -D x\n"

    def test_a_checked_run_fails_with_the_tools_last_line(self) -> None:
        code = "import sys; print('warming up'); sys.exit('bad input at line 3')"
        with pytest.raises(MpforgeError, match=r"failed \(status 1\): bad input at line 3$"):
            process.run([sys.executable, "-c", code], check=True)

    def test_runs_and_returns_the_status(self) -> None:
        assert process.call([sys.executable, "-c", "raise SystemExit(3)"]) == 3


class _Started:
    """What process.popen returns, for a test that only looks at the command."""

    def __init__(self, cmd: list[str], seen: list[list[str]]) -> None:
        seen.append([str(a) for a in cmd])

    def __enter__(self) -> _Started:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def wait(self, timeout: float | None = None) -> int:
        return 0


class TestRunnerArguments:
    """`mpforge run -b B -- ARGS`: ARGS go to the runner's command line, or are an error."""

    def _build(self, tmp_path: Path, config: str) -> Path:
        (tmp_path / ".config").write_text(config)
        for image in ("firmware.elf", "firmware.bin"):
            (tmp_path / image).write_bytes(b"\x7fELF")
        return tmp_path

    def test_qemu_gets_them_after_the_kernel(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        seen: list[list[str]] = []
        monkeypatch.setattr(process, "popen", lambda cmd, **kw: _Started(cmd, seen))
        monkeypatch.setattr(process, "require", lambda tool: tool)
        monkeypatch.setattr("mpforge.runners.base.is_batch", lambda batch=None: False)
        build = self._build(
            tmp_path, 'CONFIG_EMULATOR="qemu"\nCONFIG_QEMU_MACHINE="netduinoplus2"\n'
        )
        args = ["run", "-b", "netduinoplus2", "--build-dir", build, "--", "-d", "int"]
        result = mpforge(capsys, *args)
        assert result.code == 0, result.err
        assert seen[0][-4:] == ["-kernel", str(build / "firmware.elf"), "-d", "int"]

    def test_a_runner_that_takes_none_says_so(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        build = self._build(tmp_path, 'CONFIG_EMULATOR="unicorn"\n')
        result = mpforge(capsys, "run", "-b", "feather_m0", "--build-dir", build, "--", "-x")
        assert result.code == 1
        assert result.err.splitlines() == [
            "error: board feather_m0: its runner (unicorn) takes no arguments after `--` "
            "(leave out: -x)"
        ]


def test_run_hands_each_line_over_as_it_comes() -> None:
    """`on_line` sees the lines while the tool runs (verify's progress), and the result
    still holds all of the output and the status."""
    seen: list[str] = []
    code = (
        "import sys; print('[1/2] CC a.c'); sys.stdout.flush(); print('[2/2] LINK x'); sys.exit(3)"
    )
    proc = process.run([sys.executable, "-c", code], on_line=seen.append)
    assert seen == ["[1/2] CC a.c", "[2/2] LINK x"]
    assert (proc.returncode, proc.stdout) == (3, "[1/2] CC a.c\n[2/2] LINK x\n")


def test_verify_shows_the_rebuilds_progress_at_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`mpforge verify` said `rebuilding ... from scratch` and then nothing for the minutes
    the rebuild takes; at a terminal its steps now count up on one line, cleared at the end."""
    from mpforge.commands import verify as command
    from mpforge.provenance.verify import Verdict

    def fake_verify(board, build_dir, jobs, starting, progress):  # type: ignore[no-untyped-def]
        starting()
        for line in ("note: x", "[1/80] CC py/vm.c", "[80/80] LINK firmware"):
            progress(line)
        return Verdict(True, ["firmware"])

    monkeypatch.setattr(command, "verify", fake_verify)
    monkeypatch.setattr(command, "require_config", lambda *_: None)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    args = type("Args", (), {"board": "host", "build_dir": tmp_path, "jobs": None})()
    monkeypatch.setattr(command, "build_dir", lambda _args: tmp_path)
    assert command.run(args) == 0
    err = capsys.readouterr().err
    assert err == ("\r\x1b[Kverify: [1/80] CC py/vm.c\r\x1b[Kverify: [80/80] LINK firmware\r\x1b[K")


def _ended(pid: int, within: float) -> bool:
    """[pid] ends (or is a zombie for its new parent to reap) within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl's death signal")
class TestChildrenEndWithMpforge:
    """A child of `popen` or `call` ends when mpforge dies, however it dies: a SIGKILLed
    mpforge runs no code of its own to stop it (a runner in a session of its own, as
    `--console pty` starts it, got no SIGHUP either and ran on forever)."""

    @pytest.mark.parametrize(
        "start",
        ["process.popen(child, new_session=True)", "process.call(child)"],
    )
    def test_sigkill_of_the_parent_ends_the_child(self, tmp_path: Path, start: str) -> None:
        pidfile = tmp_path / "child.pid"
        script = (
            "import os, signal, threading\n"
            "from mpforge import process\n"
            f"child = ['sh', '-c', 'echo $$ > {pidfile}; exec sleep 60']\n"
            "threading.Timer(1, os.kill, (os.getpid(), signal.SIGKILL)).start()\n"
            f"{start}\n"
            "threading.Event().wait(60)\n"
        )
        result = subprocess.run([sys.executable, "-c", script], timeout=30, check=False)
        assert result.returncode == -9
        pid = int(pidfile.read_text())
        try:
            assert _ended(pid, 5), f"pid {pid} outlived its parent"
        finally:
            if not _ended(pid, 0):
                os.kill(pid, 9)

    def test_a_parent_gone_before_the_death_signal_is_set_ends_the_child(self) -> None:
        """The race prctl leaves: a parent that died between fork and prctl is not
        watched; the child sees its parent changed and exits before it execs."""
        script = (
            "import os, subprocess\n"
            "from mpforge import process\n"
            "real, os.getpid = os.getpid, lambda: 1  # as if the parent were another\n"
            "arm = process._dies_with_us()\n"
            "os.getpid = real\n"
            "print(subprocess.Popen(['sleep', '60'], preexec_fn=arm).wait(10))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
        )
        assert result.stdout.split() == ["143"], result
