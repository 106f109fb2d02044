"""The host port's runner: the firmware is a native executable run with the arguments."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mpforge.runners.base import Runner


class NativeRunner(Runner):
    name = "native"
    runs_files = True
    extra_args = "the firmware executable"
    device_console = ()

    def image(self) -> Path:
        return self.build_dir / "firmware"

    def command(self, args: Sequence[str]) -> list[str]:
        return [str(self.image()), *args]
