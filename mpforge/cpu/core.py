"""What every CPU-level machine shares, whatever its architecture: the console, the register
file of the modelled peripherals, timers paced by real time, and the run loop.

The run loop lets unicorn execute the image and takes control back at *service points*: the
start of the port's poll hook (`mpf_port_poll`, which the VM calls from every loop), at most
every SERVICE_PERIOD of real time. Stopping at the start of a block is exact: nothing of it
has run. (unicorn's own timeout and instruction count stop at points where resuming repeats
the last store, so neither is used.) An image without the hook (LTO inlines it away) gets a
service point at every block (slower): there an interrupt can come between any two blocks,
with the flags of one instruction still to be used by the next, so the engines keep the
interrupted code's whole state. Between two runs the loop reads the console's input,
advances the timers, lets the chip raise its interrupt lines and the engine take one; after
a `wfi` it waits in real time for the next timer event or byte of input. It ends with the
firmware's own status (the engine's exit call), STATUS_TIMEOUT at the deadline, STATUS_FAULT
when the CPU faults, or 0 when the user leaves (the exit key at a terminal).

A stress run (`Stress`, `python -m mpforge.cpu --stress SEED`, for tests) makes interrupts
land at many different instants, the same ones on every run of one seed and image: service
points come at seeded random blocks (any block, not only the hook's) rather than by real
time, and the machine's clock (`CLOCK`) is virtual, advancing only by a seeded random step
at each of them (and to the next timer event when the CPU sleeps), so every timer fires at
a different instant of the program.

An engine (cortexm.py, riscv.py) adds the CPU: its reset, interrupt entry and exit call; a
chip module (samd.py, nrf52.py, esp32c3.py) adds the memory map and peripheral registers.
"""

from __future__ import annotations

import os
import random
import select
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from unicorn import UC_HOOK_BLOCK, Uc, UcError

from mpforge.images.elf import Elf

# Exit statuses the machine itself gives (the firmware's own come from its exit call).
STATUS_FAULT = 134  # as QEMU when the guest locks up
STATUS_TIMEOUT = 124  # as timeout(1)

# The function whose entry gives the machine control (interrupts, input, time).
SERVICE_FUNCTION = "mpf_port_poll"
SERVICE_PERIOD = 0.001
IDLE_WAIT = 0.05  # longest sleep of an idle CPU between looks at its input
# A stress run: the share of the hook's hits that are service points, and the longest step
# of the virtual clock at one (twice the 1 ms tick: a tick at about every other one).
STRESS_RATE = 0.03
STRESS_STEP = 0.002

# The console's input pace (see Console): a byte every 10 bit times at CONSOLE_BAUD, and at
# most CONSOLE_BURST bytes arrived but not read (a few FIFO slots' worth).
CONSOLE_BAUD = 115200
CONSOLE_BURST = 8.0

Reader = Callable[[int], int]  # address -> byte (or word, for word handlers)
Writer = Callable[[int, int], None]  # address, byte (or word)


def service_address(image: Elf) -> int | None:
    """Where the image's poll hook (SERVICE_FUNCTION) starts, if it has one."""
    symbol = next((s for s in image.symbols if s.name == SERVICE_FUNCTION), None)
    return None if symbol is None else symbol.address & ~1  # no Thumb bit


class MachineExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def raise_exit(status: int) -> None:
    raise MachineExit(status)


@dataclass
class Console:
    """The board's console: bytes the firmware sent (passed to `out` at each service
    point), bytes waiting for it.

    Input arrives as on a UART at CONSOLE_BAUD (8N1), not all at once: `has_input()` says
    whether a byte has come in by the machine's clock (at most CONSOLE_BURST of them
    waiting since the last read). A receive interrupt that reads while bytes are there
    would otherwise take a whole paste at once and drop what its ring cannot hold, which
    a real UART's pace never makes it do."""

    out: Callable[[bytes], None]
    pending: bytearray = field(default_factory=bytearray)
    sent: bytearray = field(default_factory=bytearray)
    credit: float = CONSOLE_BURST  # bytes arrived and not read yet
    credited_at: float | None = None

    def write(self, byte: int) -> None:
        self.sent.append(byte)

    def flush(self) -> None:
        if self.sent:
            data = bytes(self.sent)
            self.sent.clear()
            self.out(data)

    def available(self) -> int:
        """How many of the pending bytes have come in by now (a receive FIFO's count)."""
        if not self.pending:
            return 0
        now = CLOCK.now()
        if self.credited_at is not None:
            elapsed = max(0.0, now - self.credited_at)
            self.credit = min(CONSOLE_BURST, self.credit + elapsed * CONSOLE_BAUD / 10)
        self.credited_at = now
        return min(len(self.pending), int(self.credit))

    def has_input(self) -> bool:
        return self.available() > 0

    def read(self) -> int:
        if not self.has_input():
            return 0
        self.credit -= 1
        return self.pending.pop(0)


