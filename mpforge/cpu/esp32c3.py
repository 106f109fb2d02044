"""The ESP32-C3 as the RISC-V engine models it: a check, not a chip emulator.

It loads the ESP image's segments into SRAM as the ROM bootloader would (checksum and SHA-256
checked first), puts the whole flash layout (`flash_args` beside the image) into a flash
array, starts the CPU at the image's entry point and models the registers the port's
start-up, console and machine module touch (offsets from the ESP32-C3 Technical Reference
Manual):

- The cache's MMU and the cache enable (execute in place): 128 MMU entries at 0x600C5000
  (bits 7..0 the 64 KiB flash page, bit 8 invalid), indexed by the offset in the instruction
  bus's window (0x42000000) and the data bus's (0x3C000000) alike; a page of a window is
  visible only while its entry is valid, the cache is on (EXTMEM ICACHE_CTRL bit 0) and that
  bus is not shut (ICACHE_CTRL1 bit 0 IBUS, bit 1 DBUS). At reset the cache is off, both
  buses shut and every entry invalid, so an access to a page the firmware has not mapped is
  an unmapped access: the run ends with STATUS_FAULT. A whole-cache invalidate
  (ICACHE_SYNC_CTRL bit 0) completes at once. The data bus is read-only.

- UART0 (the console) and UART1: FIFO, STATUS counts, interrupt enable/raw/status; UART1's TX
  is wired back to its RX (a loopback).
- SYSTIMER unit 0 (16 MHz, from the host's monotonic clock) and its target-0 alarm.
- The interrupt matrix (source -> CPU line, enable, priority, threshold).
- The watchdogs as the ROM leaves them (RTC WDT and TIMG0 WDT armed, super watchdog on),
  each behind its write-protect key: if any is still armed 2 s after boot, the run stops as
  the chip would reset ("watchdog reset", STATUS_FAULT).
- GPIO output/enable latches and the IO MUX pulls, read back through GPIO_IN.
- SYSTEM clock registers (the PLL as the ROM leaves it), eFuse MAC (02:00:00:c3:00:01).

What it does not prove: timing, the cache itself (its size, misses, autoload, the flash's SPI
configuration and clock, which the ROM leaves set up), the ROM's own code and the boot through
it, the analog parts, any peripheral not listed, the pads.
"""

from __future__ import annotations

import ctypes
import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from unicorn import UC_PROT_EXEC, UC_PROT_READ

from mpforge.cpu.core import CLOCK, Console, Periodic, Registers, service_address
from mpforge.cpu.riscv import Riscv, RiscvChip
from mpforge.errors import MpforgeError
from mpforge.images import elf

ESP_IMAGE_MAGIC = 0xE9
IRAM_BASE, DRAM_BASE, SRAM_SIZE = 0x40380000, 0x3FC80000, 0x60000
PERIPH_BASE, PERIPH_SIZE = 0x60000000, 0xD1000
IBUS_BASE, DBUS_BASE = 0x42000000, 0x3C000000
MMU_ENTRIES, MMU_PAGE, MMU_INVALID = 128, 0x10000, 1 << 8
FLASH_SIZE = 0x400000
SYSTIMER_HZ = 16_000_000
WATCHDOG_GRACE_S = 2.0
MAC = bytes.fromhex("020000c30001")

UART0, UART1, GPIO, RTC_CNTL, EFUSE, IO_MUX = (
    0x60000000, 0x60010000, 0x60004000, 0x60008000, 0x60008800, 0x60009000,
)  # fmt: skip
TIMG0, TIMG1, SYSTIMER, SYSTEM, INTMTX = 0x6001F000, 0x60020000, 0x60023000, 0x600C0000, 0x600C2000
EXTMEM, MMU_TABLE = 0x600C4000, 0x600C5000
WDT_KEY, SWD_KEY = 0x50D83AA1, 0x8F1D312A
SOURCE_UART0, SOURCE_UART1, SOURCE_SYSTIMER0 = 21, 22, 37
GPIO_PINS = 22
# Each watchdog's write-protect register -> (its configuration register, its key).
WRITE_PROTECT = {
    RTC_CNTL + 0xA8: (RTC_CNTL + 0x90, WDT_KEY),
    TIMG0 + 0x64: (TIMG0 + 0x48, WDT_KEY),
    TIMG1 + 0x64: (TIMG1 + 0x48, WDT_KEY),
    RTC_CNTL + 0xB0: (RTC_CNTL + 0xAC, SWD_KEY),
}
SUPER_WATCHDOG = RTC_CNTL + 0xAC


@dataclass(frozen=True)
class Segment:
    address: int
    data: bytes


