"""The nRF52840 as the Cortex-M engine models it (no emulator models the chip).

Modelled, with the register offsets of the nRF52840 Product Specification v1.7:
- CLOCK (5.4): HFCLKSTARTED reads as started;
- UARTE0 and UARTE1 (6.34), by EasyDMA: STARTTX sends TXD.MAXCNT bytes from TXD.PTR (UARTE0's
  to the console, UARTE1's wired back to its own receiver) and raises ENDTX; STARTRX latches
  RXD.PTR and raises RXSTARTED; a received byte goes to the latched buffer (AMOUNT 1, ENDRX,
  RXDRDY; the ENDRX_STARTRX shortcut latches the next RXD.PTR and raises RXSTARTED), the next
  only once the firmware has taken both events, as a byte time would let it; INTEN raises the
  UARTE's interrupt line while an enabled event is set;
- TIMER0 (6.30) as a timer: COMPARE0 every CC0 counts of 16 MHz >> PRESCALER, paced by real
  time (the port's 1 ms tick), cleared by its shortcut, raising its line when enabled;
  CAPTURE[1] latches the count;
- GPIO P0 and P1 (6.9): OUT/OUTSET/OUTCLR, IN as the pins' configuration makes it (an output
  reads its latch, a pulled input its pull, a disconnected input 0);
- FICR DEVICEID (4.4): a fixed identity for the one chip the machine stands for.
Everything else in the peripheral space is plain storage. Not modelled: baud rates, clock
sources, EasyDMA timing, the RADIO and everything else.
"""

from __future__ import annotations

from collections.abc import Callable

from unicorn import arm_const as arm

from mpforge.cpu.core import CLOCK, Periodic
from mpforge.cpu.cortexm import CortexM, CortexMChip

PERIPH_BASE = 0x40000000
CLOCK_BASE = 0x40000000
UARTE_BASES = (0x40002000, 0x40028000)  # UARTE0 (the console), UARTE1
TIMER0_BASE = 0x40008000
GPIO_BASES = (0x50000000, 0x50000300)  # P0, P1
FICR_BASE = 0x10000000
DEVICE_ID = (0x4D504652, 0x6E524635)  # FICR DEVICEID[0..1] as this model holds them
TIMER_HZ = 16_000_000

CLOCK_EVENTS_HFCLKSTARTED = 0x100
UARTE_TASKS_STARTRX, UARTE_TASKS_STOPRX = 0x000, 0x004
UARTE_TASKS_STARTTX, UARTE_TASKS_STOPTX = 0x008, 0x00C
UARTE_EVENTS_RXDRDY, UARTE_EVENTS_ENDRX, UARTE_EVENTS_ENDTX = 0x108, 0x110, 0x120
UARTE_EVENTS_RXTO, UARTE_EVENTS_RXSTARTED, UARTE_EVENTS_TXSTOPPED = 0x144, 0x14C, 0x158
UARTE_SHORTS, UARTE_INTEN, UARTE_INTENSET, UARTE_INTENCLR = 0x200, 0x300, 0x304, 0x308
UARTE_ENABLE = 0x500
UARTE_RXD_PTR, UARTE_RXD_MAXCNT, UARTE_RXD_AMOUNT = 0x534, 0x538, 0x53C
UARTE_TXD_PTR, UARTE_TXD_MAXCNT, UARTE_TXD_AMOUNT = 0x544, 0x548, 0x54C
UARTE_ENABLED = 8
SHORTS_ENDRX_STARTRX = 1 << 5
TIMER_TASKS_START, TIMER_TASKS_STOP, TIMER_TASKS_CLEAR = 0x000, 0x004, 0x00C
TIMER_TASKS_CAPTURE = 0x040
TIMER_EVENTS_COMPARE0, TIMER_SHORTS = 0x140, 0x200
TIMER_INTEN, TIMER_INTENSET, TIMER_INTENCLR = 0x300, 0x304, 0x308
TIMER_PRESCALER, TIMER_CC = 0x510, 0x540
TIMER_INT_COMPARE0 = 1 << 16
GPIO_OUT, GPIO_OUTSET, GPIO_OUTCLR, GPIO_IN = 0x504, 0x508, 0x50C, 0x510
GPIO_PIN_CNF = 0x700
FICR_DEVICEID = 0x060


def irq_of(base: int) -> int:
    """A peripheral's interrupt line: its ID, bits 12..17 of its address (PS 6.1.2)."""
    return (base >> 12) & 0x3F


