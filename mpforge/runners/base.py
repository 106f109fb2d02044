"""The runner interface: how to start a board's image with its console on stdio."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from mpforge.errors import MpforgeError


class Runner:
    """Boots the image in `build_dir`; subclasses say how (`command`) and what they need."""

    name = "abstract"

    def __init__(self, build_dir: Path) -> None:
        self.build_dir = build_dir

    def command(self, args: Sequence[str]) -> list[str]:
        raise NotImplementedError

    def image(self) -> Path:
        raise NotImplementedError

    def run(self, args: Sequence[str] = (), timeout: float | None = None) -> int:
        """Boot and wait; with `timeout`, stop the image after that many seconds (status 0)."""
        image = self.image()
        if not image.is_file():
            raise MpforgeError(f"{image} does not exist; build it first with `mpforge build`")
        with subprocess.Popen(self.command(args)) as proc:
            try:
                return proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.terminate()
                proc.wait()
                print(f"\nnote: stopped after {timeout:g} s (--timeout)", file=sys.stderr)
                return 0
