"""The runner classes keep one contract: the program's exit status, a distinct status
(and a note) for a run cut off by --timeout, console output and input. The CPU-level
machines' shared run loop (mpforge/cpu/core.py) keeps it too, shown on a toy chip."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mpforge.cpu.core import STATUS_TIMEOUT, Console
from mpforge.cpu.cortexm import CortexM, CortexMChip
from mpforge.runners import RUNNERS, TIMEOUT_STATUS, runner_for
from mpforge.runners.native import NativeRunner
from mpforge.runners.node import Rp2040jsRunner

ARM_GCC = shutil.which("arm-none-eabi-gcc")


def _native(tmp_path: Path, script: str) -> NativeRunner:
    firmware = tmp_path / "firmware"
    firmware.write_text("#!/bin/sh\n" + script)
    firmware.chmod(0o755)
    return NativeRunner(tmp_path)


def test_native_returns_the_program_status(tmp_path: Path) -> None:
    assert _native(tmp_path, 'test "$1" = a && exit 3\nexit 9\n').run(["a"]) == 3


def test_native_death_by_signal_is_128_plus_n(tmp_path: Path) -> None:
    assert _native(tmp_path, "kill -TERM $$\n").run() == 128 + 15


def test_timeout_is_not_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _native(tmp_path, "exec sleep 30\n").run(timeout=0.5) == TIMEOUT_STATUS
    assert "stopped after 0.5 s (--timeout)" in capsys.readouterr().err


def test_missing_image_says_build_first(tmp_path: Path) -> None:
    from mpforge.errors import MpforgeError

    with pytest.raises(MpforgeError, match="build it first"):
        NativeRunner(tmp_path).run()


def test_registry_and_node_runner_shape(tmp_path: Path) -> None:
    assert runner_for("native") is NativeRunner
    assert set(RUNNERS) >= {"native", "qemu", "rp2040js"}
    runner = Rp2040jsRunner(tmp_path)
    cmd = runner.command(["x"])
    assert cmd[0] == "node" and cmd[1].endswith("mpforge/runners/rp2040js_run.js")
    assert cmd[2:] == [str(tmp_path / "firmware.bin"), "x"]
    assert runner.environment()["NODE_PATH"].endswith("tools/npm/node_modules")


# A bare ARMv6-M program for a toy chip: a UART (data at 0x40000000, bit 0 of 0x40000004
# set while a received byte waits), semihosting exit.
TOY_C = r"""
#define UART_DATA (*(volatile unsigned *)0x40000000u)
#define UART_STATUS (*(volatile unsigned *)0x40000004u)
void reset(void);
__attribute__((section(".vectors"), used)) void *const vectors[2] = {(void *)0x20001000u, reset};
static void put(const char *s) { while (*s) UART_DATA = (unsigned)*s++; }
static void leave(int status) {
    static unsigned block[2];
    block[0] = 0x20026u;
    block[1] = (unsigned)status;
    register unsigned r0 __asm__("r0") = 0x20u;
    register unsigned *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xAB" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {}
}
void reset(void) {
    put("hello\n");
#ifdef SPIN
    for (;;) {}
#endif
    while (!(UART_STATUS & 1u)) {}
    unsigned c = UART_DATA;
    put("got ");
    UART_DATA = c;
    put("\n");
    leave(7);
}
"""
TOY_LD = """
MEMORY { FLASH : ORIGIN = 0, LENGTH = 64K  RAM : ORIGIN = 0x20000000, LENGTH = 4K }
SECTIONS { .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
           .bss : { *(.bss*) *(COMMON) } > RAM }
"""


def _toy_machine(build_dir: Path, out: bytearray) -> CortexM:
    """The Cortex-M engine with a toy chip: 64 KiB of flash, 4 KiB of RAM, the UART."""

    class ToyChip(CortexMChip):
        memories = ((0x0, 0x10000), (0x20000000, 0x1000))
        peripherals = ((0x40000000, 0x1000),)

        def attach(self, machine: CortexM) -> None:
            console = machine.console
            regs = machine.regs
            regs.word_readers[0x40000000] = lambda _a: console.read()
            regs.word_writers[0x40000000] = lambda _a, value: console.write(value & 0xFF)
            regs.word_readers[0x40000004] = lambda _a: int(console.has_input())

    machine = CortexM(ToyChip(), Console(out.extend))
    machine.load_elf(build_dir / "firmware.elf")
    return machine


def _toy(tmp_path: Path, *defines: str) -> Path:
    (tmp_path / "toy.c").write_text(TOY_C)
    (tmp_path / "toy.ld").write_text(TOY_LD)
    subprocess.run(
        [ARM_GCC, "-mcpu=cortex-m0", "-mthumb", "-Os", "-nostdlib", "-Wl,-e,reset",
         *defines, "-T", tmp_path / "toy.ld", tmp_path / "toy.c", "-o",
         tmp_path / "firmware.elf"],
        check=True,
    )  # fmt: skip
    return tmp_path


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
def test_cpu_machine_console_input_and_exit_status(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"x")
    out = bytearray()
    try:
        status = _toy_machine(_toy(tmp_path), out).run(read_end, time.monotonic() + 60)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert status == 7
    assert bytes(out) == b"hello\ngot x\n"


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
def test_cpu_machine_timeout(tmp_path: Path) -> None:
    out = bytearray()
    machine = _toy_machine(_toy(tmp_path, "-DSPIN"), out)
    assert machine.run(None, time.monotonic() + 0.5) == STATUS_TIMEOUT == TIMEOUT_STATUS
    assert bytes(out) == b"hello\n"


def test_cpu_machine_cli_refuses_a_missing_image(tmp_path: Path) -> None:
    import sys

    command = [sys.executable, "-m", "mpforge.cpu", "samd21"]
    proc = subprocess.run(
        [*command, str(tmp_path / "nothing.elf")], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2 and proc.stderr.startswith("error: ")
    assert "Traceback" not in proc.stderr


def test_console_pty_refused_where_the_runner_has_no_device_mode(tmp_path: Path) -> None:
    """`--console pty` needs a runner that can take a device for its console; the others
    (wasm_node) say so before anything runs."""
    from mpforge.errors import MpforgeError
    from mpforge.runners.pty import run_on_pty
    from mpforge.runners.wasm import WasmNodeRunner

    with pytest.raises(MpforgeError, match="cannot put its console on a pty") as e:
        run_on_pty(WasmNodeRunner(tmp_path), [], None)
    assert "no console reader" in e.value.message and "-b host --console pty" in e.value.message


def test_console_pty_runs_the_program_on_a_pty(tmp_path: Path) -> None:
    """The program's stdin and stdout are a terminal (so the firmware gives its REPL), the
    pty's other side is printed for the tool to open, and the status comes back."""
    _native(tmp_path, "test -t 0 && test -t 1 && exit 4\nexit 9\n")
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from mpforge.runners.native import NativeRunner; from mpforge.runners.pty import "
         f"run_on_pty; sys.exit(run_on_pty(NativeRunner(Path({str(tmp_path)!r})), [], 10))"],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 4, result
    assert re.match(r"console on /dev/pts/\d+ \(connect mpremote", result.stderr), result.stderr
