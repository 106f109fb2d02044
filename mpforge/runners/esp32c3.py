"""`mpforge run` for ESP32-C3 boards: the CPU-level runner (mpforge.runners.esp32c3_cpu,
unicorn) in a subprocess on firmware.esp.bin. A check of the code, not a chip emulator: see
that module for what it models and what it does not prove."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge.runners.base import Runner


class UnicornEsp32c3Runner(Runner):
    """Runs mpforge.runners.esp32c3_cpu as a subprocess on the build's firmware.esp.bin."""

    name = "unicorn-esp32c3"

    def image(self) -> Path:
        return self.build_dir / "firmware.esp.bin"

    def command(self, args: Sequence[str]) -> list[str]:
        return [sys.executable, "-m", "mpforge.runners.esp32c3_cpu", str(self.image()), *args]

    def batch_command(self, cmd: list[str]) -> list[str]:
        return [*cmd, "--batch"]

    def run(
        self, args: Sequence[str] = (), timeout: float | None = None, batch: bool | None = None
    ) -> int:
        if sys.stdin.isatty():
            print(
                "note: CPU-level runner (unicorn), not a chip emulator; exit with Ctrl-A X",
                file=sys.stderr,
            )
        return super().run(args, timeout, batch)
