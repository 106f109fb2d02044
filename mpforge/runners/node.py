"""Runners whose emulator is a Node program (rp2040js): the port supplies the script.

The script's contract (the same as every runner's, see base.py): `node SCRIPT IMAGE
[ARGS]` with NODE_PATH at tools/npm/node_modules (rp2040js and uf2 are pinned there);
it loads IMAGE into the chip model, copies the console UART to stdout and stdin to
the UART (in raw mode at a terminal, so Ctrl-C reaches the board as 0x03; Ctrl-] ends
the run), and exits with the status the guest gives through semihosting
SYS_EXIT_EXTENDED (BKPT 0xAB, r0 = 0x20, r1 -> {0x20026, status}). The timeout is the
base runner's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from mpforge import paths, process
from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.errors import MpforgeError
from mpforge.runners.base import Runner

NODE_MODULES = paths.ROOT / "tools" / "npm" / "node_modules"


class NodeRunner(Runner):
    """A Node-based emulator: subclasses name `script` (relative to the repository)."""

    name = "node"
    script: ClassVar[str] = ""
    image_name: ClassVar[str] = "firmware.elf"
    modules: ClassVar[tuple[str, ...]] = ()  # npm packages the script requires

    def image(self) -> Path:
        return self.build_dir / self.image_name

    def script_path(self) -> Path:
        return paths.ROOT / self.script

    def check(self) -> None:
        process.require("node")
        if not self.script_path().is_file():
            raise MpforgeError(f"{self.script_path()} does not exist: the port provides it")
        for module in self.modules:
            if not (NODE_MODULES / module).is_dir():
                raise MpforgeError(
                    f"the npm package {module} is not installed in tools/npm; "
                    "run tools/bootstrap.sh"
                )

    def command(self, args: Sequence[str]) -> list[str]:
        return ["node", str(self.script_path()), str(self.image()), *args]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "NODE_PATH": str(NODE_MODULES)}


class Rp2040jsRunner(NodeRunner):
    """The RP2040 in rp2040js. The script plays the boot ROM: it checks boot2's CRC-32/MPEG-2,
    runs boot2 from SRAM (which enters the firmware) and restarts the chip on a watchdog
    reset; a stray BKPT or a bad CRC ends the run with status 125. `uart1_loopback`
    jumpers UART1's TX to its RX; `wires` (GPIO pairs A, B) make B's input follow A's
    output, and an undriven input reads its pull."""

    name = "rp2040js"
    script = "mpforge/runners/rp2040js_run.js"
    image_name = "firmware.bin"
    modules = ("rp2040js",)
    extra_args = "rp2040js_run.js (--uart1 loopback, --wire A:B)"
    device_console = ("--device",)

    def __init__(
        self,
        build_dir: Path,
        uart1_loopback: bool = False,
        wires: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__(build_dir)
        self.uart1_loopback = uart1_loopback
        self.wires = list(wires)

    def batch_command(self, cmd: list[str]) -> list[str]:
        """The script stores the runner's word (cortex_m.h) before the core starts."""
        address = runner_mode_address(self.build_dir / "firmware.elf")
        if address is None:
            return cmd
        at = cmd.index(str(self.image())) + 1
        return [*cmd[:at], "--batch", f"0x{address:x}:0x{RUNNER_BATCH:x}", *cmd[at:]]

    def command(self, args: Sequence[str]) -> list[str]:
        extra = ["--uart1", "loopback"] if self.uart1_loopback else []
        for a, b in self.wires:
            extra += ["--wire", f"{a}:{b}"]
        return super().command([*extra, *args])