class Uarte:
    """One UARTE: its EasyDMA transfers and the events and interrupt they raise."""

    def __init__(self, machine: CortexM, base: int, console: bool) -> None:
        self.machine = machine
        self.base = base
        self.console = console
        self.looped = bytearray()  # UARTE1: what it sent, on its way back to its RX
        self.inten = 0
        self.receiving = False
        self.latched = 0  # RXD.PTR as STARTRX latched it
        regs = machine.regs
        tasks: dict[int, Callable[[], None]] = {
            UARTE_TASKS_STARTRX: self._start_rx,
            UARTE_TASKS_STOPRX: self._stop_rx,
            UARTE_TASKS_STARTTX: self._transmit,
            UARTE_TASKS_STOPTX: lambda: self._event(UARTE_EVENTS_TXSTOPPED),
        }
        for offset, task in tasks.items():
            regs.word_writers[base + offset] = lambda _a, value, t=task: t() if value & 1 else None
            regs.word_readers[base + offset] = lambda _a: 0
        regs.word_writers[base + UARTE_INTENSET] = self._intenset
        regs.word_writers[base + UARTE_INTENCLR] = self._intenclr
        regs.word_writers[base + UARTE_INTEN] = self._inten
        for offset in (UARTE_INTEN, UARTE_INTENSET, UARTE_INTENCLR):
            regs.word_readers[base + offset] = lambda _a: self.inten

    def _reg(self, offset: int) -> int:
        return self.machine.regs.word(self.base + offset)

    def _event(self, offset: int) -> None:
        self.machine.regs.set_word(self.base + offset, 1)

    def _intenset(self, address: int, value: int) -> None:
        self.inten |= value

    def _intenclr(self, address: int, value: int) -> None:
        self.inten &= ~value

    def _inten(self, address: int, value: int) -> None:
        self.inten = value

    def _start_rx(self) -> None:
        self.receiving = True
        self.latched = self._reg(UARTE_RXD_PTR)
        self._event(UARTE_EVENTS_RXSTARTED)

    def _stop_rx(self) -> None:
        self.receiving = False
        self._event(UARTE_EVENTS_RXTO)

    def _transmit(self) -> None:
        if self._reg(UARTE_ENABLE) != UARTE_ENABLED:
            return
        count = self._reg(UARTE_TXD_MAXCNT)
        data = bytes(self.machine.uc.mem_read(self._reg(UARTE_TXD_PTR), count)) if count else b""
        if self.console:
            for byte in data:
                self.machine.console.write(byte)
        else:
            self.looped += data
        self.machine.regs.set_word(self.base + UARTE_TXD_AMOUNT, len(data))
        self._event(UARTE_EVENTS_ENDTX)

    def poll(self) -> None:
        source = self.machine.console.pending if self.console else self.looped
        ready = (
            self.receiving
            and source
            and self._reg(UARTE_ENABLE) == UARTE_ENABLED
            and not self._reg(UARTE_EVENTS_ENDRX)
            and not self._reg(UARTE_EVENTS_RXSTARTED)
            and self._reg(UARTE_RXD_MAXCNT) > 0
        )
        if ready:
            self.machine.uc.mem_write(self.latched, bytes([source.pop(0)]))
            self.machine.regs.set_word(self.base + UARTE_RXD_AMOUNT, 1)
            self._event(UARTE_EVENTS_RXDRDY)
            self._event(UARTE_EVENTS_ENDRX)
            if self._reg(UARTE_SHORTS) & SHORTS_ENDRX_STARTRX:
                self._start_rx()
        # Each event's interrupt-enable bit is the bit of its offset: (offset - 0x100) / 4.
        events = (UARTE_EVENTS_RXDRDY, UARTE_EVENTS_ENDRX, UARTE_EVENTS_ENDTX, UARTE_EVENTS_RXTO,
                  UARTE_EVENTS_RXSTARTED, UARTE_EVENTS_TXSTOPPED)  # fmt: skip
        if any(self.inten >> ((e - 0x100) // 4) & 1 and self._reg(e) for e in events):
            self.machine.raise_irq(irq_of(self.base))


class Timer:
    """TIMER0 in timer mode: COMPARE0 every CC[0] counts, paced by real time."""

    def __init__(self, machine: CortexM, base: int) -> None:
        self.machine = machine
        self.base = base
        self.compare = Periodic()
        self.started_at: float | None = None
        self.inten = 0
        regs = machine.regs
        regs.word_writers[base + TIMER_TASKS_START] = lambda _a, v: self._start() if v else None
        regs.word_writers[base + TIMER_TASKS_STOP] = lambda _a, v: self._stop() if v else None
        regs.word_writers[base + TIMER_TASKS_CLEAR] = lambda _a, v: self._clear() if v else None
        for n in range(6):
            regs.word_writers[base + TIMER_TASKS_CAPTURE + 4 * n] = lambda _a, v, n=n: (
                self._capture(n) if v else None
            )
        regs.word_writers[base + TIMER_INTENSET] = self._intenset
        regs.word_writers[base + TIMER_INTENCLR] = self._intenclr
        for offset in (TIMER_INTEN, TIMER_INTENSET, TIMER_INTENCLR):
            regs.word_readers[base + offset] = lambda _a: self.inten

    def _hz(self) -> float:
        return TIMER_HZ / (1 << (self.machine.regs.word(self.base + TIMER_PRESCALER) & 0xF))

    def _start(self) -> None:
        if self.started_at is None:
            self.started_at = CLOCK.now()
            cc0 = self.machine.regs.word(self.base + TIMER_CC)
            self.compare.start(cc0 / self._hz() if cc0 else 0.0)

    def _stop(self) -> None:
        self.started_at = None
        self.compare.stop()

    def _clear(self) -> None:
        if self.started_at is not None:
            self.started_at = None
            self._start()

    def _capture(self, n: int) -> None:
        count = 0
        if self.started_at is not None:
            count = int((CLOCK.now() - self.started_at) * self._hz())
            cc0 = self.machine.regs.word(self.base + TIMER_CC)
            if self.machine.regs.word(self.base + TIMER_SHORTS) & 1 and cc0:
                count %= cc0  # COMPARE0_CLEAR
        self.machine.regs.set_word(self.base + TIMER_CC + 4 * n, count & 0xFFFFFFFF)

    def _intenset(self, address: int, value: int) -> None:
        self.inten |= value

    def _intenclr(self, address: int, value: int) -> None:
        self.inten &= ~value

    def poll(self, now: float) -> None:
        if self.compare.due(now):
            self.machine.regs.set_word(self.base + TIMER_EVENTS_COMPARE0, 1)
        if self.inten & TIMER_INT_COMPARE0 and self.machine.regs.word(
            self.base + TIMER_EVENTS_COMPARE0
        ):
            self.machine.raise_irq(irq_of(self.base))


class Nrf52840(CortexMChip):
    cpu_model = arm.UC_CPU_ARM_CORTEX_M4
    has_fpu = True
    core_hz = 64_000_000
    memories = ((0x00000000, 0x100000), (0x20000000, 0x40000))
    peripherals = ((PERIPH_BASE, 0x30000), (GPIO_BASES[0], 0x1000), (FICR_BASE, 0x1000))

    def __init__(self, console_uart: int = 0) -> None:
        self.console_uart = console_uart
        self.uartes: list[Uarte] = []
        self.timer: Timer | None = None

    def attach(self, machine: CortexM) -> None:
        regs = machine.regs
        regs.force(CLOCK_BASE + CLOCK_EVENTS_HFCLKSTARTED, set_bits=1)
        for i, word in enumerate(DEVICE_ID):
            regs.set_word(FICR_BASE + FICR_DEVICEID + 4 * i, word)
        self.uartes = [
            Uarte(machine, base, n == self.console_uart) for n, base in enumerate(UARTE_BASES)
        ]
        self.timer = Timer(machine, TIMER0_BASE)
        for base in GPIO_BASES:
            self._gpio(machine, base)

    def _gpio(self, machine: CortexM, base: int) -> None:
        regs = machine.regs
        out = base + GPIO_OUT

        def outset(address: int, value: int) -> None:
            regs.set_word(out, regs.word(out) | value)

        def outclr(address: int, value: int) -> None:
            regs.set_word(out, regs.word(out) & ~value)

        def level(address: int) -> int:
            """IN: an output reads its latch, a pulled input its pull, a disconnected or
            floating input 0."""
            latch, bits = regs.word(out), 0
            for pin in range(32):
                cnf = regs.word(base + GPIO_PIN_CNF + 4 * pin) if pin_configured(pin) else 0x2
                if cnf & 0x2:
                    continue  # input buffer disconnected
                pulled_up = (cnf >> 2) & 3 == 3
                bits |= ((latch >> pin) & 1 if cnf & 0x1 else int(pulled_up)) << pin
            return bits

        def pin_configured(pin: int) -> bool:
            return base + GPIO_PIN_CNF + 4 * pin in regs.values

        regs.word_writers[base + GPIO_OUTSET] = outset
        regs.word_writers[base + GPIO_OUTCLR] = outclr
        regs.word_readers[base + GPIO_OUTSET] = lambda _a: regs.word(out)
        regs.word_readers[base + GPIO_OUTCLR] = lambda _a: regs.word(out)
        regs.word_readers[base + GPIO_IN] = level

    def poll(self, machine: CortexM, now: float) -> None:
        if self.timer is not None:
            self.timer.poll(now)
        for uarte in self.uartes:
            uarte.poll()

    def next_event(self) -> float | None:
        return None if self.timer is None else self.timer.compare.next
