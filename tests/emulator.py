"""Boot a firmware image in its emulator and talk to its console, for tests of any port.

    with Emulator(command) as emu:
        emu.expect("ready")            # wait for output (a prompt or a marker)
        emu.send("hello\\r")           # only after the marker: early bytes can be lost
        emu.expect("echo: hello")
        status = emu.wait()            # the exit status (semihosting), or a timeout error
    emu.transcript                     # everything the console printed

`boot(command, script)` does the same in one call from (marker, input) pairs and
returns a Result (transcript, status). Every wait has a timeout; on a timeout
the emulator is killed and the error shows the transcript so far.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from mpforge.runners.qemu import QemuRunner

DEFAULT_TIMEOUT = 20.0


class EmulatorTimeout(AssertionError):
    """The emulator did not print what was expected (or exit) in time."""


@dataclass(frozen=True)
class Result:
    transcript: str  # console output, with "\r\n" turned into "\n"
    status: int  # the emulator's exit status


def qemu_command(build_dir: Path) -> list[str]:
    """The non-interactive QEMU command line `mpforge run` uses for this build."""
    return QemuRunner(build_dir, interactive=False).command([])


class Emulator:
    """A running emulator with its console on pipes; a thread collects the output."""

    def __init__(self, command: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> None:
        self.command = list(command)
        self.timeout = timeout
        self._raw = bytearray()
        self._seen = 0  # transcript offset after the last expect()
        self._cond = threading.Condition()
        self._proc = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        while chunk := self._proc.stdout.read1(4096):
            with self._cond:
                self._raw += chunk
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    @property
    def transcript(self) -> str:
        with self._cond:
            return self._raw.decode("utf-8", "replace").replace("\r\n", "\n")

    def expect(self, text: str, timeout: float | None = None) -> str:
        """Wait until `text` appears after the previous match; return the output up to it."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._cond:
            while True:
                out = self._raw.decode("utf-8", "replace").replace("\r\n", "\n")
                at = out.find(text, self._seen)
                if at >= 0:
                    before = out[self._seen : at + len(text)]
                    self._seen = at + len(text)
                    return before
                left = deadline - time.monotonic()
                if left <= 0 or (self._proc.poll() is not None and not self._reader.is_alive()):
                    break
                self._cond.wait(min(left, 0.1))
        self.kill()
        raise EmulatorTimeout(
            f"expected {text!r} from `{' '.join(self.command)}`; console so far:\n{self.transcript}"
        )

    def send(self, data: str | bytes) -> None:
        """Type `data` on the console (call after expect() saw the prompt)."""
        assert self._proc.stdin is not None
        self._proc.stdin.write(data.encode() if isinstance(data, str) else data)
        self._proc.stdin.flush()

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the emulator to exit; its status, or EmulatorTimeout (and it is killed)."""
        try:
            status = self._proc.wait(self.timeout if timeout is None else timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise EmulatorTimeout(
                f"`{' '.join(self.command)}` did not exit; console:\n{self.transcript}"
            ) from None
        self._reader.join(5)
        return status

    def kill(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(5)

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.kill()
        for stream in (self._proc.stdin, self._proc.stdout):
            if stream is not None:
                stream.close()


def boot(
    command: Sequence[str],
    script: Sequence[tuple[str, str | bytes]] = (),
    timeout: float = DEFAULT_TIMEOUT,
) -> Result:
    """Boot, and for each (marker, text) wait for the marker then type the text; then wait
    for the exit. Returns the transcript and the exit status."""
    with Emulator(command, timeout) as emu:
        for marker, text in script:
            emu.expect(marker)
            emu.send(text)
        status = emu.wait()
        return Result(emu.transcript, status)