def parse_image(data: bytes) -> tuple[int, list[Segment]]:
    """The entry point and segments of an ESP32-family image (header, extended header,
    segments, checksum, SHA-256), checked as the ROM checks them."""
    if len(data) < 24 or data[0] != ESP_IMAGE_MAGIC:
        raise MpforgeError("not an ESP image (magic 0xE9 missing)")
    count, entry = data[1], struct.unpack_from("<I", data, 4)[0]
    hash_appended = data[23] == 1
    offset, segments, checksum = 24, [], 0xEF
    for _ in range(count):
        address, length = struct.unpack_from("<II", data, offset)
        body = data[offset + 8 : offset + 8 + length]
        if len(body) != length:
            raise MpforgeError("ESP image truncated inside a segment")
        segments.append(Segment(address, body))
        for byte in body:
            checksum ^= byte
        offset += 8 + length
    offset += 15 - (offset % 16)  # the checksum is the last byte of a 16-byte block
    if data[offset] != checksum:
        raise MpforgeError(f"ESP image checksum 0x{data[offset]:02x}, computed 0x{checksum:02x}")
    offset += 1
    if hash_appended and hashlib.sha256(data[:offset]).digest() != data[offset : offset + 32]:
        raise MpforgeError("ESP image SHA-256 digest does not match")
    return entry, segments


class Uart:
    """A UART's receive FIFO (`rx`) and interrupt bits; `sink` takes what the firmware sends.
    The TX FIFO drains at once. The console's receive FIFO holds what has come in at the
    console's pace (core.Console); UART1's loopback has all it was sent at once."""

    def __init__(
        self,
        regs: Registers,
        base: int,
        rx: bytearray,
        sink: Callable[[int], None],
        console: Console | None = None,
    ):
        self.rx = rx
        self.int_ena = 0
        self.regs = regs
        if console is not None:
            self.count: Callable[[], int] = console.available
            regs.word_readers[base + 0x00] = lambda _a: console.read()
        else:
            self.count = lambda: len(self.rx)
            regs.word_readers[base + 0x00] = lambda _a: self.rx.pop(0) if self.rx else 0
        regs.word_writers[base + 0x00] = lambda _a, value: sink(value & 0xFF)
        regs.word_readers[base + 0x04] = lambda _a: self.raw()
        regs.word_readers[base + 0x08] = lambda _a: self.raw() & self.int_ena
        regs.word_readers[base + 0x0C] = lambda _a: self.int_ena
        regs.word_writers[base + 0x0C] = self._int_ena
        regs.word_readers[base + 0x1C] = lambda _a: min(self.count(), 127)  # STATUS
        # CONF0's REG_UPDATE (bit 31 of 0x80) completes at once.
        regs.word_readers[base + 0x80] = lambda _a: regs.word(base + 0x80) & ~(1 << 31)

    def _int_ena(self, address: int, value: int) -> None:
        self.int_ena = value

    def raw(self) -> int:
        return 0x101 if self.count() else 0  # RXFIFO_FULL and RXFIFO_TOUT while bytes wait

    def pending(self) -> bool:
        return bool(self.raw() & self.int_ena)


@dataclass
class Watchdog:
    """One write-protected watchdog: armed at reset, disarmed only through its key."""

    name: str
    armed: bool = True
    unlocked: bool = False