class Registers:
    """A plain register file for the peripheral space: what was written reads back, unless a
    handler says otherwise. Byte handlers (`readers`/`writers`) see each byte of an access,
    so 8-, 16- and 32-bit accesses of one register agree; word handlers
    (`word_readers`/`word_writers`, keyed by the aligned address) see the whole 32-bit
    register. `force` sets or clears status bits (clock ready, synchronisation done) so
    start-up loops that wait on them end."""

    def __init__(self) -> None:
        self.values: dict[int, int] = {}
        self.readers: dict[int, Reader] = {}
        self.writers: dict[int, Writer] = {}
        self.word_readers: dict[int, Reader] = {}
        self.word_writers: dict[int, Writer] = {}
        self.forced: dict[int, tuple[int, int]] = {}

    def force(self, address: int, set_bits: int = 0, clear_bits: int = 0) -> None:
        self.forced[address] = (set_bits, clear_bits)

    def read(self, address: int, size: int) -> int:
        word = address & ~3
        reader = self.word_readers.get(word)
        if reader is not None:
            return (reader(word) >> (8 * (address - word))) & ((1 << (8 * size)) - 1)
        value = 0
        for i in range(size):
            value |= self.read_byte(address + i) << (8 * i)
        return value

    def read_byte(self, address: int) -> int:
        reader = self.readers.get(address)
        if reader is not None:
            return reader(address) & 0xFF
        value = self.values.get(address, 0)
        set_bits, clear_bits = self.forced.get(address, (0, 0))
        return (value | set_bits) & ~clear_bits & 0xFF

    def write(self, address: int, size: int, value: int) -> None:
        word = address & ~3
        writer = self.word_writers.get(word)
        if writer is not None:
            if size != 4 or address != word:  # a narrower store merges into the register
                shift, mask = 8 * (address - word), (1 << (8 * size)) - 1
                value = (self.word(word) & ~(mask << shift)) | ((value & mask) << shift)
            writer(word, value & 0xFFFFFFFF)
            return
        for i in range(size):
            byte_address = address + i
            byte = (value >> (8 * i)) & 0xFF
            byte_writer = self.writers.get(byte_address)
            if byte_writer is not None:
                byte_writer(byte_address, byte)
            else:
                self.values[byte_address] = byte

    def word(self, address: int) -> int:
        return sum(self.values.get(address + i, 0) << (8 * i) for i in range(4))

    def set_word(self, address: int, value: int) -> None:
        for i in range(4):
            self.values[address + i] = (value >> (8 * i)) & 0xFF


class Stress:
    """A stress run's choices, from one seed: which hits of the hook are service points,
    and how far the virtual clock steps at each."""

    def __init__(self, seed: int, rate: float = STRESS_RATE) -> None:
        self.rng = random.Random(seed)
        self.rate = rate

    def stop_here(self) -> bool:
        return self.rng.random() < self.rate

    def step(self) -> float:
        return self.rng.uniform(0.0, STRESS_STEP)


class Clock:
    """The machine's time (monotonic seconds): real time, or in a stress run a virtual time
    that only the run loop advances."""

    def __init__(self) -> None:
        self.virtual: float | None = None
        self.stress: Stress | None = None

    def stress_run(self, seed: int) -> None:
        """Make this a stress run (see the module) with `seed`: before the machine is made,
        so its timers start on the virtual clock."""
        self.stress = Stress(seed)
        self.virtual = 0.0

    def now(self) -> float:
        return time.monotonic() if self.virtual is None else self.virtual

    def advance(self, seconds: float) -> None:
        if self.virtual is not None:
            self.virtual += seconds


# The one clock of the machine (one machine a process): chips and timers read it.
CLOCK = Clock()


class Periodic:
    """A timer event every `period` seconds of the machine's time, from `start()` on."""

    def __init__(self) -> None:
        self.period = 0.0
        self.next: float | None = None

    def start(self, period: float) -> None:
        self.period = period
        self.next = CLOCK.now() + period if period > 0 else None

    def stop(self) -> None:
        self.next = None

    def due(self, now: float) -> bool:
        """Whether the event came (once, however many periods passed: a slow host loses
        ticks rather than queueing them)."""
        if self.next is None or now < self.next:
            return False
        self.next = max(self.next + self.period, now)
        return True


class Chip:
    """What a chip adds to an engine: its memory map and peripheral registers."""

    memories: tuple[tuple[int, int], ...] = ()  # (base, size) of flash and RAM
    peripherals: tuple[tuple[int, int], ...] = ()  # (base, size) of peripheral windows

    def attach(self, machine: Any) -> None:
        """Install register handlers on machine.regs; called once before reset."""

    def poll(self, machine: Any, now: float) -> None:
        """Advance the chip's timers to `now` and raise its interrupt lines from its state
        (console input waiting, a timer event)."""

    def next_event(self) -> float | None:
        """When a timer of the chip fires next (monotonic seconds), if one runs."""
        return None


