"""CPU-level runner of ESP32-C3 images on unicorn (RISC-V 32): a check, not a chip emulator.

What it does: loads the ESP image's segments into SRAM as the ROM bootloader would
(checksum and SHA-256 checked first), starts the CPU at the image's entry point and
models the registers the port's start-up, console and machine module touch:

- UART0 (console) and UART1: FIFO, STATUS counts, interrupt enable/raw/status; UART0 is
  the terminal (or the pipes of a test), UART1's TX is wired back to its RX (a loopback).
- SYSTIMER unit 0 (16 MHz, from the host's monotonic clock) and its target-0 alarm.
- The interrupt matrix (source -> CPU line, enable, priority, threshold): a pending line
  enters the firmware's vector table as the CPU would (mepc, mcause, mstatus, mtvec).
- The watchdogs as the ROM leaves them (RTC WDT and TIMG0 WDT armed, super watchdog on),
  each behind its write-protect key: if any is still armed 2 s after boot, the runner
  stops as the chip would reset ("watchdog reset").
- GPIO output/enable latches and the IO MUX pulls, read back through GPIO_IN.
- SYSTEM clock registers (the PLL as the ROM leaves it), eFuse MAC (02:00:00:c3:00:01).

What it does not prove: timing, caches, flash, the ROM's own code and the boot through
it, the analog parts, any peripheral not listed, the pads; anything outside the CPU's
instruction set and these register models.

Exit: the firmware built with CONFIG_ESP32C3_RUNNER_EXIT ends with `ebreak` with a0 =
status and a1 = 0x5846504D ("MPFX"); the runner then exits with that status. A fault
the firmware does not report itself ends the runner with status 3.
At a terminal the console is raw: Ctrl-C reaches the board; Ctrl-A then X leaves.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.errors import MpforgeError

ESP_IMAGE_MAGIC = 0xE9
EXIT_MAGIC = 0x5846504D
FAULT_STATUS = 3
IRAM_BASE, DRAM_BASE, SRAM_SIZE = 0x40380000, 0x3FC80000, 0x60000
PERIPH_BASE, PERIPH_SIZE = 0x60000000, 0xD1000
SYSTIMER_HZ = 16_000_000
WATCHDOG_GRACE_S = 2.0
CHUNK_US = 2000  # emulate this long between looks at interrupts and input
MAC = bytes.fromhex("020000c30001")
POLL_SYMBOL = "mpf_port_poll"  # called by the VM every few thousand instructions
RUNNER_MODE_SYMBOL = "c3_runner_mode"  # c3hal.h: the runner's word (see mpforge.cortex_m)

UART0, UART1, GPIO, RTC_CNTL, EFUSE, IO_MUX = (
    0x60000000, 0x60010000, 0x60004000, 0x60008000, 0x60008800, 0x60009000,
)  # fmt: skip
TIMG0, TIMG1, SYSTIMER, SYSTEM, INTMTX = 0x6001F000, 0x60020000, 0x60023000, 0x600C0000, 0x600C2000
WDT_KEY, SWD_KEY = 0x50D83AA1, 0x8F1D312A
SOURCE_UART0, SOURCE_UART1, SOURCE_SYSTIMER0 = 21, 22, 37
EBREAK = (0x00100073, 0x9002)  # ebreak, c.ebreak
# Each watchdog's write-protect register -> (its configuration register, its key).
WRITE_PROTECT = {
    RTC_CNTL + 0xA8: (RTC_CNTL + 0x90, WDT_KEY),
    TIMG0 + 0x64: (TIMG0 + 0x48, WDT_KEY),
    TIMG1 + 0x64: (TIMG1 + 0x48, WDT_KEY),
    RTC_CNTL + 0xB0: (RTC_CNTL + 0xAC, SWD_KEY),
}


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
    """A UART's FIFOs and interrupt bits; `sink` takes what the firmware sends."""

    def __init__(self, sink) -> None:
        self.rx: deque[int] = deque()
        self.lock = threading.Lock()
        self.sink = sink
        self.int_ena = 0
        self.regs: dict[int, int] = {}

    def feed(self, data: bytes) -> None:
        with self.lock:
            self.rx.extend(data)

    def raw(self) -> int:
        return 0x101 if self.rx else 0  # RXFIFO_FULL and RXFIFO_TOUT while bytes wait

    def pending(self) -> bool:
        return bool(self.raw() & self.int_ena)

    def read(self, offset: int) -> int:
        if offset == 0x00:
            with self.lock:
                return self.rx.popleft() if self.rx else 0
        if offset == 0x04:
            return self.raw()
        if offset == 0x08:
            return self.raw() & self.int_ena
        if offset == 0x0C:
            return self.int_ena
        if offset == 0x1C:
            return min(len(self.rx), 127)  # TX FIFO always drained at once
        if offset == 0x80:
            return self.regs.get(offset, 0) & ~(1 << 31)  # REG_UPDATE done at once
        return self.regs.get(offset, 0)

    def write(self, offset: int, value: int) -> None:
        if offset == 0x00:
            self.sink(value & 0xFF)
        elif offset == 0x0C:
            self.int_ena = value
        else:
            self.regs[offset] = value


