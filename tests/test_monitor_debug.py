"""`mpforge monitor` (pyserial's miniterm on a serial port) and `mpforge debug` (a gdb
server, QEMU's or pyocd's, and gdb-multiarch on the ELF)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from boards import build_firmware
from emulator import Emulator

TIMEOUT = 120  # a loaded machine


def _read_until(fd: int, wanted: bytes, timeout: float = TIMEOUT) -> bytes:
    got = b""
    deadline = time.monotonic() + timeout
    while wanted not in got:
        left = deadline - time.monotonic()
        assert left > 0, f"waited for {wanted!r}, got {got!r}"
        if select.select([fd], [], [], left)[0]:
            got += os.read(fd, 1024)
    return got


class TestMonitor:
    def test_shows_the_board_sends_the_keys_and_ctrl_close_bracket_leaves(self) -> None:
        board, device = os.openpty()  # the board's end, and the serial port the user opens
        port = os.ttyname(device)
        try:
            cmd = [sys.executable, "-m", "mpforge", "monitor", "--port", port, "--baud", "9600"]
            with Emulator(cmd, timeout=TIMEOUT, pty=True) as term:
                term.expect("miniterm's menu)\n")  # the whole line, so nothing of it follows
                os.write(board, b"hello from the board\r\n")
                term.expect("hello from the board")
                term.send("print(1)\r\x03")  # keys, Ctrl-C included, go to the board as typed
                assert _read_until(board, b"print(1)\r\x03").endswith(b"print(1)\r\x03")
                term.send(b"\x1d")  # Ctrl-]
                assert term.wait() == 0
        finally:
            os.close(board)
            os.close(device)

    def test_a_port_that_does_not_exist_is_one_error_line(self, tmp_path: Path) -> None:
        cmd = [sys.executable, "-m", "mpforge", "monitor", "--port", str(tmp_path / "ttyX")]
        # at a terminal `error:` is red; NO_COLOR gives the plain line
        with Emulator(["env", "NO_COLOR=1", *cmd], timeout=TIMEOUT, pty=True) as term:
            assert term.wait() == 1
        lines = term.transcript.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot open serial port {tmp_path}")


def _fake_build(tmp_path: Path, config: str) -> Path:
    """A build directory with what `mpforge debug -n` reads: .config and firmware.elf."""
    (tmp_path / ".config").write_text(config)
    (tmp_path / "firmware.elf").write_bytes(b"\x7fELF")
    return tmp_path


def _cli(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpforge", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


class TestDebug:
    def test_dry_run_prints_qemu_halted_and_gdb(self, tmp_path: Path) -> None:
        build = _fake_build(
            tmp_path, 'CONFIG_EMULATOR="qemu"\nCONFIG_QEMU_MACHINE="netduinoplus2"\n'
        )
        proc = _cli("debug", "-b", "netduinoplus2", "--build-dir", build, "-n")
        assert proc.returncode == 0, proc.stderr
        lines = [line for line in proc.stderr.splitlines() if line.startswith("+ ")]
        elf = build / "firmware.elf"
        assert lines == [
            "+ qemu-system-arm -M netduinoplus2 -display none -monitor none -serial pty -s -S "
            f"-kernel {elf}",
            f"+ gdb-multiarch -q {elf} -ex 'set tcp connect-timeout 60' "
            "-ex 'target remote localhost:1234'",
        ]

    def test_hardware_is_pyocd_gdbserver(self, tmp_path: Path) -> None:
        build = _fake_build(tmp_path, 'CONFIG_EMULATOR=""\nCONFIG_PYOCD_TARGET="stm32f411re"\n')
        proc = _cli(
            "debug", "-b", "nucleo_f411re", "--build-dir", build, "-n", "--gdb-port", "3333"
        )
        assert proc.returncode == 0, proc.stderr
        assert "+ pyocd gdbserver -t stm32f411re --port 3333\n" in proc.stderr
        assert "target remote localhost:3333" in proc.stderr

    def test_a_board_without_a_gdb_server_is_one_error_line(self, tmp_path: Path) -> None:
        build = _fake_build(tmp_path, 'CONFIG_EMULATOR="unicorn"\n')
        proc = _cli("debug", "-b", "feather_m0", "--build-dir", build, "-n")
        assert proc.returncode == 1
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: board feather_m0:")
        assert "CONFIG_PYOCD_TARGET" in proc.stderr

    @pytest.mark.skipif(
        shutil.which("gdb-multiarch") is None or shutil.which("qemu-system-arm") is None,
        reason="gdb-multiarch or qemu-system-arm not installed (tools/deps/debug.apt)",
    )
    def test_a_batch_gdb_session_reads_the_reset_pc_and_a_symbol(self) -> None:
        build_dir, _ = build_firmware("netduinoplus2", "debug")
        port = str(20000 + os.getpid() % 20000)  # parallel workers: one port each
        proc = _cli(
            "debug", "-b", "netduinoplus2", "--build-dir", build_dir, "--gdb-port", port,
            "--", "-batch", "-ex", "info registers pc", "-ex", "print/x &cm_runner_mode",
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        # QEMU halted at reset (-S): the PC is the reset handler the vector table names
        assert "<cm_reset_isr>" in proc.stdout
        assert "$1 = 0x2" in proc.stdout  # a RAM address on the STM32
