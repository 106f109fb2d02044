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

A second UART is a SerialPipe: a pair of FIFOs in a fresh temporary directory
(no ports, so tests run in parallel) given to QEMU as a `pipe:` backend:

    with SerialPipe() as uart2:
        with Emulator(qemu_command(build_dir, serials=[uart2.backend])) as emu:
            emu.expect("ready")
            uart2.send(b"ping\n")         # what the board's UART receives
            uart2.expect(b"pong")          # what it sent
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
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


def qemu_command(
    build_dir: Path,
    serials: Sequence[str] = (),
    unimp_log: Path | None = None,
    console: str = "stdio",
) -> list[str]:
    """The non-interactive QEMU command line `mpforge run` uses for this build, with
    `serials` as further serial ports after the console, `unimp_log` (if given)
    logging the accesses to devices QEMU does not model, and the console on `console`."""
    runner = QemuRunner(
        build_dir, interactive=False, serials=serials, unimp_log=unimp_log, console=console
    )
    return runner.command([])


class SerialPipe:
    """The far end of an emulated UART: QEMU reads `<base>.in` and writes `<base>.out`.

    Both FIFOs are opened read-write here, before QEMU starts, so neither side blocks
    on open and nothing the board sends early is lost. Input is dropped by a UART
    whose receiver is not yet enabled: send only after the board says it is ready.
    """

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self._dir = Path(tempfile.mkdtemp(prefix="mpf-serial-"))
        base = self._dir / "uart"
        os.mkfifo(f"{base}.in")
        os.mkfifo(f"{base}.out")
        self.backend = f"pipe:{base}"
        self._to_board = os.open(f"{base}.in", os.O_RDWR)
        self._from_board = os.open(f"{base}.out", os.O_RDWR | os.O_NONBLOCK)
        self._raw = bytearray()
        self._seen = 0

    def send(self, data: bytes) -> None:
        """Bytes for the board's UART receiver."""
        os.write(self._to_board, data)

    def _pull(self, wait: float) -> None:
        ready, _, _ = select.select([self._from_board], [], [], max(wait, 0))
        if ready:
            self._raw += os.read(self._from_board, 65536)

    @property
    def received(self) -> bytes:
        """Everything the board sent so far."""
        self._pull(0)
        return bytes(self._raw)

    def expect(self, data: bytes, timeout: float | None = None) -> bytes:
        """Wait until `data` arrives after the previous match; the bytes up to it."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while (at := self._raw.find(data, self._seen)) < 0:
            left = deadline - time.monotonic()
            if left <= 0:
                raise EmulatorTimeout(f"expected {data!r} on {self.backend}; got {self.received!r}")
            self._pull(min(left, 0.1))
        before = bytes(self._raw[self._seen : at + len(data)])
        self._seen = at + len(data)
        return before

    def close(self) -> None:
        os.close(self._to_board)
        os.close(self._from_board)
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> SerialPipe:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Emulator:
    """A running emulator with its console on pipes; a thread collects the output."""

    def __init__(
        self, command: Sequence[str], timeout: float = DEFAULT_TIMEOUT, pty: bool = False
    ) -> None:
        """`pty`: the console is a pseudo-terminal (stdin, stdout and stderr), as a user's
        terminal would be, instead of pipes."""
        self.command = list(command)
        self.timeout = timeout
        self._raw = bytearray()
        self._seen = 0  # transcript offset after the last expect()
        self._raw_seen = 0  # byte offset after the last expect_raw()/read_raw()
        self._cond = threading.Condition()
        self._master: int | None = None
        if pty:
            self._master, slave = os.openpty()
            try:
                self._proc = subprocess.Popen(
                    self.command, stdin=slave, stdout=slave, stderr=slave, start_new_session=True
                )
            finally:
                os.close(slave)
        else:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _chunks(self) -> Iterator[bytes]:
        if self._master is None:
            assert self._proc.stdout is not None
            while chunk := self._proc.stdout.read1(4096):
                yield chunk
            return
        while True:
            try:
                chunk = os.read(self._master, 4096)
            except OSError:  # EIO: every slave descriptor is closed
                return
            if not chunk:
                return
            yield chunk

    def _read(self) -> None:
        for chunk in self._chunks():
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

    @property
    def raw(self) -> bytes:
        """Everything the console printed, byte for byte (CR LF kept)."""
        with self._cond:
            return bytes(self._raw)

    def expect_raw(self, data: bytes, timeout: float | None = None) -> bytes:
        """As expect(), on the bytes as sent (no decoding, CR LF kept), for binary protocols;
        it keeps its own position, independent of expect()'s."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._cond:
            while (at := self._raw.find(data, self._raw_seen)) < 0:
                left = deadline - time.monotonic()
                if left <= 0 or (self._proc.poll() is not None and not self._reader.is_alive()):
                    break
                self._cond.wait(min(left, 0.1))
            if at >= 0:
                before = bytes(self._raw[self._raw_seen : at + len(data)])
                self._raw_seen = at + len(data)
                return before
        self.kill()
        raise EmulatorTimeout(
            f"expected {data!r} from `{' '.join(self.command)}`; console so far:\n{self.raw!r}"
        )

    def read_raw(self, n: int, timeout: float | None = None) -> bytes:
        """The next `n` bytes after expect_raw()'s position (which moves past them)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._cond:
            while len(self._raw) < self._raw_seen + n:
                left = deadline - time.monotonic()
                if left <= 0 or (self._proc.poll() is not None and not self._reader.is_alive()):
                    break
                self._cond.wait(min(left, 0.1))
            else:
                data = bytes(self._raw[self._raw_seen : self._raw_seen + n])
                self._raw_seen += n
                return data
        self.kill()
        raise EmulatorTimeout(f"expected {n} more bytes; console so far: {self.raw!r}")

    def send(self, data: str | bytes) -> None:
        """Type `data` on the console (call after expect() saw the prompt)."""
        raw = data.encode() if isinstance(data, str) else data
        if self._master is not None:
            os.write(self._master, raw)
            return
        assert self._proc.stdin is not None
        self._proc.stdin.write(raw)
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
        if self._master is not None:
            # the whole session: a child it started (`mpforge run` starts the firmware)
            # would keep the pty open, and the reader waiting for ever
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, signal.SIGKILL)
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
        if self._master is not None:
            os.close(self._master)
            self._master = None


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
