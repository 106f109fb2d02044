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
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from mpforge import paths
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
        if shutil.which("node") is None:
            raise MpforgeError(
                "node is not installed; install it with `sudo apt-get install nodejs`"
            )
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
    """The RP2040 in rp2040js; ports/rp2040 provides the script (its chip's boot and UART)."""

    name = "rp2040js"
    script = "ports/rp2040/rp2040js.mjs"
    modules = ("rp2040js",)
