"""Stage 6, RUN: boot a built image, natively or in an emulator.

Each runner is a class keyed by the board's CONFIG_EMULATOR value, all with one
contract (base.py: console on the terminal, input, Ctrl-C, --timeout, the program's
exit status): native (the host port), qemu, rp2040js (a Node script the port
provides), and unicorn: the CPU-level machines of mpforge/cpu/ (the board's
CONFIG_CPU_MACHINE names its chip). A port adds its runner to RUNNERS.
"""

from __future__ import annotations

from mpforge.runners.base import TIMEOUT_STATUS, Runner
from mpforge.runners.cpu import CpuRunner
from mpforge.runners.native import NativeRunner
from mpforge.runners.node import Rp2040jsRunner
from mpforge.runners.qemu import QemuRunner
from mpforge.runners.wasm import BrowserRunner, WasmNodeRunner

RUNNERS: dict[str, type[Runner]] = {
    "native": NativeRunner,
    "qemu": QemuRunner,
    "rp2040js": Rp2040jsRunner,
    "wasm-node": WasmNodeRunner,
    "browser": BrowserRunner,
    "unicorn": CpuRunner,
}

__all__ = ["RUNNERS", "TIMEOUT_STATUS", "Runner", "runner_for"]


def runner_for(emulator: str) -> type[Runner] | None:
    return RUNNERS.get(emulator)
