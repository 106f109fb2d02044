"""The RISC-V engine: an RV32IMC core on unicorn in machine mode, with what unicorn leaves to
the caller for a bare-metal image:

- interrupt entry as the CPU does it when MSTATUS.MIE is set (MEPC, MCAUSE with the
  interrupt bit, MPIE/MIE/MPP, then MTVEC, vectored or direct); the chip says which line is
  pending (its interrupt controller), `mret` is unicorn's own;
- `wfi` waits (in real time) for the next timer event or console input (core.py);
- the exit call: `ebreak` with a1 = 0x5846504D ("MPFX") ends the run with status a0; any
  other exception the firmware does not handle itself ends it with STATUS_FAULT.

A chip (`RiscvChip`: esp32c3.py) adds its memory map, its image format and its registers.
"""

from __future__ import annotations

from pathlib import Path

from unicorn import UC_ARCH_RISCV, UC_HOOK_MEM_UNMAPPED, UC_MODE_RISCV32, Uc, UcError
from unicorn import riscv_const as rv

from mpforge.cpu.core import Chip, Console, Engine, raise_exit

EXIT_MAGIC = 0x5846504D
EBREAK, C_EBREAK = 0x00100073, 0x9002
WFI = 0x10500073
MSTATUS_MIE, MSTATUS_MPIE, MSTATUS_MPP = 0x8, 0x80, 3 << 11
MCAUSE_INTERRUPT = 1 << 31


class RiscvChip(Chip):
    def load(self, machine: Riscv, image: Path) -> tuple[int, int | None]:
        """Load `image` into memory; its entry point and the poll hook's address (if known)."""
        raise NotImplementedError

    def pending_line(self, machine: Riscv) -> int:
        """The CPU interrupt line the chip's interrupt controller asserts (0: none)."""
        return 0


class Riscv(Engine):
    def __init__(self, chip: RiscvChip, console: Console) -> None:
        super().__init__(Uc(UC_ARCH_RISCV, UC_MODE_RISCV32), chip, console)
        self.riscv_chip = chip
        for base, size in chip.peripherals:
            self.map_registers(base, size)
        self.uc.hook_add(UC_HOOK_MEM_UNMAPPED, self._unmapped)
        self.entry = 0
        self.bad_access: str | None = None
        chip.attach(self)

    def load(self, image: Path) -> None:
        self.entry, service = self.riscv_chip.load(self, image)
        self.service_at(service)

    def _unmapped(
        self, uc: Uc, access: int, address: int, size: int, value: int, _: object
    ) -> bool:
        self.bad_access = f"access to unmapped address {address:#010x}"
        return False

    def reset(self) -> None:
        self.uc.reg_write(rv.UC_RISCV_REG_PC, self.entry)

    def resume(self) -> None:
        uc = self.uc
        try:
            uc.emu_start(uc.reg_read(rv.UC_RISCV_REG_PC), 0xFFFFFFFF)
        except UcError as e:
            pc = uc.reg_read(rv.UC_RISCV_REG_PC)
            word = int.from_bytes(uc.mem_read(pc, 4), "little") if self.bad_access is None else 0
            ebreak = word == EBREAK or word & 0xFFFF == C_EBREAK
            if ebreak and uc.reg_read(rv.UC_RISCV_REG_A1) == EXIT_MAGIC:
                a0 = uc.reg_read(rv.UC_RISCV_REG_A0)
                raise_exit(a0 - (1 << 32) if a0 & (1 << 31) else a0)
            self.fault(f"{self.bad_access or e} at pc {pc:#010x}")

    def asleep(self) -> bool:
        pc = self.uc.reg_read(rv.UC_RISCV_REG_PC)
        try:
            return int.from_bytes(self.uc.mem_read(pc - 4, 4), "little") == WFI
        except UcError:
            return False

    def deliver(self, now: float) -> bool:
        line = self.riscv_chip.pending_line(self)
        uc = self.uc
        mstatus = uc.reg_read(rv.UC_RISCV_REG_MSTATUS)
        if not line or not mstatus & MSTATUS_MIE:
            return False
        uc.reg_write(rv.UC_RISCV_REG_MEPC, uc.reg_read(rv.UC_RISCV_REG_PC))
        uc.reg_write(rv.UC_RISCV_REG_MCAUSE, MCAUSE_INTERRUPT | line)
        mstatus = (mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE)) | MSTATUS_MPIE | MSTATUS_MPP
        uc.reg_write(rv.UC_RISCV_REG_MSTATUS, mstatus)
        mtvec = uc.reg_read(rv.UC_RISCV_REG_MTVEC)
        base = mtvec & ~3
        uc.reg_write(rv.UC_RISCV_REG_PC, base + 4 * line if mtvec & 1 else base)
        return True
