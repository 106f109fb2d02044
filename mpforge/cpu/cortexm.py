"""A CPU-level Cortex-M machine on the unicorn emulator: the core, and no more of the chip than a
firmware's start-up and console touch.

unicorn runs Thumb code but has no NVIC, SysTick or peripherals. This module supplies the parts of
the ARMv6-M/ARMv7-M system a bare-metal image needs to boot and talk:

- the vector table (reset from VTOR or the image's base), exception entry and return done here
  (frame push/pop, EXC_RETURN), interrupts taken only in thread mode with PRIMASK clear;
- SysTick (CSR/RVR/CVR) paced by real time, so `time.sleep_ms()` takes as long as on silicon;
- NVIC ISER/ICER/ISPR/ICPR, SCB VTOR/AIRCR (SYSRESETREQ ends the run like a reset);
- `wfi` waits (in real time) for the next tick or console input;
- semihosting `bkpt 0xAB` SYS_EXIT/SYS_EXIT_EXTENDED ends the run with the status.

A chip model (`Chip`) adds its peripherals as register handlers. What this does not prove: clock
trees, pin multiplexing, bus timing and everything else only silicon does.
"""

from __future__ import annotations

import os
import select
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from elftools.elf.elffile import ELFFile
from unicorn import (
    UC_ARCH_ARM,
    UC_HOOK_BLOCK,
    UC_HOOK_INTR,
    UC_MODE_MCLASS,
    UC_MODE_THUMB,
    Uc,
    UcError,
)
from unicorn import arm_const as arm

# Exit statuses the runner itself gives (the firmware's own come from semihosting).
STATUS_FAULT = 134  # as QEMU when the guest locks up
STATUS_TIMEOUT = 124  # as timeout(1)

PAGE = 0x1000
SYSTEM_BASE = 0xE000E000
EXC_RETURN_THREAD_MSP = 0xFFFFFFF9
EXCP_BKPT = 7  # unicorn's (QEMU's) interrupt numbers for the hook
EXCP_EXCEPTION_EXIT = 8
SEMIHOST_SYS_EXIT = 0x18
SEMIHOST_SYS_EXIT_EXTENDED = 0x20
SEMIHOST_APPLICATION_EXIT = 0x20026
SYSTICK_EXCEPTION = 15
# The function whose entry gives the machine control (interrupts, input, time).
SERVICE_FUNCTION = "mpf_port_poll"
SERVICE_PERIOD = 0.001
THUMB_WFI = 0xBF30
THUMB_BKPT_SEMIHOST = 0xBEAB

Reader = Callable[[int], int]  # offset -> value
Writer = Callable[[int, int], None]  # offset, value


class MachineExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


@dataclass
class Console:
    """The board's console: bytes the firmware sent, bytes waiting for it."""

    out: Callable[[bytes], None]
    pending: bytearray = field(default_factory=bytearray)

    def write(self, byte: int) -> None:
        self.out(bytes([byte]))

    def has_input(self) -> bool:
        return bool(self.pending)

    def read(self) -> int:
        return self.pending.pop(0) if self.pending else 0


class Registers:
    """A plain register file for the peripheral space: what was written reads back, unless a
    handler says otherwise. `set_on_read`/`clear_on_read` force status bits (clock ready,
    synchronisation done) so start-up loops that wait on them end."""

    def __init__(self) -> None:
        self.values: dict[int, int] = {}
        self.readers: dict[int, Reader] = {}
        self.writers: dict[int, Writer] = {}
        self.forced: dict[int, tuple[int, int]] = {}

    def force(self, address: int, set_bits: int = 0, clear_bits: int = 0) -> None:
        self.forced[address] = (set_bits, clear_bits)

    def read(self, address: int, size: int) -> int:
        value = 0
        # Byte-wise so that 8-, 16- and 32-bit accesses of one register agree.
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
        for i in range(size):
            byte_address = address + i
            byte = (value >> (8 * i)) & 0xFF
            writer = self.writers.get(byte_address)
            if writer is not None:
                writer(byte_address, byte)
            else:
                self.values[byte_address] = byte

    def word(self, address: int) -> int:
        return sum(self.values.get(address + i, 0) << (8 * i) for i in range(4))


class Chip:
    """What a chip adds to the core: its memory map and peripheral registers."""

    cpu_model = arm.UC_CPU_ARM_CORTEX_M0
    has_fpu = False
    memories: tuple[tuple[int, int], ...] = ()  # (base, size) of flash and RAM
    peripherals: tuple[tuple[int, int], ...] = ()  # (base, size) of peripheral windows
    core_hz = 48_000_000

    def attach(self, machine: CortexM) -> None:
        """Install register handlers on machine.regs; called once before reset."""

    def poll(self, machine: CortexM) -> None:
        """Raise the chip's interrupt lines from its state (console input waiting, ...)."""


