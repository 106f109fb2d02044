"""CPU-level machines on the unicorn emulator, for chips no emulator in reach models.

A CPU-level machine runs the real instructions of the image on the real CPU core, with just
enough of the chip's registers modelled for start-up, the console, time and the machine
module: it proves the code runs and drives the registers it should, not that clock trees or
pin multiplexing are right on silicon.

- core.py: what every machine shares (console, register file, real-time timers, run loop);
- cortexm.py, riscv.py: the engines, one per architecture;
- samd.py, nrf52.py, esp32c3.py: the chips, one per family.

`python -m mpforge.cpu MACHINE IMAGE` boots an image with the console on stdio (the runner
class in mpforge/runners/cpu.py starts it for `mpforge run`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mpforge.cpu.core import Console, Engine


@dataclass(frozen=True)
class Machine:
    image: str  # the build's file the machine boots
    make: Callable[[Path, Console, int], Engine]  # image, console, console UART -> loaded
    # the ELF symbol of the runner's word (ports/cortex_m/cortex_m.h, ports/esp32c3/c3hal.h)
    runner_word: str = "cm_runner_mode"


def _samd(family: str) -> Callable[[Path, Console, int], Engine]:
    def make(image: Path, console: Console, uart: int) -> Engine:
        from mpforge.cpu.cortexm import CortexM
        from mpforge.cpu.samd import FAMILIES, Samd

        machine = CortexM(Samd(FAMILIES[family], uart), console)
        machine.load_elf(image)
        return machine

    return make


def _nrf52840(image: Path, console: Console, uart: int) -> Engine:
    from mpforge.cpu.cortexm import CortexM
    from mpforge.cpu.nrf52 import Nrf52840

    machine = CortexM(Nrf52840(uart), console)
    machine.load_elf(image)
    return machine


def _esp32c3(image: Path, console: Console, uart: int) -> Engine:
    from mpforge.cpu.esp32c3 import Esp32c3
    from mpforge.cpu.riscv import Riscv

    machine = Riscv(Esp32c3(uart), console)
    machine.load(image)
    return machine


# CONFIG_CPU_MACHINE -> the machine.
MACHINES: dict[str, Machine] = {
    "samd21": Machine("firmware.elf", _samd("samd21")),
    "samd51": Machine("firmware.elf", _samd("samd51")),
    "nrf52840": Machine("firmware.elf", _nrf52840),
    "esp32c3": Machine("firmware.esp.bin", _esp32c3, "c3_runner_mode"),
}
