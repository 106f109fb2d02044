"""rp2040js runner: boot an RP2040 board's firmware.bin in the rp2040js emulator (npm,
pinned in tools/npm, installed by tools/bootstrap.sh) under Debian's Node.

`rp2040js_run.js` (beside this file) plays the boot ROM: it checks boot2's CRC, starts
boot2 from SRAM and connects UART0 to stdio. Status: the guest's semihosting exit code
(CONFIG_SEMIHOSTING_EXIT), 125 for an emulator-level error (bad CRC, stray BKPT).
At a terminal the console is raw (Ctrl-C reaches the board) and Ctrl-] leaves.
`uart1_loopback` jumpers UART1's TX to its RX; `wires` (pairs of GPIO numbers) make
the second pin's input follow the first's output.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge import paths
from mpforge.errors import MpforgeError
from mpforge.runners.base import Runner

SCRIPT = Path(__file__).with_name("rp2040js_run.js")
NODE_MODULES = paths.ROOT / "tools" / "npm" / "node_modules"
EXIT_KEY = "Ctrl-]"


class Rp2040jsRunner(Runner):
    name = "rp2040js"
    node = "node"

    def __init__(
        self,
        build_dir: Path,
        interactive: bool | None = None,
        uart1_loopback: bool = False,
        wires: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__(build_dir)
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self.uart1_loopback = uart1_loopback
        self.wires = list(wires)

    def image(self) -> Path:
        return self.build_dir / "firmware.bin"

    def command(self, args: Sequence[str]) -> list[str]:
        if args:
            raise MpforgeError("rp2040js boards take no program arguments; freeze the code instead")
        cmd = [self.node, str(SCRIPT), "--modules", str(NODE_MODULES), str(self.image())]
        if self.uart1_loopback:
            cmd += ["--uart1", "loopback"]
        for a, b in self.wires:
            cmd += ["--wire", f"{a}:{b}"]
        return cmd

    def run(self, args: Sequence[str] = (), timeout: float | None = None) -> int:
        if shutil.which(self.node) is None:
            raise MpforgeError(
                "node is not installed; install it with `sudo apt-get install nodejs` "
                "(or run tools/bootstrap.sh)"
            )
        if not (NODE_MODULES / "rp2040js").is_dir():
            raise MpforgeError(
                f"rp2040js is not installed in {NODE_MODULES}; run tools/bootstrap.sh "
                "(it installs the pinned Node tools)"
            )
        if self.interactive:
            print(f"note: console attached (UART0); exit with {EXIT_KEY}", file=sys.stderr)
        return super().run(args, timeout)
