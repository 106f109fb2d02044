"""Stage 6, RUN: boot a built image, natively or in an emulator.

Each runner is a small class keyed by the board's CONFIG_EMULATOR value;
ports add theirs to RUNNERS.
"""

from __future__ import annotations

from mpforge.runners.base import Runner
from mpforge.runners.native import NativeRunner
from mpforge.runners.qemu import QemuRunner
from mpforge.runners.unicorn import UnicornEsp32c3Runner

RUNNERS: dict[str, type[Runner]] = {
    "native": NativeRunner,
    "qemu": QemuRunner,
    UnicornEsp32c3Runner.name: UnicornEsp32c3Runner,
}


def runner_for(emulator: str) -> type[Runner] | None:
    return RUNNERS.get(emulator)
