"""`mpforge run` without a terminal ends with main.py's status, on every runner, with the
board's own configuration (no test-only option): the runner tells the image that the run is
not interactive (ports/cortex_m/cortex_m.h, the runner's word) and the image leaves the
emulator after main.py instead of starting its REPL. At a terminal the REPL follows
(tests/test_repl.py drives it)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from boards import build_firmware
from emulator import Emulator

from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.runners.qemu import QemuRunner

# main.py reads what to do from the console: "raise" (an uncaught exception, status 1) or
# N (sys.exit(N); 0 is the normal end).
MAIN = """\
import sys
print("status app")
what = input()
if what == "raise":
    raise ValueError("boom")
sys.exit(int(what))
"""

# board -> what it needs on PATH (its compiler; its emulator when not in this Python).
BOARDS = {
    "netduinoplus2": ("arm-none-eabi-gcc", "qemu-system-arm"),  # QEMU
    "rpi_pico": ("arm-none-eabi-gcc", "node"),  # rp2040js
    "feather_m0": ("arm-none-eabi-gcc",),  # unicorn, CPU-level machine (mpforge.cpu)
    "esp32c3_devkitm": ("riscv64-unknown-elf-gcc",),  # unicorn, RISC-V
}
TIMEOUT = 600  # a loaded machine: the emulators are slow, never a status by timeout


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("status_app")
    (directory / "main.py").write_text(MAIN)
    return directory


def _cli(board: str, build_dir: Path, *extra: str) -> list[str]:
    cmd = [sys.executable, "-m", "mpforge", "run", "-b", board, "--build-dir", str(build_dir)]
    return [*cmd, *extra]


def _run(board: str, build_dir: Path, stdin: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        _cli(board, build_dir, *extra),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize("board", sorted(BOARDS))
def test_a_run_without_a_terminal_ends_with_main_py_status(board: str, app: Path) -> None:
    missing = [tool for tool in BOARDS[board] if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (tools/bootstrap.sh installs it)")
    build_dir, _ = build_firmware(board, "status", app=app)
    config = (build_dir / ".config").read_text()
    assert "CONFIG_SEMIHOSTING_EXIT=y" not in config and "RUNNER_EXIT=y" not in config
    for line, status in (("0", 0), ("3", 3), ("raise", 1)):
        # stdin is a pipe, not a terminal; the line goes once main.py waits for it (a
        # board's UART drops what comes before it is set up, as on hardware)
        with Emulator(_cli(board, build_dir), timeout=TIMEOUT) as emu:
            emu.expect("status app")
            emu.send(line + "\n")
            assert emu.wait() == status, emu.transcript
            assert "stopped after" not in emu.transcript  # it ended by itself
    assert "ValueError: boom" in emu.transcript  # the traceback of the uncaught exception


def test_the_in_process_unicorn_runner_ends_with_main_py_status() -> None:
    # unicorn delivers no interrupts to the nRF52840 model, so the console takes no input
    # there: the board's own main.py, which ends normally.
    if shutil.which("arm-none-eabi-gcc") is None:
        pytest.skip("arm-none-eabi-gcc not installed (tools/bootstrap.sh installs it)")
    build_dir, _ = build_firmware("nrf52840dk", "status")
    proc = _run("nrf52840dk", build_dir, "")
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert "stopped after" not in proc.stderr


def test_the_host_ends_with_main_py_status(app: Path) -> None:
    firmware = Path("build/host/firmware")
    if not firmware.is_file():
        pytest.skip("build/host is not built (the conftest builds it for the suite)")
    for stdin, status in (("0\n", 0), ("7\n", 7), ("raise\n", 1)):
        proc = _run("host", Path("build/host"), stdin, str(app / "main.py"))
        assert proc.returncode == status, (stdin, proc.stdout, proc.stderr)


def test_qemu_is_told_through_its_generic_loader(tmp_path: Path) -> None:
    build = Path("build/netduinoplus2")
    if not (build / "firmware.elf").is_file():
        pytest.skip("build/netduinoplus2 is not built")
    runner = QemuRunner(build, interactive=False)
    cmd = runner.batch_command(runner.command([]))
    address = runner_mode_address(build / "firmware.elf")
    assert address is not None
    loader = f"loader,addr=0x{address:x},data=0x{RUNNER_BATCH:x},data-len=4"
    assert cmd[cmd.index("-device") + 1] == loader
    assert "enable=on,target=native" in cmd
    # the console elsewhere (mpremote over a pty): a REPL session, never batch
    pty = QemuRunner(build, console="pty")
    assert "-device" not in pty.batch_command(pty.command([]))


# Ctrl-C on the host: the terminal sends SIGINT to the whole foreground process group
# (mpforge and the firmware); the firmware raises KeyboardInterrupt in the running code.
LOOP = """\
import sys
n = 0
try:
    sys.stderr.write("ready 1\\n")
    while True:
        n += 1
