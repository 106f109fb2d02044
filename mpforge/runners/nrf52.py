"""A CPU-level model of the nRF52840 for the unicorn runner (no emulator models the chip).

What the nrf port's image touches to boot and print: the CLOCK's HFCLKSTARTED event
(reads as started), UARTE0 and UARTE1 transmitting by EasyDMA (TASKS_STARTTX sends
TXD.MAXCNT bytes from TXD.PTR -- UARTE0's to the console, UARTE1's to `uart1` -- and
raises ENDTX), the GPIO's
OUT/IN and PIN_CNF registers (an output reads back its latch, a pulled input its pull),
FICR DEVICEID, and everything else (SysTick, NVIC, SCB, the receivers' set-up) as plain
storage. Register offsets are the nRF52840 Product Specification v1.7's. Unicorn
delivers no interrupts, so what the port does by interrupt (receiving, the SysTick
tick behind time.sleep) does not happen here: tests boot frozen programs that print
and leave through semihosting.
"""

from __future__ import annotations

from typing import Any

from mpforge.runners.unicorn import UnicornRunner

PERIPH_BASE = 0x40000000
UARTE_BASES = (0x40002000, 0x40028000)  # UARTE0 (the console), UARTE1
GPIO_BASES = (0x50000000, 0x50000300)  # P0, P1
FICR_BASE = 0x10000000
SCS_BASE = 0xE000E000
# DEVICEID as this model's FICR holds it (machine.unique_id() reads it).
DEVICE_ID = (0x4D504652, 0x6E524635)

# Register offsets (PS v1.7: 5.4 CLOCK, 6.34 UARTE, 6.9 GPIO, 4.4 FICR).
CLOCK_EVENTS_HFCLKSTARTED = 0x100
UARTE_TASKS_STARTTX, UARTE_EVENTS_ENDTX, UARTE_ENABLE = 0x008, 0x120, 0x500
UARTE_TXD_PTR, UARTE_TXD_MAXCNT = 0x544, 0x548
UARTE_ENABLED = 8
GPIO_OUT, GPIO_OUTSET, GPIO_OUTCLR, GPIO_IN = 0x504, 0x508, 0x50C, 0x510
GPIO_PIN_CNF = 0x700
FICR_DEVICEID = 0x060


class Nrf52840Runner(UnicornRunner):
    name = "unicorn-nrf52840"
    regions = ((0x00000000, 0x100000), (0x20000000, 0x40000))
    peripherals = (
        (PERIPH_BASE, 0x30000),
        (GPIO_BASES[0], 0x1000),
        (FICR_BASE, 0x1000),
        (SCS_BASE, 0x1000),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regs: dict[int, int] = {}
        self.uart1 = bytearray()  # what UARTE1 (machine.UART(1)) sent
        self.uc: Any = None

    def build(self) -> tuple[Any, int, int]:
        uc, sp, pc = super().build()
        self.uc = uc
        return uc, sp, pc

    # ---------------------------------------------------------------- registers
    def mmio_read(self, address: int, size: int) -> int:
        if address == PERIPH_BASE + CLOCK_EVENTS_HFCLKSTARTED:
            return 1
        if address in (FICR_BASE + FICR_DEVICEID, FICR_BASE + FICR_DEVICEID + 4):
            return DEVICE_ID[(address - FICR_BASE - FICR_DEVICEID) // 4]
        for port, base in enumerate(GPIO_BASES):
            if address == base + GPIO_IN:
                return self._gpio_in(port)
            if address in (base + GPIO_OUTSET, base + GPIO_OUTCLR):
                return self.regs.get(base + GPIO_OUT, 0)
        return self.regs.get(address, 0)

    def mmio_write(self, address: int, size: int, value: int) -> None:
        for base in GPIO_BASES:
            if address == base + GPIO_OUTSET:
                self.regs[base + GPIO_OUT] = self.regs.get(base + GPIO_OUT, 0) | value
                return
            if address == base + GPIO_OUTCLR:
                self.regs[base + GPIO_OUT] = self.regs.get(base + GPIO_OUT, 0) & ~value
                return
        self.regs[address] = value
        for base in UARTE_BASES:
            if address == base + UARTE_TASKS_STARTTX and value == 1:
                self._transmit(base)

    def _transmit(self, base: int) -> None:
        if self.regs.get(base + UARTE_ENABLE, 0) != UARTE_ENABLED:
            return
        ptr = self.regs.get(base + UARTE_TXD_PTR, 0)
        count = self.regs.get(base + UARTE_TXD_MAXCNT, 0)
        data = bytes(self.uc.mem_read(ptr, count)) if count else b""
        if base == UARTE_BASES[0]:
            self.emit(data)
        else:
            self.uart1 += data
        self.regs[base + UARTE_EVENTS_ENDTX] = 1

    def _gpio_in(self, port: int) -> int:
        """IN as the pins' configuration makes it: an output reads its latch, a pulled
        input its pull, a floating input 0."""
        base = GPIO_BASES[port]
        out = self.regs.get(base + GPIO_OUT, 0)
        level = 0
        for pin in range(32):
            cnf = self.regs.get(base + GPIO_PIN_CNF + 4 * pin, 0x2)
            if cnf & 0x2:
                continue  # input buffer disconnected: reads 0
            pulled_up = (cnf >> 2) & 3 == 3
            level |= ((out >> pin) & 1 if cnf & 0x1 else int(pulled_up)) << pin
        return level
