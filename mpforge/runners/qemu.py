"""QEMU runner: boot a board's firmware.elf in qemu-system-arm with the console on stdio.

The machine comes from CONFIG_QEMU_MACHINE; with CONFIG_SEMIHOSTING_EXIT the guest
can end QEMU with its exit status. At a terminal the console is a multiplexed
stdio character device without signals, so Ctrl-C reaches the board as a byte
and the exit key is Ctrl-A then X (Ctrl-A Ctrl-A sends a Ctrl-A to the board).
Piped (tests, scripts), it is plain `-serial stdio`. `console` puts it on another
character device instead, e.g. "pty" for mpremote (QEMU prints the /dev/pts path).

The console is QEMU's serial0; `serials` attaches more character devices in order
(serial1, serial2, ...: USART2, USART3, ... on netduinoplus2), e.g. "pty" or
"pipe:/tmp/dir/u2" (QEMU then reads u2.in and writes u2.out). `unimp_log` makes QEMU
log every access to a device it does not model (`-d unimp`), such as the STM32's
GPIO and RCC, to that file: the register writes a test can check.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge import process
from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.runners.base import Runner

EXIT_KEY = "Ctrl-A X"


class QemuRunner(Runner):
    name = "qemu"
    system = "qemu-system-arm"
    extra_args = "qemu-system-arm (after -kernel)"

    def __init__(
        self,
        build_dir: Path,
        interactive: bool | None = None,
        serials: Sequence[str] = (),
        unimp_log: Path | None = None,
        console: str = "stdio",
    ) -> None:
        super().__init__(build_dir)
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self.serials = list(serials)
        self.unimp_log = unimp_log
        self.console = console

    def image(self) -> Path:
        return self.build_dir / "firmware.elf"

    def command(self, args: Sequence[str]) -> list[str]:
        view = self.config()
        machine = self.emulated_machine(view, "QEMU_MACHINE", "QEMU machine")
        cmd = [self.system, "-M", machine, "-display", "none", "-monitor", "none"]
        if self.console != "stdio":
            cmd += ["-serial", self.console]
        elif self.interactive:
            cmd += ["-chardev", "stdio,id=console,mux=on,signal=off", "-serial", "chardev:console"]
        else:
            cmd += ["-serial", "stdio"]
        for backend in self.serials:
            cmd += ["-serial", backend]
        if self.unimp_log is not None:
            cmd += ["-d", "unimp", "-D", str(self.unimp_log)]
        if view.values.get("SEMIHOSTING_EXIT") == "y":
            cmd += ["-semihosting-config", "enable=on,target=native"]
        return [*cmd, "-kernel", str(self.image()), *args]

    def batch_command(self, cmd: list[str]) -> list[str]:
        """Semihosting on, and the runner's word set (cortex_m.h) by QEMU's generic loader."""
        if self.console != "stdio":
            return cmd  # the console is elsewhere (mpremote): a REPL session
        address = runner_mode_address(self.image())
        if address is None:
            return cmd
        at = cmd.index("-kernel")
        extra = [
            "-device",
            f"loader,addr=0x{address:x},data=0x{RUNNER_BATCH:x},data-len=4",
        ]
        if "-semihosting-config" not in cmd:
            extra = ["-semihosting-config", "enable=on,target=native", *extra]
        return [*cmd[:at], *extra, *cmd[at:]]

    def check(self) -> None:
        process.require(self.system)
        if self.console != "stdio":
            print(f"note: console on QEMU's {self.console}; stop with Ctrl-C", file=sys.stderr)
        elif self.interactive:
            print(f"note: console attached; exit with {EXIT_KEY}", file=sys.stderr)
