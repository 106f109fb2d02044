"""mpforge.process, the one subprocess wrapper: logging (-v), dry-run, the missing-tool error."""

from __future__ import annotations

import sys
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
