"""A CPU-level runner: unicorn executes the image's Thumb code in this process, and a
subclass models the few peripherals the port's chip needs (the console UART, a timer).

The base class does what every such runner shares: map the memory and the peripheral
windows, load the ELF's segments, start from the vector table (SP from word 0, PC from
word 1 at the image's lowest address), run in slices of `slice_instructions`, and
between slices feed the terminal's input to the chip model (`receive`), let it advance
its clocks (`tick`), and honour the runner contract (base.py): Ctrl-C becomes the byte
0x03 on the console (twice within a second ends the run with 130), `--timeout` ends it
with TIMEOUT_STATUS, and semihosting SYS_EXIT_EXTENDED (BKPT 0xAB, r0 = 0x20, r1 ->
{0x20026, status}) ends it with the guest's status.

A subclass fills in:
  regions: ((base, size), ...) of flash and RAM (page-aligned, 4 KiB);
  peripherals: ((base, size), ...) of MMIO windows routed to mmio_read/mmio_write;
  mmio_read(address, size) -> int and mmio_write(address, size, value): the registers;
  receive(byte): a console byte from the terminal (queue it for the UART's RX);
  tick(uc): called between slices (advance timers, raise nothing the CPU cannot see).
Unicorn has no NVIC, SysTick or exception entry: a chip model that needs interrupts
delivers them itself, or the image polls (unicorn does not enforce the M0 instruction
subset either: the compiler's -mcpu does).
"""

from __future__ import annotations

import os
import select
import struct
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from mpforge.cortex_m import RUNNER_BATCH, runner_mode_address
from mpforge.errors import MpforgeError
from mpforge.images import elf as elfreader
from mpforge.runners.base import Runner, is_batch, timed_out

SYS_EXIT_EXTENDED = 0x20
ADP_STOPPED_APPLICATION_EXIT = 0x20026
EXCP_BKPT = 7  # unicorn's (QEMU's) interrupt number for a BKPT instruction
CHAR_CTRL_C = 0x03
INTERRUPT_STATUS = 130  # two Ctrl-C within DOUBLE_CTRL_C seconds, as a shell's SIGINT
DOUBLE_CTRL_C = 1.0


class GuestExit(Exception):
    """The guest asked to leave with `status`."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class UnicornRunner(Runner):
    name = "unicorn"
    regions: ClassVar[tuple[tuple[int, int], ...]] = ()
    peripherals: ClassVar[tuple[tuple[int, int], ...]] = ()
    slice_instructions: ClassVar[int] = 200_000

    def __init__(self, build_dir: Path, stdin: Any = None, stdout: Any = None) -> None:
        super().__init__(build_dir)
        self.stdin = sys.stdin if stdin is None else stdin
        self.stdout = sys.stdout.buffer if stdout is None else stdout
        self.status: int | None = None

    def image(self) -> Path:
        return self.build_dir / "firmware.elf"

    # ---------------------------------------------------------------- the chip model
    def mmio_read(self, address: int, size: int) -> int:
        return 0

    def mmio_write(self, address: int, size: int, value: int) -> None:
        pass

    def receive(self, byte: int) -> None:
        pass

    def tick(self, uc: Any) -> None:
        pass

    def emit(self, data: bytes) -> None:
        """Console output of the board (the UART's TX) to the terminal."""
        self.stdout.write(data)
        self.stdout.flush()

    # ---------------------------------------------------------------- the machine
    def check(self) -> None:
        try:
            import unicorn  # noqa: F401
        except ImportError:
            raise MpforgeError(
                "the Python package unicorn is not installed; install it with "
                "`.venv/bin/pip install unicorn` (the test extra pins it)"
            ) from None

    def build(self) -> tuple[Any, int, int]:
        """A unicorn machine with the image loaded; its initial SP and PC."""
        from unicorn import UC_ARCH_ARM, UC_HOOK_INTR, UC_MODE_MCLASS, UC_MODE_THUMB, Uc

        uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
        for base, size in self.regions:
            uc.mem_map(base, size)
        for base, size in self.peripherals:
            uc.mmio_map(
                base,
                size,
                lambda _uc, offset, sz, _ud, b=base: self.mmio_read(b + offset, sz),
                None,
                lambda _uc, offset, sz, value, _ud, b=base: self.mmio_write(b + offset, sz, value),
                None,
            )
        segments = elfreader.read(self.image()).segments
        if not segments:
            raise MpforgeError(f"{self.image()}: no loadable segments")
        for seg in segments:
            uc.mem_write(seg.address, seg.data)
        sp, pc = struct.unpack("<II", bytes(uc.mem_read(segments[0].address, 8)))
        uc.hook_add(UC_HOOK_INTR, self._on_interrupt)
        return uc, sp, pc

    def _on_interrupt(self, uc: Any, intno: int, _user: Any) -> None:
        from unicorn.arm_const import UC_ARM_REG_PC, UC_ARM_REG_R0, UC_ARM_REG_R1

        if intno != EXCP_BKPT:
            return
        pc = uc.reg_read(UC_ARM_REG_PC)
        insn = struct.unpack("<H", bytes(uc.mem_read(pc & ~1, 2)))[0]
        if insn == 0xBEAB and uc.reg_read(UC_ARM_REG_R0) == SYS_EXIT_EXTENDED:
            block = uc.reg_read(UC_ARM_REG_R1)
            reason, code = struct.unpack("<II", bytes(uc.mem_read(block, 8)))
            self.status = code & 0xFF if reason == ADP_STOPPED_APPLICATION_EXIT else 1
        else:
            self.status = 1  # a breakpoint nobody services: as QEMU, stop
        uc.emu_stop()

    def _poll_input(self) -> None:
        try:
            fd = self.stdin.fileno()
        except (AttributeError, OSError, ValueError):
            return
        while select.select([fd], [], [], 0)[0]:
            data = os.read(fd, 256)
            if not data:
                return
            for byte in data:
                self.receive(byte)

    def run(
        self, args: Sequence[str] = (), timeout: float | None = None, batch: bool | None = None
    ) -> int:
        from unicorn import UcError
        from unicorn.arm_const import UC_ARM_REG_PC, UC_ARM_REG_SP

        self.require_image()
        self.check()
        uc, sp, pc = self.build()
        uc.reg_write(UC_ARM_REG_SP, sp)
        address = runner_mode_address(self.image()) if is_batch(batch) else None
        if address is not None:  # the runner's word (cortex_m.h): leave after main.py
            uc.mem_write(address, struct.pack("<I", RUNNER_BATCH))
        deadline = None if timeout is None else time.monotonic() + timeout
        last_ctrl_c = 0.0
        while self.status is None:
            try:
                uc.emu_start(pc | 1, 0xFFFFFFFF, count=self.slice_instructions)
                pc = uc.reg_read(UC_ARM_REG_PC)
                self._poll_input()
                self.tick(uc)
                if deadline is not None and time.monotonic() > deadline:
                    return timed_out(timeout or 0)
            except KeyboardInterrupt:
                now = time.monotonic()
                if now - last_ctrl_c < DOUBLE_CTRL_C:
                    print("\nnote: stopped by Ctrl-C", file=sys.stderr)
                    return INTERRUPT_STATUS
                last_ctrl_c = now
                self.receive(CHAR_CTRL_C)
            except UcError as e:
                print(f"\nerror: the CPU stopped at pc=0x{pc:08x}: {e}", file=sys.stderr)
                return 1
        return self.status
