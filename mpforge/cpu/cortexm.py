"""The Cortex-M engine: an ARMv6-M/ARMv7-M core on unicorn, with the parts of the system a
bare-metal image needs to boot and talk that unicorn lacks (it runs Thumb code, but has no
NVIC, SysTick or exception model):

- the vector table (reset from the image's base, VTOR), exception entry and return done here
  (frame push/pop, EXC_RETURN), interrupts taken only in thread mode with PRIMASK clear;
- SysTick (CSR/RVR) paced by real time, so `time.sleep_ms()` takes as long as on silicon;
- NVIC ISER/ICER/ISPR/ICPR, SCB VTOR/AIRCR (SYSRESETREQ ends the run like a reset);
- `wfi` waits (in real time) for the next timer event or console input (core.py);
- semihosting `bkpt 0xAB` SYS_EXIT/SYS_EXIT_EXTENDED ends the run with the status.

A chip (`CortexMChip`: samd.py, nrf52.py) adds its memory map and peripherals. What this
does not prove: clock trees, pin multiplexing, bus timing and everything else only silicon
does.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

from unicorn import UC_ARCH_ARM, UC_HOOK_INTR, UC_MODE_MCLASS, UC_MODE_THUMB, Uc, UcError
from unicorn import arm_const as arm

from mpforge.cpu.core import (
    Chip,
    Console,
    Engine,
    Periodic,
    Reader,
    raise_exit,
    service_address,
)
from mpforge.images import elf

PAGE = 0x1000
SYSTEM_BASE = 0xE000E000
EXC_RETURN_THREAD_MSP = 0xFFFFFFF9
EXCP_BKPT = 7  # unicorn's (QEMU's) interrupt numbers for the hook
EXCP_EXCEPTION_EXIT = 8
SEMIHOST_SYS_EXIT = 0x18
SEMIHOST_SYS_EXIT_EXTENDED = 0x20
SEMIHOST_APPLICATION_EXIT = 0x20026
SYSTICK_EXCEPTION = 15
THUMB_WFI = 0xBF30
# What exception return takes back from the stacked xPSR: N Z C V Q, IT/ICI and T (bits
# 31-24), GE (19-16), IT/ICI (15-10); not the frame-alignment bit 9 nor the exception
# number (back in thread mode: IPSR 0).
XPSR_RESTORED = 0xFF0FFC00
# What exception entry reads (the frame's registers, then SP, PC and xPSR) and return writes.
FRAME_WRITE = (
    arm.UC_ARM_REG_R0,
    arm.UC_ARM_REG_R1,
    arm.UC_ARM_REG_R2,
    arm.UC_ARM_REG_R3,
    arm.UC_ARM_REG_R12,
    arm.UC_ARM_REG_LR,
    arm.UC_ARM_REG_SP,
    arm.UC_ARM_REG_XPSR,
)
FRAME_READ = (*FRAME_WRITE[:7], arm.UC_ARM_REG_PC, arm.UC_ARM_REG_XPSR)
FP_STATE = (*(arm.UC_ARM_REG_S0 + i for i in range(16)), arm.UC_ARM_REG_FPSCR)


class CortexMChip(Chip):
    """A Cortex-M chip: its core and clock besides its memory map and registers."""

    cpu_model = arm.UC_CPU_ARM_CORTEX_M0
    has_fpu = False
    core_hz = 48_000_000


class CortexM(Engine):
    def __init__(self, chip: CortexMChip, console: Console) -> None:
        uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
        uc.ctl_set_cpu_model(chip.cpu_model)
        super().__init__(uc, chip, console)
        self.core_hz = chip.core_hz
        self.has_fpu = chip.has_fpu
        for base, size in (*chip.peripherals, (SYSTEM_BASE, PAGE)):
            self.map_registers(base, size)
        uc.hook_add(UC_HOOK_INTR, self._interrupt)
        self.nvic_enabled = 0
        self.nvic_pending = 0
        self.handler_depth = 0
        self.saved_fp: list[tuple[list[int], int]] = []
        self.vtor = 0
        self.systick_ctrl = 0
        self.systick_reload = 0
        self.systick = Periodic()
        self.systick_pending = False
        self.entry_base = 0
        self._system_registers()
        chip.attach(self)

    # ------------------------------------------------------------------ loading
    def load_elf(self, path: Path) -> None:
        image = elf.read(path)
        if not image.segments:
            raise ValueError(f"{path}: no loadable segment")
        for segment in image.segments:
            self.uc.mem_write(segment.address, segment.data)
        self.entry_base = image.segments[0].address
        self.service_at(service_address(image))

    # ------------------------------------------------------------------ system registers
    def _system_registers(self) -> None:
        r = self.regs
        base = SYSTEM_BASE

        def systick_ctrl_write(address: int, value: int) -> None:
            self.systick_ctrl = value & 0x7
            self._systick_restart()

        def systick_reload_write(address: int, value: int) -> None:
            self.systick_reload = value & 0xFFFFFF
            self._systick_restart()

        r.word_writers[base + 0x10] = systick_ctrl_write
        r.word_readers[base + 0x10] = self._systick_ctrl_read
        r.word_writers[base + 0x14] = systick_reload_write
        r.word_readers[base + 0x14] = lambda address: self.systick_reload
        # ISER/ICER/ISPR/ICPR: three words each (96 lines).
        for bank in range(3):
            for reg, fn in (
                (0x100, self._iser),
                (0x180, self._icer),
                (0x200, self._ispr),
                (0x280, self._icpr),
            ):
                r.word_writers[base + reg + 4 * bank] = fn
            r.word_readers[base + 0x100 + 4 * bank] = self._nvic_read(lambda: self.nvic_enabled)
            r.word_readers[base + 0x180 + 4 * bank] = self._nvic_read(lambda: self.nvic_enabled)
            r.word_readers[base + 0x200 + 4 * bank] = self._nvic_read(lambda: self.nvic_pending)
            r.word_readers[base + 0x280 + 4 * bank] = self._nvic_read(lambda: self.nvic_pending)
        r.word_writers[base + 0xD08] = self._vtor_write
        r.word_readers[base + 0xD08] = lambda address: self.vtor
        r.word_writers[base + 0xD0C] = self._aircr_write

    def _systick_ctrl_read(self, address: int) -> int:
        value = self.systick_ctrl
        self.systick_ctrl &= ~(1 << 16)  # COUNTFLAG clears on read
        return value

    def _systick_restart(self) -> None:
        if self.systick_ctrl & 0x3 == 0x3:  # ENABLE and TICKINT
            self.systick.start((self.systick_reload + 1) / self.core_hz)
        else:
            self.systick.stop()

    @staticmethod
    def _nvic_read(value: Callable[[], int]) -> Reader:
        def read(address: int) -> int:
            return (value() >> (8 * ((address - SYSTEM_BASE) & 0x7F))) & 0xFFFFFFFF

        return read

    @staticmethod
    def _nvic_bits(address: int, value: int) -> int:
        return value << (8 * ((address - SYSTEM_BASE) & 0x7F))

    def _iser(self, address: int, value: int) -> None:
        self.nvic_enabled |= self._nvic_bits(address, value)

    def _icer(self, address: int, value: int) -> None:
        self.nvic_enabled &= ~self._nvic_bits(address, value)

    def _ispr(self, address: int, value: int) -> None:
        self.nvic_pending |= self._nvic_bits(address, value)

    def _icpr(self, address: int, value: int) -> None:
        self.nvic_pending &= ~self._nvic_bits(address, value)

    def _vtor_write(self, address: int, value: int) -> None:
        self.vtor = value & ~0x7F

    def _aircr_write(self, address: int, value: int) -> None:
        if value >> 16 == 0x05FA and value & 0x4:  # VECTKEY and SYSRESETREQ
            raise_exit(0)

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

    def _take_exception(self, number: int) -> None:
        uc = self.uc
        r0, r1, r2, r3, r12, lr, sp, pc, xpsr = uc.reg_read_batch(FRAME_READ)
        xpsr |= 1 << 24
        if sp & 4:
            sp -= 4
            xpsr |= 1 << 9  # the frame was realigned: undo on return
        sp -= 32
        uc.mem_write(sp, struct.pack("<8I", r0, r1, r2, r3, r12, lr, pc & ~1, xpsr))
        if self.has_fpu:  # no lazy stacking here: keep the caller-saved FP state aside
            *fp, fpscr = uc.reg_read_batch(FP_STATE)
            self.saved_fp.append((fp, fpscr))
        handler = struct.unpack("<I", uc.mem_read(self.vtor + 4 * number, 4))[0]
        # The handler starts with the exception's number in IPSR and no IT block.
        uc.reg_write_batch(
            (
                (arm.UC_ARM_REG_SP, sp),
                (arm.UC_ARM_REG_LR, EXC_RETURN_THREAD_MSP),
                (arm.UC_ARM_REG_XPSR, (1 << 24) | number),
            )
        )
        uc.reg_write(arm.UC_ARM_REG_PC, handler | 1)
        self.handler_depth += 1

    def _exception_return(self) -> None:
        uc = self.uc
        sp = uc.reg_read(arm.UC_ARM_REG_SP)
        r0, r1, r2, r3, r12, lr, pc, xpsr = struct.unpack("<8I", uc.mem_read(sp, 32))
        sp += 32 + (4 if xpsr & (1 << 9) else 0)
        if self.saved_fp:
            fp, fpscr = self.saved_fp.pop()
            uc.reg_write_batch(tuple(zip(FP_STATE, (*fp, fpscr), strict=True)))
        # The interrupted code's flags (APSR) and IT state come back with its xPSR: an
        # interrupt may come between an instruction setting the flags and one using them.
        values = (r0, r1, r2, r3, r12, lr, sp, xpsr & XPSR_RESTORED)
        uc.reg_write_batch(tuple(zip(FRAME_WRITE, values, strict=True)))
        uc.reg_write(arm.UC_ARM_REG_PC, pc | 1)
        self.handler_depth -= 1
        if self.systick_pending or self.nvic_pending & self.nvic_enabled:
            uc.emu_stop()  # tail-chain: the run loop takes the next one at once

    # ------------------------------------------------------------------ the engine's part
    def reset(self) -> None:
        base = self.entry_base
        self.vtor = base
        sp, reset = struct.unpack("<II", self.uc.mem_read(base, 8))
        self.uc.reg_write(arm.UC_ARM_REG_SP, sp)
        self.uc.reg_write(arm.UC_ARM_REG_PC, reset | 1)

    def resume(self) -> None:
        pc = self.uc.reg_read(arm.UC_ARM_REG_PC) | 1
        try:
            self.uc.emu_start(pc, 0xFFFFFFFF)
        except UcError as e:
            at = self.uc.reg_read(arm.UC_ARM_REG_PC)
            self.fault(f"{e} at pc {at:#010x}")

    def asleep(self) -> bool:
        pc = self.uc.reg_read(arm.UC_ARM_REG_PC)
        try:
            before = struct.unpack("<H", self.uc.mem_read((pc & ~1) - 2, 2))[0]
        except UcError:
            return False
        return before == THUMB_WFI

    def next_event(self) -> float | None:
        return self.systick.next

    def deliver(self, now: float) -> bool:
        """Take the highest-priority pending exception, if any may be taken now."""
        if self.systick.due(now):
            self.systick_ctrl |= 1 << 16  # COUNTFLAG
            self.systick_pending = True
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
