"""CPU-level machines on the unicorn emulator, for chips no emulator in reach models.

`python -m mpforge.cpu MACHINE firmware.elf` boots an image with the console on stdio (the
runner class in mpforge/runners/cpu.py starts it). A CPU-level machine runs the real
instructions of the image on the real CPU core, with just enough of the chip's registers
modelled for start-up and the console: it proves the code runs and drives the registers it
should, not that clock trees or pin multiplexing are right on silicon.
"""

from __future__ import annotations

from collections.abc import Callable

from mpforge.cpu.cortexm import Chip


def _samd(name: str) -> Callable[[int], Chip]:
    def make(console: int) -> Chip:
        from mpforge.cpu.samd import FAMILIES, Samd

        return Samd(FAMILIES[name], console)

    return make


# CONFIG_CPU_MACHINE -> a chip model taking the console UART's number.
MACHINES: dict[str, Callable[[int], Chip]] = {"samd21": _samd("samd21"), "samd51": _samd("samd51")}
