"""The SAMD21 and SAMD51 as the CPU-level runner models them: memory, the clock status bits
start-up waits on, the SERCOM USARTs and the PORT controller.

Modelled: every clock-ready/lock bit reads as ready and every SYNCBUSY as done; a SERCOM's DATA
register sends to the console (the board's console SERCOM) or loops back into its own receiver
(the others: a wire from TX to RX), its INTFLAG shows DRE/TXC always and RXC while bytes wait,
RXC raises its interrupt line when enabled; the PORT's DIR/OUT set/clear/toggle registers, with
IN reading what an output drives and what a pull holds an input at; the serial number and
calibration words. Not modelled: baud rates, clock frequencies, pin multiplexing, DMA, anything
else. Register offsets from DS40001882 (SAMD21) and DS60001507 (SAMD51).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

from unicorn import arm_const as arm

from mpforge.cpu.cortexm import CortexM, CortexMChip

SERCOM_CTRLA = 0x00
SERCOM_INTENCLR = 0x14
SERCOM_INTENSET = 0x16
SERCOM_INTFLAG = 0x18
SERCOM_DATA = 0x28
INTFLAG_DRE, INTFLAG_TXC, INTFLAG_RXC = 0x01, 0x02, 0x04
PORT_GROUPS = 2
# PORT group registers: DIR, DIRCLR, DIRSET, DIRTGL, OUT, OUTCLR, OUTSET, OUTTGL.
PORT_WRITES = (
    (0x00, "dir", "put"),
    (0x04, "dir", "clr"),
    (0x08, "dir", "set"),
    (0x0C, "dir", "tgl"),
    (0x10, "out", "put"),
    (0x14, "out", "clr"),
    (0x18, "out", "set"),
    (0x1C, "out", "tgl"),
)


@dataclass(frozen=True)
class SamdFamily:
    name: str
    cpu_model: int
    has_fpu: bool
    flash_size: int
    ram_size: int
    sercom_bases: tuple[int, ...]
    sercom_rx_irqs: tuple[int, ...]
    port_base: int
    ready: tuple[tuple[int, int], ...]  # (status register, bits that read as set)
    serial_words: tuple[int, ...]
    info_page: int  # the NVM page holding the serial number and calibration


SAMD21 = SamdFamily(
    name="samd21",
    cpu_model=arm.UC_CPU_ARM_CORTEX_M0,  # unicorn has no M0+: same ARMv6-M instruction set
    has_fpu=False,
    flash_size=0x40000,
    ram_size=0x8000,
    sercom_bases=tuple(0x42000800 + 0x400 * n for n in range(6)),
    sercom_rx_irqs=tuple(9 + n for n in range(6)),
    port_base=0x41004400,
    ready=((0x4000080C, 0xDF),),  # SYSCTRL.PCLKSR: oscillators ready, DFLL ready and locked
    serial_words=(0x0080A00C, 0x0080A040, 0x0080A044, 0x0080A048),
    info_page=0x00806000,
)

SAMD51 = SamdFamily(
    name="samd51",
    cpu_model=arm.UC_CPU_ARM_CORTEX_M4,
    has_fpu=True,
    flash_size=0x80000,
    ram_size=0x30000,
    sercom_bases=(0x40003000, 0x40003400, 0x41012000, 0x41014000, 0x43000000, 0x43000400),
    sercom_rx_irqs=tuple(46 + 4 * n + 2 for n in range(6)),
    port_base=0x41008000,
    # OSCCTRL.STATUS (oscillators, DFLL, DPLLs ready/locked), DPLL0STATUS (LOCK, CLKRDY).
    ready=((0x40001010, 0xFF), (0x40001011, 0x0F), (0x40001040, 0x03)),
    serial_words=(0x008061FC, 0x00806010, 0x00806014, 0x00806018),
    info_page=0x00806000,
)

FAMILIES = {f.name: f for f in (SAMD21, SAMD51)}


class Samd(CortexMChip):
    def __init__(self, family: SamdFamily, console_sercom: int) -> None:
        self.family = family
        self.cpu_model = family.cpu_model
        self.has_fpu = family.has_fpu
        self.console_sercom = console_sercom
        self.memories = ((0, family.flash_size), (0x20000000, family.ram_size))
        self.peripherals = ((0x40000000, 0x04000000),)
        self.loopback: list[bytearray] = [bytearray() for _ in family.sercom_bases]
        self.inten = [0] * len(family.sercom_bases)

    def attach(self, machine: CortexM) -> None:
        self.machine = machine
        regs = machine.regs
        for address, bits in self.family.ready:
            regs.force(address, set_bits=bits)
        self._info_page(machine)
        for n, base in enumerate(self.family.sercom_bases):
            self._sercom(machine, n, base)
        for group in range(PORT_GROUPS):
            self._port_group(machine, self.family.port_base + 0x80 * group)

    def _info_page(self, machine: CortexM) -> None:
        page = self.family.info_page
        machine.uc.mem_map(page & ~0xFFF, 0x1000)
        serial = page == self.family.serial_words[0] & ~0xFFF
        if not serial:
            machine.uc.mem_map(self.family.serial_words[0] & ~0xFFF, 0x1000)
        # A fixed serial number (the runner stands for one chip) and the DFLL's coarse
        # calibration in the middle of its range.
        for i, address in enumerate(self.family.serial_words):
            machine.uc.mem_write(address, struct.pack("<I", 0x4D504600 + i))
        machine.uc.mem_write(0x00806024, struct.pack("<I", 0x1F << 26))

    def _sercom(self, machine: CortexM, n: int, base: int) -> None:
        regs = machine.regs
        pending = self._pending(n)

        def ctrla_write(address: int, byte: int) -> None:
            regs.values[address] = byte & ~0x01 if address == base else byte  # SWRST self-clears

        def intenset(address: int, byte: int) -> None:
            self.inten[n] |= byte

        def intenclr(address: int, byte: int) -> None:
            self.inten[n] &= ~byte

        def inten_read(address: int) -> int:
            return self.inten[n]

        def intflag_read(address: int) -> int:
            return INTFLAG_DRE | INTFLAG_TXC | (INTFLAG_RXC if pending() else 0)

        def data_write(address: int, byte: int) -> None:
            if n == self.console_sercom:
                machine.console.write(byte)
            else:
                self.loopback[n].append(byte)

        def data_read(address: int) -> int:
            if n == self.console_sercom:
                return machine.console.read()
            return self.loopback[n].pop(0) if self.loopback[n] else 0

        regs.writers[base + SERCOM_CTRLA] = ctrla_write
        regs.writers[base + SERCOM_INTENSET] = intenset
        regs.writers[base + SERCOM_INTENCLR] = intenclr
        regs.readers[base + SERCOM_INTENSET] = inten_read
        regs.readers[base + SERCOM_INTENCLR] = inten_read
        regs.readers[base + SERCOM_INTFLAG] = intflag_read
        regs.writers[base + SERCOM_DATA] = data_write
        regs.readers[base + SERCOM_DATA] = data_read
        regs.writers[base + SERCOM_DATA + 1] = lambda address, byte: None
        regs.readers[base + SERCOM_DATA + 1] = lambda address: 0

    def _pending(self, n: int) -> Callable[[], bool]:
        if n == self.console_sercom:
            return self.machine.console.has_input
        return lambda: bool(self.loopback[n])

    def _port_group(self, machine: CortexM, base: int) -> None:
        regs = machine.regs
        state = {"dir": 0, "out": 0}

        def word_op(reg: str, op: str, shift_base: int) -> Callable[[int, int], None]:
            def write(address: int, byte: int) -> None:
                bits = byte << (8 * (address - shift_base))
                if op == "set":
                    state[reg] |= bits
                elif op == "clr":
                    state[reg] &= ~bits
                elif op == "tgl":
                    state[reg] ^= bits
                else:
                    mask = 0xFF << (8 * (address - shift_base))
                    state[reg] = (state[reg] & ~mask) | bits

            return write

        def word_read(value: Callable[[], int]) -> Callable[[int], int]:
            def read(address: int) -> int:
                return (value() >> (8 * ((address - base) % 4))) & 0xFF

            return read

        def pulled_high() -> int:
            bits = 0
            for pin in range(32):
                if regs.values.get(base + 0x40 + pin, 0) & 0x04:  # PINCFG.PULLEN
                    bits |= 1 << pin
            return bits & state["out"] & ~state["dir"]

        for i in range(4):
            for offset, reg, op in PORT_WRITES:
                regs.writers[base + offset + i] = word_op(reg, op, base + offset)
            for offset, reg, _ in PORT_WRITES:
                regs.readers[base + offset + i] = word_read(lambda r=reg: state[r])
            regs.readers[base + 0x20 + i] = word_read(
                lambda: (state["out"] & state["dir"]) | pulled_high()
            )

    def poll(self, machine: CortexM, now: float) -> None:
        for n, line in enumerate(self.family.sercom_rx_irqs):
            if self.inten[n] & INTFLAG_RXC and self._pending(n)():
                machine.raise_irq(line)