except KeyboardInterrupt:
    print("caught KeyboardInterrupt", n >= 0)
sys.stderr.write("ready 2\\n")
while True:
    n += 1
"""


def _wait_for(stream: object, marker: str) -> None:
    line = stream.readline()  # type: ignore[attr-defined]
    assert line == marker + "\n", line


def _run_loop(tmp_path: Path) -> list[str]:
    """`mpforge run -b host loop.py` (LOOP), on the tree's host build."""
    if not Path("build/host/firmware").is_file():
        pytest.skip("build/host is not built (the conftest builds it for the suite)")
    program = tmp_path / "loop.py"
    program.write_text(LOOP)
    return [sys.executable, "-m", "mpforge", "run", "-b", "host", str(program)]


def test_ctrl_c_raises_keyboard_interrupt_on_the_host(tmp_path: Path) -> None:
    import os
    import signal

    cmd = _run_loop(tmp_path)
    with subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    ) as proc:
        try:
            _wait_for(proc.stderr, "ready 1")
            os.killpg(proc.pid, signal.SIGINT)  # caught by `except KeyboardInterrupt`
            _wait_for(proc.stderr, "ready 2")
            os.killpg(proc.pid, signal.SIGINT)  # uncaught: traceback, status 130
            out, err = proc.communicate(timeout=TIMEOUT)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
    assert out == "caught KeyboardInterrupt True\n"
    assert err.rstrip().endswith("KeyboardInterrupt")
    assert "line 11" in err  # where the second loop was (or its condition)
    assert proc.returncode == 130


def test_ctrl_c_interrupts_input_on_the_host(tmp_path: Path) -> None:
    import os
    import signal

    firmware = Path("build/host/firmware")
    if not firmware.is_file():
        pytest.skip("build/host is not built (the conftest builds it for the suite)")
    program = tmp_path / "ask.py"
    program.write_text(
        "import sys\ntry:\n    sys.stderr.write('ready\\n')\n    input()\n"
        "except KeyboardInterrupt:\n    print('input interrupted')\n"
    )
    with subprocess.Popen(
        [str(firmware), str(program)],
        stdin=subprocess.PIPE,  # open, nothing written: input() waits
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            _wait_for(proc.stderr, "ready")
            os.kill(proc.pid, signal.SIGINT)
            assert proc.wait(TIMEOUT) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.stdout is not None
        assert proc.stdout.read() == "input interrupted\n"


def test_sigterm_to_mpforge_run_stops_the_program_too(tmp_path: Path) -> None:
    """`kill PID` of `mpforge run` (a CI job's stop, a closed terminal's SIGHUP) ended
    mpforge on the spot and left the program it ran behind: a native firmware spinning, a
    QEMU of `--console pty` or `mpforge debug` in a session of its own. Now mpforge stops
    its child on the way out and exits with 128 + 15."""
    import os
    import signal

    cmd = _run_loop(tmp_path)
    with subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    ) as proc:  # fmt: skip
        try:
            _wait_for(proc.stderr, "ready 1")
            os.kill(proc.pid, signal.SIGTERM)  # mpforge alone, not its process group
            # The pipes reach their end only once the firmware, which shares them, is gone.
            out, err = proc.communicate(timeout=60)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # an orphan firmware, in the failing case
    assert (proc.returncode, out, err) == (143, "", "")