class CortexM:
    def __init__(self, chip: Chip, console: Console) -> None:
        self.chip = chip
        self.console = console
        self.uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
        self.uc.ctl_set_cpu_model(chip.cpu_model)
        for base, size in chip.memories:
            self.uc.mem_map(base, size)
        self.regs = Registers()
        for base, size in (*chip.peripherals, (SYSTEM_BASE, PAGE)):
            self.uc.mmio_map(base, size, self._mmio_read, base, self._mmio_write, base)
        self.uc.hook_add(UC_HOOK_INTR, self._interrupt)
        self.nvic_enabled = 0
        self.nvic_pending = 0
        self.handler_depth = 0
        self.saved_fp: list[tuple[list[int], int]] = []
        self.vtor = 0
        self.systick_ctrl = 0
        self.systick_reload = 0
        self.systick_next = 0.0
        self.systick_pending = False
        self.entry_base = 0
        self.stdin_fd: int | None = None
        self.next_service = 0.0
        self.exit_key = b""  # at a terminal: the bytes that leave the runner (Ctrl-A X)
        self._system_registers()
        chip.attach(self)

    # ------------------------------------------------------------------ loading
    def load_elf(self, path: Path) -> None:
        with path.open("rb") as f:
            elf = ELFFile(f)
            lowest = None
            for segment in elf.iter_segments():
                if segment["p_type"] != "PT_LOAD" or segment["p_filesz"] == 0:
                    continue
                address = segment["p_paddr"]
                self.uc.mem_write(address, segment.data())
                lowest = address if lowest is None else min(lowest, address)
            symbols = elf.get_section_by_name(".symtab")
            service = symbols.get_symbol_by_name(SERVICE_FUNCTION) if symbols else None
        if lowest is None:
            raise ValueError(f"{path}: no loadable segment")
        self.entry_base = lowest
        # The machine gets control back at the start of a block: in the port's poll hook
        # (the VM calls it from every loop), or anywhere when the image has none (slower).
        if service:
            start = service[0]["st_value"] & ~1
            self.uc.hook_add(UC_HOOK_BLOCK, self._service_point, None, start, start + 1)
        else:
            self.uc.hook_add(UC_HOOK_BLOCK, self._service_point)

    # ------------------------------------------------------------------ system registers
    def _system_registers(self) -> None:
        r = self.regs
        base = SYSTEM_BASE

        def systick_ctrl_write(address: int, byte: int) -> None:
            shift = 8 * (address - (base + 0x10))
            self.systick_ctrl = (self.systick_ctrl & ~(0xFF << shift)) | (byte << shift)
            self.systick_next = time.monotonic() + self._tick_period()

        def systick_ctrl_read(address: int) -> int:
            shift = 8 * (address - (base + 0x10))
            return (self.systick_ctrl >> shift) & 0xFF

        def systick_reload_write(address: int, byte: int) -> None:
            shift = 8 * (address - (base + 0x14))
            self.systick_reload = (self.systick_reload & ~(0xFF << shift)) | (byte << shift)

        for i in range(4):
            r.writers[base + 0x10 + i] = systick_ctrl_write
            r.readers[base + 0x10 + i] = systick_ctrl_read
            r.writers[base + 0x14 + i] = systick_reload_write
            # ISER/ICER/ISPR/ICPR: one word each (32 lines; the chips here have fewer than 96).
            for bank in range(3):
                for reg, fn in (
                    (0x100, self._iser),
                    (0x180, self._icer),
                    (0x200, self._ispr),
                    (0x280, self._icpr),
                ):
                    r.writers[base + reg + 4 * bank + i] = fn
                r.readers[base + 0x100 + 4 * bank + i] = self._nvic_read(self.nvic_enabled_ref)
                r.readers[base + 0x200 + 4 * bank + i] = self._nvic_read(self.nvic_pending_ref)
            r.writers[base + 0xD08 + i] = self._vtor_write
            r.writers[base + 0xD0C + i] = self._aircr_write

    def nvic_enabled_ref(self) -> int:
        return self.nvic_enabled

    def nvic_pending_ref(self) -> int:
        return self.nvic_pending

    def _nvic_read(self, value: Callable[[], int]) -> Reader:
        def read(address: int) -> int:
            offset = (address - SYSTEM_BASE) & 0x7F
            return (value() >> (8 * offset)) & 0xFF

        return read

    @staticmethod
    def _nvic_bits(address: int, byte: int) -> int:
        offset = (address - SYSTEM_BASE) & 0x7F
        return byte << (8 * offset)

    def _iser(self, address: int, byte: int) -> None:
        self.nvic_enabled |= self._nvic_bits(address, byte)

    def _icer(self, address: int, byte: int) -> None:
        self.nvic_enabled &= ~self._nvic_bits(address, byte)

    def _ispr(self, address: int, byte: int) -> None:
        self.nvic_pending |= self._nvic_bits(address, byte)

    def _icpr(self, address: int, byte: int) -> None:
        self.nvic_pending &= ~self._nvic_bits(address, byte)

    def _vtor_write(self, address: int, byte: int) -> None:
        shift = 8 * (address - (SYSTEM_BASE + 0xD08))
        self.vtor = (self.vtor & ~(0xFF << shift)) | (byte << shift)

    def _aircr_write(self, address: int, byte: int) -> None:
        self.regs.values[address] = byte
        aircr = self.regs.word(SYSTEM_BASE + 0xD0C)
        if aircr >> 16 == 0x05FA and aircr & 0x4:  # VECTKEY and SYSRESETREQ
            raise_exit(0)

    def _tick_period(self) -> float:
        return (self.systick_reload + 1) / self.chip.core_hz

    # ------------------------------------------------------------------ MMIO glue
    def _mmio_read(self, uc: Uc, offset: int, size: int, base: int) -> int:
        return self.regs.read(base + offset, size)

    def _mmio_write(self, uc: Uc, offset: int, size: int, value: int, base: int) -> None:
        self.regs.write(base + offset, size, value)

    # ------------------------------------------------------------------ interrupts
    def raise_irq(self, line: int) -> None:
        self.nvic_pending |= 1 << line

    def _interrupt(self, uc: Uc, intno: int, user_data: object) -> None:
        if intno == EXCP_EXCEPTION_EXIT:
            self._exception_return()
        elif intno == EXCP_BKPT:
            self._semihost()
        else:
            pc = uc.reg_read(arm.UC_ARM_REG_PC)
            self.fault(f"CPU exception {intno} at pc {pc:#010x}")

    def _semihost(self) -> None:
        pc = self.uc.reg_read(arm.UC_ARM_REG_PC)
        op = self.uc.reg_read(arm.UC_ARM_REG_R0)
        arg = self.uc.reg_read(arm.UC_ARM_REG_R1)
        if op == SEMIHOST_SYS_EXIT_EXTENDED:
            reason, code = struct.unpack("<II", self.uc.mem_read(arg, 8))
            raise_exit(code if reason == SEMIHOST_APPLICATION_EXIT else 1)
        if op == SEMIHOST_SYS_EXIT:
            raise_exit(0 if arg == SEMIHOST_APPLICATION_EXIT else 1)
        self.fault(f"breakpoint at pc {pc:#010x} (semihosting call {op:#x} is not supported)")

    def fault(self, what: str) -> None:
        sys.stdout.flush()
        print(f"\nerror: CPU-level runner: {what}", file=sys.stderr)
        raise_exit(STATUS_FAULT)

    def _take_exception(self, number: int) -> None:
        uc = self.uc
        sp = uc.reg_read(arm.UC_ARM_REG_SP)
        pc = uc.reg_read(arm.UC_ARM_REG_PC)
        xpsr = uc.reg_read(arm.UC_ARM_REG_XPSR) | (1 << 24)
        if sp & 4:
            sp -= 4
            xpsr |= 1 << 9  # the frame was realigned: undo on return
        sp -= 32
        frame = [
            uc.reg_read(r)
            for r in (
                arm.UC_ARM_REG_R0,
                arm.UC_ARM_REG_R1,
                arm.UC_ARM_REG_R2,
                arm.UC_ARM_REG_R3,
                arm.UC_ARM_REG_R12,
                arm.UC_ARM_REG_LR,
            )
        ]
        uc.mem_write(sp, struct.pack("<8I", *frame, pc & ~1, xpsr))
        if self.chip.has_fpu:  # no lazy stacking here: keep the caller-saved FP state aside
            fp = [uc.reg_read(arm.UC_ARM_REG_S0 + i) for i in range(16)]
            self.saved_fp.append((fp, uc.reg_read(arm.UC_ARM_REG_FPSCR)))
        uc.reg_write(arm.UC_ARM_REG_SP, sp)
        uc.reg_write(arm.UC_ARM_REG_LR, EXC_RETURN_THREAD_MSP)
        uc.reg_write(arm.UC_ARM_REG_IPSR, number)
        handler = struct.unpack("<I", uc.mem_read(self.vtor + 4 * number, 4))[0]
        uc.reg_write(arm.UC_ARM_REG_PC, handler | 1)
        self.handler_depth += 1

    def _exception_return(self) -> None:
        uc = self.uc
        sp = uc.reg_read(arm.UC_ARM_REG_SP)
        r0, r1, r2, r3, r12, lr, pc, xpsr = struct.unpack("<8I", uc.mem_read(sp, 32))
        for reg, value in (
            (arm.UC_ARM_REG_R0, r0),
            (arm.UC_ARM_REG_R1, r1),
            (arm.UC_ARM_REG_R2, r2),
            (arm.UC_ARM_REG_R3, r3),
            (arm.UC_ARM_REG_R12, r12),
            (arm.UC_ARM_REG_LR, lr),
        ):
            uc.reg_write(reg, value)
        sp += 32 + (4 if xpsr & (1 << 9) else 0)
        if self.saved_fp:
            fp, fpscr = self.saved_fp.pop()
            for i, value in enumerate(fp):
                uc.reg_write(arm.UC_ARM_REG_S0 + i, value)
            uc.reg_write(arm.UC_ARM_REG_FPSCR, fpscr)
        uc.reg_write(arm.UC_ARM_REG_SP, sp)
        uc.reg_write(arm.UC_ARM_REG_IPSR, 0)
        uc.reg_write(arm.UC_ARM_REG_PC, pc | 1)
        self.handler_depth -= 1
        if self.systick_pending or self.nvic_pending & self.nvic_enabled:
            uc.emu_stop()  # tail-chain: the run loop takes the next one at once

    def _deliver(self) -> bool:
        """Take the highest-priority pending exception, if any may be taken now."""
        if self.handler_depth or self.uc.reg_read(arm.UC_ARM_REG_PRIMASK) & 1:
            return False
        if self.systick_pending:
            self.systick_pending = False
            self._take_exception(SYSTICK_EXCEPTION)
            return True
        ready = self.nvic_pending & self.nvic_enabled
        if ready:
            line = (ready & -ready).bit_length() - 1
            self.nvic_pending &= ~(1 << line)
            self._take_exception(16 + line)
            return True
        return False

    def _systick_due(self, now: float) -> bool:
        if self.systick_ctrl & 0x3 != 0x3:  # ENABLE and TICKINT
            return False
        if now < self.systick_next:
            return False
        self.systick_next = max(self.systick_next + self._tick_period(), now)
        self.regs.values[SYSTEM_BASE + 0x12] = 0x01  # COUNTFLAG (bit 16)
        return True

    # ------------------------------------------------------------------ running
    def run(self, stdin_fd: int | None, deadline: float | None) -> int:
        """Reset and run until the firmware exits, faults, the user leaves or `deadline`."""
        self.stdin_fd = stdin_fd
        uc = self.uc
        base = self.entry_base
        self.vtor = base
        sp, reset = struct.unpack("<II", uc.mem_read(base, 8))
        uc.reg_write(arm.UC_ARM_REG_SP, sp)
        pc = reset | 1
        try:
            while True:
                try:
                    uc.emu_start(pc, 0xFFFFFFFF)
                except UcError as e:
                    at = uc.reg_read(arm.UC_ARM_REG_PC)
                    self.fault(f"{e} at pc {at:#010x}")
                pc = uc.reg_read(arm.UC_ARM_REG_PC) | 1
                waiting = self._after_wfi(pc)
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    return STATUS_TIMEOUT
                self._read_input(0.0)
                if self._systick_due(now):
                    self.systick_pending = True
                self.chip.poll(self)
                if self._deliver():
                    pc = uc.reg_read(arm.UC_ARM_REG_PC) | 1
                elif waiting:
                    # Asleep: nothing happens until the next tick or a byte of input.
                    wait = 0.05
                    if self.systick_ctrl & 0x3 == 0x3:
                        wait = max(0.0, min(wait, self.systick_next - now))
                    if deadline is not None:
                        wait = max(0.0, min(wait, deadline - now))
                    self._read_input(wait)
        except MachineExit as e:
            return e.status

    def _service_point(self, uc: Uc, address: int, size: int, user_data: object) -> None:
        # Stopping here is exact: nothing of this block has run. (unicorn's own timeout
        # and instruction count stop at points where resuming repeats a store.)
        now = time.monotonic()
        if now >= self.next_service:
            self.next_service = now + SERVICE_PERIOD
            uc.emu_stop()

    def _after_wfi(self, pc: int) -> bool:
        try:
            before = struct.unpack("<H", self.uc.mem_read((pc & ~1) - 2, 2))[0]
        except UcError:
            return False
        return before == THUMB_WFI

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
        if self.exit_key and self.exit_key in data:
            raise_exit(0)
        self.console.pending += data


def raise_exit(status: int) -> None:
    raise MachineExit(status)