class Esp32c3(RiscvChip):
    peripherals = ((PERIPH_BASE, PERIPH_SIZE),)

    def __init__(self, console_uart: int = 0) -> None:
        self.sram = (ctypes.c_ubyte * SRAM_SIZE)()
        self.flash = (ctypes.c_ubyte * FLASH_SIZE)()
        ctypes.memset(self.flash, 0xFF, FLASH_SIZE)  # erased
        self.mapped: dict[int, int] = {}  # window page address -> flash page visible there
        self.t0 = CLOCK.now()
        self.snapshot = 0
        self.alarm = Periodic()
        self.alarm_raw = False
        self.watchdogs = {
            RTC_CNTL + 0x90: Watchdog("RTC watchdog"),
            TIMG0 + 0x48: Watchdog("timer group 0 watchdog"),
            TIMG1 + 0x48: Watchdog("timer group 1 watchdog", armed=False),  # ROM: MWDT0 only
            SUPER_WATCHDOG: Watchdog("super watchdog"),
        }
        self.watchdog_checked = False
        self.looped = bytearray()  # UART1: its TX wired to its RX

    # ------------------------------------------------------------ memory and image
    def attach(self, machine: Riscv) -> None:
        # One buffer mapped twice: IRAM and DRAM are two views of SRAM1.
        for base in (IRAM_BASE, DRAM_BASE):
            machine.uc.mem_map_ptr(base, SRAM_SIZE, 7, ctypes.addressof(self.sram))
        regs = machine.regs
        self.regs = regs
        self.uc = machine.uc
        self._cache(regs)
        console = machine.console
        self.uart0 = Uart(regs, UART0, console.pending, console.write, console)
        self.uart1 = Uart(regs, UART1, self.looped, self.looped.append)
        regs.set_word(SYSTEM + 0x58, 1 << 10)  # SoC clock on the PLL
        self._systimer(regs)
        self._gpio(regs)
        regs.word_readers[EFUSE + 0x44] = lambda _a: int.from_bytes(MAC[2:], "big")
        regs.word_readers[EFUSE + 0x48] = lambda _a: int.from_bytes(MAC[:2], "big")
        for address, (config, key) in WRITE_PROTECT.items():
            regs.word_writers[address] = self._unlock(config, key)
        for address, dog in self.watchdogs.items():
            regs.word_writers[address] = self._watchdog_config(dog)
            if address != SUPER_WATCHDOG:
                regs.word_readers[address] = lambda a, d=dog: regs.word(a) | (d.armed << 31)

    def load(self, machine: Riscv, image: Path) -> tuple[int, int | None]:
        data = image.read_bytes()
        entry, segments = parse_image(data)
        for offset, part in flash_layout(image, data):
            if offset + len(part) > FLASH_SIZE:
                raise MpforgeError(
                    f"{image.parent}/flash_args: a part at 0x{offset:x} ends past the flash"
                )
            ctypes.memmove(ctypes.addressof(self.flash) + offset, part, len(part))
        for seg in segments:
            inside = any(
                b <= seg.address and seg.address + len(seg.data) <= b + SRAM_SIZE
                for b in (IRAM_BASE, DRAM_BASE)
            )
            if not inside:
                raise MpforgeError(f"segment at 0x{seg.address:08x} is outside SRAM1")
            machine.uc.mem_write(seg.address, seg.data)
        return entry, poll_address(image)

    # ------------------------------------------------------------ cache and MMU
    def _cache(self, regs: Registers) -> None:
        regs.set_word(EXTMEM + 0x04, 3)  # both buses shut
        for i in range(MMU_ENTRIES):
            regs.set_word(MMU_TABLE + 4 * i, MMU_INVALID)

        def write(address: int, value: int) -> None:
            regs.set_word(address, value)
            self._remap()

        for address in (
            EXTMEM + 0x00,
            EXTMEM + 0x04,
            *range(MMU_TABLE, MMU_TABLE + 4 * MMU_ENTRIES, 4),
        ):
            regs.word_writers[address] = write
        # ICACHE_SYNC_CTRL: an invalidate (bit 0) is done at once (SYNC_DONE, bit 1).
        regs.word_writers[EXTMEM + 0x28] = lambda a, v: regs.set_word(a, (v & ~1) | 2)

    def _remap(self) -> None:
        """Make the windows show what the MMU, the cache enable and the bus gates say."""
        regs = self.regs
        on = regs.word(EXTMEM + 0x00) & 1
        shut = regs.word(EXTMEM + 0x04)
        want: dict[int, tuple[int, int]] = {}  # window address -> (flash page, permissions)
        for i in range(MMU_ENTRIES if on else 0):
            entry = regs.word(MMU_TABLE + 4 * i)
            page = entry & 0xFF
            if entry & MMU_INVALID or (page + 1) * MMU_PAGE > FLASH_SIZE:
                continue
            if not shut & 1:
                want[IBUS_BASE + i * MMU_PAGE] = (page, UC_PROT_READ | UC_PROT_EXEC)
            if not shut & 2:
                want[DBUS_BASE + i * MMU_PAGE] = (page, UC_PROT_READ)
        for address, now in list(self.mapped.items()):
            if want.get(address, (None, 0))[0] != now:
                self.uc.mem_unmap(address, MMU_PAGE)
                del self.mapped[address]
        for address, (page, prot) in want.items():
            if address not in self.mapped:
                host = ctypes.addressof(self.flash) + page * MMU_PAGE
                self.uc.mem_map_ptr(address, MMU_PAGE, prot, host)
                self.mapped[address] = page

    # ------------------------------------------------------------ registers
    def _systimer(self, regs: Registers) -> None:
        def update(address: int, value: int) -> None:
            if value & (1 << 30):  # TIMER_UNIT0_UPDATE: snapshot the counter
                self.snapshot = int((CLOCK.now() - self.t0) * SYSTIMER_HZ)

        def comp0_load(address: int, value: int) -> None:
            period = regs.word(SYSTIMER + 0x34) & 0x3FFFFFF  # TARGET0_CONF's period
            self.alarm.start(period / SYSTIMER_HZ)

        def int_clr(address: int, value: int) -> None:
            if value & 1:
                self.alarm_raw = False

        regs.word_writers[SYSTIMER + 0x04] = update
        regs.word_readers[SYSTIMER + 0x04] = lambda _a: 1 << 29  # VALUE_VALID
        regs.word_readers[SYSTIMER + 0x40] = lambda _a: (self.snapshot >> 32) & 0xFFFFF
        regs.word_readers[SYSTIMER + 0x44] = lambda _a: self.snapshot & 0xFFFFFFFF
        regs.word_writers[SYSTIMER + 0x50] = comp0_load
        regs.word_writers[SYSTIMER + 0x6C] = int_clr

    def _gpio(self, regs: Registers) -> None:
        def latch(register: int, set_bits: bool) -> Callable[[int, int], None]:
            def write(address: int, value: int) -> None:
                old = regs.word(register)
                regs.set_word(register, old | value if set_bits else old & ~value)

            return write

        out, enable = GPIO + 0x04, GPIO + 0x20
        regs.word_writers[GPIO + 0x08] = latch(out, True)  # OUT_W1TS
        regs.word_writers[GPIO + 0x0C] = latch(out, False)  # OUT_W1TC
        regs.word_writers[GPIO + 0x24] = latch(enable, True)  # ENABLE_W1TS
        regs.word_writers[GPIO + 0x28] = latch(enable, False)  # ENABLE_W1TC
        regs.word_readers[GPIO + 0x3C] = self._gpio_in

    def _gpio_in(self, address: int) -> int:
        regs = self.regs
        out, enable = regs.word(GPIO + 0x04), regs.word(GPIO + 0x20)
        level = 0
        for pin in range(GPIO_PINS):
            pulled = 1 if regs.word(IO_MUX + 0x04 + 4 * pin) & (1 << 8) else 0  # FUN_WPU
            open_drain = regs.word(GPIO + 0x74 + 4 * pin) & 4
            bit = pulled
            if enable >> pin & 1:
                bit = out >> pin & 1
                if open_drain and bit:
                    bit = pulled  # released: the pull decides
            level |= bit << pin
        return level

    def _unlock(self, config: int, key: int) -> Callable[[int, int], None]:
        def write(address: int, value: int) -> None:
            self.watchdogs[config].unlocked = value == key

        return write

    def _watchdog_config(self, dog: Watchdog) -> Callable[[int, int], None]:
        def write(address: int, value: int) -> None:
            if not dog.unlocked:
                return  # a locked register ignores writes, as on the chip
            if address == SUPER_WATCHDOG:
                dog.armed = not value & (1 << 30)  # SWD_DISABLE
            else:
                dog.armed = bool(value & (1 << 31))  # WDT_EN
            self.regs.set_word(address, value & ~(1 << 31))

        return write

    # ------------------------------------------------------------ time and interrupts
    def poll(self, machine: Riscv, now: float) -> None:
        if self.alarm.due(now):
            self.alarm_raw = True
        if not self.watchdog_checked and now - self.t0 >= WATCHDOG_GRACE_S:
            self.watchdog_checked = True
            armed = [d.name for d in self.watchdogs.values() if d.armed]
            if armed:
                machine.fault(f"watchdog reset: {', '.join(armed)} still armed")

    def next_event(self) -> float | None:
        return self.alarm.next

    def _source_active(self, source: int) -> bool:
        if source == SOURCE_UART0:
            return self.uart0.pending()
        if source == SOURCE_UART1:
            return self.uart1.pending()
        if source == SOURCE_SYSTIMER0:
            return self.alarm_raw and bool(self.regs.word(SYSTIMER + 0x64) & 1)
        return False

    def pending_line(self, machine: Riscv) -> int:
        regs = self.regs
        enabled = regs.word(INTMTX + 0x104)
        threshold = regs.word(INTMTX + 0x194)
        for source in (SOURCE_UART0, SOURCE_UART1, SOURCE_SYSTIMER0):
            line = regs.word(INTMTX + 4 * source) & 31
            priority = regs.word(INTMTX + 0x114 + 4 * line)
            routed = line and enabled >> line & 1 and priority and priority >= threshold
            if routed and self._source_active(source):
                return line
        return 0


def flash_layout(image: Path, data: bytes) -> list[tuple[int, bytes]]:
    """What the flash holds: every part of `flash_args` beside `image` (as `mpforge flash`
    writes them), or `image` alone at 0x0 when there is no flash_args or it does not list it."""
    args = image.parent / "flash_args"
    if args.is_file():
        parts = []
        for line in args.read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) != 2:
                raise MpforgeError(f"{args}: a line is not `OFFSET FILE`: {line!r}")
            parts.append((int(fields[0], 0), (image.parent / fields[1]).read_bytes()))
        if (0, data) in parts:
            return parts
    return [(0, data)]


def poll_address(image: Path) -> int | None:
    """The address of the poll hook in the ELF beside `image` (firmware.elf), if there is one."""
    path = image.parent / "firmware.elf"
    if not path.is_file():
        return None
    return service_address(elf.read(path))
