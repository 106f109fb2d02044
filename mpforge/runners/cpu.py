"""The CPU-level runner: boots the image on a machine of mpforge/cpu/ (the unicorn CPU
emulator with the chip's registers modelled) in a child process, so it keeps the runner
contract of base.py like the emulators do: console on the terminal (raw at a terminal: Ctrl-C
reaches the board, Ctrl-A X leaves), the program's exit status through the engine's exit
call (semihosting on Cortex-M, `ebreak` on RISC-V), --timeout ending the run with
TIMEOUT_STATUS.

The machine is CONFIG_CPU_MACHINE (samd21, samd51, nrf52840, esp32c3), which also says which
file of the build it boots, and the console UART's number CONFIG_CPU_MACHINE_CONSOLE. A
CPU-level run is a check, not a chip emulator: it proves the image boots on the real CPU core
and talks to the registers it should, not that clock trees or pin multiplexing are right on
silicon.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge.errors import MpforgeError
from mpforge.runners.base import Runner


class CpuRunner(Runner):
    name = "unicorn"
    device_console = ("--device",)

    @classmethod
    def describe(cls) -> str:
        return "unicorn (CPU-level check, not a chip emulator)"

    def image(self) -> Path:
        from mpforge.cpu import MACHINES

        machine = MACHINES.get(self.machine())
        return self.build_dir / (machine.image if machine else "firmware.elf")

    def machine(self) -> str:
        return self.emulated_machine(self.config(), "CPU_MACHINE", "CPU-level machine")

    def check(self) -> None:
        try:
            import unicorn  # noqa: F401
        except ImportError:
            raise MpforgeError(
                "the Python package unicorn is not installed; install mpforge's dependencies "
                "with `tools/bootstrap.sh --no-run`"
            ) from None

    def batch_command(self, cmd: list[str]) -> list[str]:
        return [*cmd, "--batch"]

    def command(self, args: Sequence[str]) -> list[str]:
        console = self.config().values.get("CPU_MACHINE_CONSOLE", "0")
        return [
            sys.executable,
            "-m",
            "mpforge.cpu",
            self.machine(),
            str(self.image()),
            "--console",
            console,
            *args,
        ]