class Watchdog:
    """One write-protected watchdog: armed at reset; `disarm` decides from a write."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.armed = True
        self.unlocked = False


class C3Machine:
    """The CPU, SRAM and the register models; `run` until exit."""

    def __init__(self, image: bytes, out, poll_address: int | None = None) -> None:
        from unicorn import UC_ARCH_RISCV, UC_HOOK_CODE, UC_HOOK_MEM_UNMAPPED, UC_MODE_RISCV32, Uc
        from unicorn.riscv_const import UC_RISCV_REG_PC

        self.entry, segments = parse_image(image)
        self.out = out
        self.outbuf = bytearray()
        self.uc = Uc(UC_ARCH_RISCV, UC_MODE_RISCV32)
        # One buffer mapped twice: IRAM and DRAM are two views of SRAM1.
        self.sram = (ctypes.c_ubyte * SRAM_SIZE)()
        self.uc.mem_map_ptr(IRAM_BASE, SRAM_SIZE, 7, ctypes.addressof(self.sram))
        self.uc.mem_map_ptr(DRAM_BASE, SRAM_SIZE, 7, ctypes.addressof(self.sram))
        for seg in segments:
            if not any(b <= seg.address and seg.address + len(seg.data) <= b + SRAM_SIZE
                       for b in (IRAM_BASE, DRAM_BASE)):  # fmt: skip
                raise MpforgeError(f"segment at 0x{seg.address:08x} is outside SRAM1")
            self.uc.mem_write(seg.address, seg.data)
        self.uc.mmio_map(PERIPH_BASE, PERIPH_SIZE, self._mmio_read, None, self._mmio_write, None)
        self.uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._unmapped)
        self.poll_address = poll_address
        if poll_address is not None:
            self.uc.hook_add(UC_HOOK_CODE, self._at_poll, None, poll_address, poll_address)
        self.uc.reg_write(UC_RISCV_REG_PC, self.entry)
        self.uart0 = Uart(self.outbuf.append)
        self.uart1 = Uart(lambda b: self.uart1.rx.append(b))
        self.regs: dict[int, int] = {SYSTEM + 0x58: 1 << 10}  # SoC clock on the PLL
        self.t0 = time.monotonic()
        self.snapshot = 0
        self.alarm_period = 0
        self.alarm_next = 0.0
        self.alarm_raw = False
        self.watchdogs = {
            RTC_CNTL + 0x90: Watchdog("RTC watchdog"),
            TIMG0 + 0x48: Watchdog("timer group 0 watchdog"),
            TIMG1 + 0x48: Watchdog("timer group 1 watchdog"),
            RTC_CNTL + 0xAC: Watchdog("super watchdog"),
        }
        self.watchdogs[TIMG1 + 0x48].armed = False  # the ROM arms MWDT0 only
        self.fault: str | None = None
        self.chunk_start = 0.0
        self.replay: tuple[str, int, int] | None = None  # "r"/"w", offset, value

    # ------------------------------------------------------------ registers
    def _counter(self) -> int:
        return int((time.monotonic() - self.t0) * SYSTIMER_HZ)

    def _uart(self, address: int) -> tuple[Uart | None, int]:
        if UART0 <= address < UART0 + 0x100:
            return self.uart0, address - UART0
        if UART1 <= address < UART1 + 0x100:
            return self.uart1, address - UART1
        return None, 0

    # Chunks of emulation end where no register access is under way: at the firmware's
    # poll hook (mpf_port_poll, found in the ELF), at WFI, or from inside a register
    # access. unicorn then restarts the instruction of that access, so it reaches the
    # model twice: the first access after such a stop is that replay (a write is dropped,
    # a read gets the value it got before: a FIFO is not popped twice). Without the poll
    # address a timeout ends the chunks, which may replay an access unnoticed.
    def _chunk_over(self) -> bool:
        return time.monotonic() - self.chunk_start > CHUNK_US / 1e6

    def _at_poll(self, uc, address: int, size: int, user) -> None:
        if self._chunk_over():
            uc.emu_stop()

    def _stop_after(self, kind: str, offset: int, value: int) -> None:
        if self.poll_address is not None and self._chunk_over():
            self.replay = (kind, offset, value)
            self.uc.emu_stop()

    def _mmio_read(self, uc, offset: int, size: int, user) -> int:
        replay, self.replay = self.replay, None
        if replay is not None and replay[:2] == ("r", offset):
            return replay[2]
        value = self._read_register(offset)
        self._stop_after("r", offset, value)
        return value

    def _read_register(self, offset: int) -> int:
        address = PERIPH_BASE + offset
        uart, reg = self._uart(address)
        if uart is not None:
            return uart.read(reg)
        if address == SYSTIMER + 0x04:
            return 1 << 29  # VALUE_VALID
        if address == SYSTIMER + 0x40:
            return (self.snapshot >> 32) & 0xFFFFF
        if address == SYSTIMER + 0x44:
            return self.snapshot & 0xFFFFFFFF
        if address == GPIO + 0x3C:
            return self._gpio_in()
        if address == EFUSE + 0x44:
            return int.from_bytes(MAC[2:], "big")
        if address == EFUSE + 0x48:
            return int.from_bytes(MAC[:2], "big")
        if address in self.watchdogs and address != RTC_CNTL + 0xAC:
            return self.regs.get(address, 0) | ((1 << 31) if self.watchdogs[address].armed else 0)
        return self.regs.get(address, 0)

    def _mmio_write(self, uc, offset: int, size: int, value: int, user) -> None:
        replay, self.replay = self.replay, None
        if replay == ("w", offset, value):
            return
        self._stop_after("w", offset, value)
        address = PERIPH_BASE + offset
        uart, reg = self._uart(address)
        if uart is not None:
            uart.write(reg, value)
            return
        if address == SYSTIMER + 0x04 and value & (1 << 30):
            self.snapshot = self._counter()
        elif address == SYSTIMER + 0x50:
            self.alarm_period = self.regs.get(SYSTIMER + 0x34, 0) & 0x3FFFFFF
            self.alarm_next = time.monotonic() + self.alarm_period / SYSTIMER_HZ
        elif address == SYSTIMER + 0x6C and value & 1:
            self.alarm_raw = False
        elif address in (GPIO + 0x08, GPIO + 0x0C, GPIO + 0x24, GPIO + 0x28):
            latch = GPIO + (0x04 if address < GPIO + 0x20 else 0x20)
            old = self.regs.get(latch, 0)
            set_bits = address in (GPIO + 0x08, GPIO + 0x24)
            self.regs[latch] = old | value if set_bits else old & ~value
        elif self._watchdog_write(address, value):
            pass
        else:
            self.regs[address] = value

    def _watchdog_write(self, address: int, value: int) -> bool:
        if address in WRITE_PROTECT:
            config, key = WRITE_PROTECT[address]
            self.watchdogs[config].unlocked = value == key
            return True
        dog = self.watchdogs.get(address)
        if dog is None:
            return False
        if dog.unlocked:  # a locked register ignores writes, as on the chip
            if address == RTC_CNTL + 0xAC:
                dog.armed = not value & (1 << 30)  # SWD_DISABLE
            else:
                dog.armed = bool(value & (1 << 31))  # WDT_EN
            self.regs[address] = value & ~(1 << 31)
        return True

    def _gpio_in(self) -> int:
        out, enable = self.regs.get(GPIO + 0x04, 0), self.regs.get(GPIO + 0x20, 0)
        level = 0
        for pin in range(22):
            mux = self.regs.get(IO_MUX + 0x04 + 4 * pin, 0)
            pulled = 1 if mux & (1 << 8) else 0  # FUN_WPU; FUN_WPD or none read 0
            open_drain = self.regs.get(GPIO + 0x74 + 4 * pin, 0) & 4
            if enable >> pin & 1:
                bit = out >> pin & 1
                if open_drain and bit:
                    bit = pulled  # released: the pull decides
            else:
                bit = pulled
            level |= bit << pin
        return level

    def _unmapped(self, uc, access, address, size, value, user) -> bool:
        self.fault = f"access to unmapped address 0x{address:08x}"
        return False

    # ------------------------------------------------------------ interrupts
    def _source_active(self, source: int) -> bool:
        if source == SOURCE_UART0:
            return self.uart0.pending()
        if source == SOURCE_UART1:
            return self.uart1.pending()
        if source == SOURCE_SYSTIMER0:
            return self.alarm_raw and bool(self.regs.get(SYSTIMER + 0x64, 0) & 1)
        return False

    def _pending_line(self) -> int:
        enabled = self.regs.get(INTMTX + 0x104, 0)
        threshold = self.regs.get(INTMTX + 0x194, 0)
        for source in (SOURCE_UART0, SOURCE_UART1, SOURCE_SYSTIMER0):
            line = self.regs.get(INTMTX + 4 * source, 0) & 31
            priority = self.regs.get(INTMTX + 0x114 + 4 * line, 0)
            routed = line and enabled >> line & 1 and priority and priority >= threshold
            if routed and self._source_active(source):
                return line
        return 0

    def _tick_alarm(self) -> None:
        if self.alarm_period and time.monotonic() >= self.alarm_next:
            self.alarm_raw = True
            self.alarm_next = time.monotonic() + self.alarm_period / SYSTIMER_HZ

    def _enter_interrupt(self, line: int) -> bool:
        from unicorn import riscv_const as rv

        uc = self.uc
        mstatus = uc.reg_read(rv.UC_RISCV_REG_MSTATUS)
        if not mstatus & 0x8:  # MIE
            return False
        uc.reg_write(rv.UC_RISCV_REG_MEPC, uc.reg_read(rv.UC_RISCV_REG_PC))
        uc.reg_write(rv.UC_RISCV_REG_MCAUSE, 0x80000000 | line)
        # MPIE = MIE, MIE = 0, MPP = machine
        uc.reg_write(rv.UC_RISCV_REG_MSTATUS, (mstatus & ~0x88) | 0x80 | (3 << 11))
        mtvec = uc.reg_read(rv.UC_RISCV_REG_MTVEC)
        base = mtvec & ~3
        uc.reg_write(rv.UC_RISCV_REG_PC, base + 4 * line if mtvec & 1 else base)
        return True

    # ------------------------------------------------------------ running
    def flush(self) -> None:
        if self.outbuf:
            self.out(bytes(self.outbuf))
            self.outbuf.clear()

    def _watchdog_check(self) -> str | None:
        if time.monotonic() - self.t0 < WATCHDOG_GRACE_S:
            return None
        armed = [d.name for d in self.watchdogs.values() if d.armed]
        return f"watchdog reset: {', '.join(armed)} still armed" if armed else None

    def run(self, stop: threading.Event) -> int:
        from unicorn import UcError
        from unicorn.riscv_const import UC_RISCV_REG_A0, UC_RISCV_REG_A1, UC_RISCV_REG_PC

        uc = self.uc
        watchdog_checked = False
        while not stop.is_set():
            pc = uc.reg_read(UC_RISCV_REG_PC)
            try:
                self.chunk_start = time.monotonic()
                chunk = 0 if self.poll_address is not None else CHUNK_US
                uc.emu_start(pc, 0xFFFFFFFF, timeout=chunk)
            except UcError as e:
                pc = uc.reg_read(UC_RISCV_REG_PC)
                word = int.from_bytes(uc.mem_read(pc, 4), "little")
                self.flush()
                is_ebreak = word == EBREAK[0] or word & 0xFFFF == EBREAK[1]
                if is_ebreak and uc.reg_read(UC_RISCV_REG_A1) == EXIT_MAGIC:
                    a0 = uc.reg_read(UC_RISCV_REG_A0)
                    return a0 - (1 << 32) if a0 & (1 << 31) else a0
                self._report(f"{self.fault or e} at pc 0x{pc:08x}")
                return FAULT_STATUS
            self.flush()
            if not watchdog_checked:
                reason = self._watchdog_check()
                if reason is not None:
                    self._report(reason)
                    return FAULT_STATUS
                watchdog_checked = time.monotonic() - self.t0 >= WATCHDOG_GRACE_S
            self._tick_alarm()
            # Not while an interrupted register access waits to be replayed: the handler's
            # own accesses would come first.
            line = self._pending_line() if self.replay is None else 0
            if line:
                self._enter_interrupt(line)
            elif self._stopped_at_wfi():
                time.sleep(0.0002)  # the CPU sleeps until the next interrupt
        return 0

    def _stopped_at_wfi(self) -> bool:
        from unicorn.riscv_const import UC_RISCV_REG_PC

        pc = self.uc.reg_read(UC_RISCV_REG_PC)
        return int.from_bytes(self.uc.mem_read(pc - 4, 4), "little") == 0x10500073

    def _report(self, message: str) -> None:
        print(f"\nesp32c3 runner: {message}", file=sys.stderr)


def _pump_input(uart: Uart, stop: threading.Event, interactive: bool) -> None:
    """Copy stdin to UART0's receive FIFO; at a terminal, Ctrl-A then X stops the runner."""
    ctrl_a = False
    while not stop.is_set():
        try:
            data = os.read(0, 256)
        except OSError:
            return
        if not data:
            return  # end of input: the board just sees no more bytes
        if interactive:
            kept = bytearray()
            for b in data:
                if ctrl_a and b in (ord("x"), ord("X")):
                    stop.set()
                    return
                if b == 0x01 and not ctrl_a:
                    ctrl_a = True
                    continue
                ctrl_a = False
                kept.append(b)
            data = bytes(kept)
        uart.feed(data)


