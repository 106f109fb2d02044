"""mpforge.colour: colour only on a terminal, never with NO_COLOR set."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from mpforge.colour import GREEN, enabled, paint


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert paint("[3/3]", GREEN, Terminal()) == "\033[32m[3/3]\033[0m"
    assert paint("[3/3]", GREEN, io.StringIO()) == "[3/3]"


def test_no_color_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert not enabled(Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: only a non-empty value counts
    assert enabled(Terminal())


def test_the_build_counter_is_coloured_at_a_terminal(tmp_path: Path) -> None:
    """The SCons side: a pty as the build's stdout gets the green counter, NO_COLOR none."""
    import shutil
    import subprocess

    from mpforge import paths
    from mpforge.build import scons_command

    built = paths.default_build_dir("host")
    if not (built / "firmware").is_file():
        pytest.skip("build/host is not built (the conftest builds it for the suite)")
    build = tmp_path / "host"
    shutil.copytree(built, build, symlinks=True)
    for no_color, coloured in (("", True), ("1", False)):
        master, slave = os.openpty()
        env = {**os.environ, "NO_COLOR": no_color}
        (build / "build-info.json").unlink()  # one step to run, which prints its line
        cmd = scons_command("host", build)
        proc = subprocess.run(cmd, stdout=slave, stderr=subprocess.DEVNULL, env=env, check=False)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        assert proc.returncode == 0, out
        assert (b"\033[32m[" in out) is coloured, out