class Engine:
    """A CPU on unicorn with a chip's registers, and the run loop (see the module)."""

    def __init__(self, uc: Uc, chip: Chip, console: Console) -> None:
        self.uc = uc
        self.chip = chip
        self.console = console
        self.regs = Registers()
        for base, size in chip.memories:
            uc.mem_map(base, size)
        self.stdin_fd: int | None = None
        self.next_service = 0.0
        self.exit_key = b""  # at a terminal: the bytes that leave the machine (Ctrl-A X)
        self.key_tail = b""  # the end of the last read: a key typed as two reads still leaves
        self.stress = CLOCK.stress

    def map_registers(self, base: int, size: int) -> None:
        self.uc.mmio_map(base, size, self._mmio_read, base, self._mmio_write, base)

    def _mmio_read(self, uc: Uc, offset: int, size: int, base: int) -> int:
        return self.regs.read(base + offset, size)

    def _mmio_write(self, uc: Uc, offset: int, size: int, value: int, base: int) -> None:
        self.regs.write(base + offset, size, value)

    def service_at(self, address: int | None) -> None:
        """Take control at the start of the block at `address` (the poll hook), or at every
        block when the image has none (LTO may inline the hook away) or in a stress run."""
        if address is None or self.stress is not None:
            self.uc.hook_add(UC_HOOK_BLOCK, self._service_point)
        else:
            self.uc.hook_add(UC_HOOK_BLOCK, self._service_point, None, address, address + 1)

    def _service_point(self, uc: Uc, address: int, size: int, user_data: object) -> None:
        if self.stress is not None:
            if self.stress.stop_here():
                uc.emu_stop()
            return
        now = time.monotonic()
        if now >= self.next_service:
            self.next_service = now + SERVICE_PERIOD
            uc.emu_stop()

    def fault(self, what: str) -> None:
        self.console.flush()
        sys.stdout.flush()
        print(f"\nerror: CPU-level machine: {what}", file=sys.stderr)
        raise_exit(STATUS_FAULT)

    # ------------------------------------------------------------------ the CPU's part
    def reset(self) -> None:
        """Put the CPU at the image's entry point."""
        raise NotImplementedError

    def resume(self) -> None:
        """Run from the current PC until the next service point (or exit, or fault)."""
        raise NotImplementedError

    def asleep(self) -> bool:
        """Whether the CPU stopped in a wait-for-interrupt."""
        raise NotImplementedError

    def deliver(self, now: float) -> bool:
        """Take a pending interrupt if one may be taken now."""
        raise NotImplementedError

    def next_event(self) -> float | None:
        """When the core's own timer fires next, if it runs."""
        return None

    # ------------------------------------------------------------------ running
    def run(self, stdin_fd: int | None, deadline: float | None) -> int:
        """Reset and run until the firmware exits, faults, the user leaves or `deadline`."""
        self.stdin_fd = stdin_fd
        self.reset()
        try:
            while True:
                try:
                    self.resume()
                except UcError as e:
                    self.fault(str(e))
                finally:
                    self.console.flush()
                waiting = self.asleep()
                if deadline is not None and time.monotonic() >= deadline:
                    return STATUS_TIMEOUT
                if self.stress is not None:
                    CLOCK.advance(self.stress.step())
                now = CLOCK.now()
                self._read_input(0.0)
                self.chip.poll(self, now)
                if not self.deliver(now) and waiting:
                    # Asleep: nothing happens until the next timer event or byte of input.
                    wait = IDLE_WAIT
                    for event in (self.next_event(), self.chip.next_event()):
                        if event is not None:
                            wait = max(0.0, min(wait, event - now))
                    if self.stress is not None:
                        CLOCK.advance(wait)  # virtual time: skip to the event
                        wait = 0.0
                    elif deadline is not None:
                        wait = max(0.0, min(wait, deadline - now))
                    self._read_input(wait)
        except MachineExit as e:
            self.console.flush()
            return e.status

    def _read_input(self, wait: float) -> None:
        if self.stdin_fd is None:
            if wait:
                time.sleep(wait)
            return
        ready, _, _ = select.select([self.stdin_fd], [], [], wait)
        if not ready:
            return
        data = os.read(self.stdin_fd, 256)
        if not data:
            self.stdin_fd = None  # end of input: the board runs on with what it has
            return
        if self.exit_key:
            # at a terminal each key press is a read of its own: Ctrl-A then X arrive apart
            if self.exit_key in self.key_tail + data:
                raise_exit(0)
            self.key_tail = data[1 - len(self.exit_key) :]
        self.console.pending += data