def poll_address(image: Path) -> int | None:
    """The address of mpf_port_poll in the ELF beside `image` (firmware.elf), if there is one."""
    from mpforge.images import elf

    path = image.parent / "firmware.elf"
    if not path.is_file():
        return None
    return next((s.address for s in elf.read(path).symbols if s.name == POLL_SYMBOL), None)


def main(argv: Sequence[str]) -> int:
    batch = "--batch" in argv  # a non-interactive run: the image leaves after main.py
    argv = [a for a in argv if a != "--batch"]
    if len(argv) != 1:
        print(
            "usage: python -m mpforge.runners.esp32c3_cpu firmware.esp.bin [--batch]",
            file=sys.stderr,
        )
        return 2
    try:
        image = Path(argv[0])
        machine = C3Machine(
            image.read_bytes(),
            lambda b: (sys.stdout.buffer.write(b), sys.stdout.flush()),
            poll_address(image),
        )
        elf = image.parent / "firmware.elf"
        address = runner_mode_address(elf, RUNNER_MODE_SYMBOL) if batch else None
        if address is not None:
            machine.uc.mem_write(address, struct.pack("<I", RUNNER_BATCH))
    except (OSError, MpforgeError) as e:
        print(f"error: {argv[0]}: {getattr(e, 'message', e)}", file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    stop = threading.Event()
    saved = None
    if interactive:
        import termios
        import tty

        saved = termios.tcgetattr(0)
        tty.setraw(0)
    threading.Thread(
        target=_pump_input, args=(machine.uart0, stop, interactive), daemon=True
    ).start()
    try:
        return machine.run(stop)
    finally:
        if saved is not None:
            import termios

            termios.tcsetattr(0, termios.TCSADRAIN, saved)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
