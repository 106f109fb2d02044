"""Stage 3, GENERATE: a port's linker script from the memory map in the config.

A template (`ports/cortex_m/ldscript.ld.in`, or a port's own) has `${flash_origin}`,
`${flash_size}`, `${ram_origin}`, `${ram_size}` and `${stack_size}` fields; the
values come from the config: `<PREFIX>_FLASH_BASE` plus `<PREFIX>_APP_OFFSET` (0
when absent: what precedes the image, e.g. a bootloader), `FLASH_SIZE` less that
offset, `<PREFIX>_RAM_BASE`, `RAM_SIZE`, `<PREFIX>_STACK_SIZE` (PREFIX is the
layer's symbol prefix, CORTEX_M). Nobody edits a linker script by hand.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError

# Stack the VM must leave to interrupt handlers and the deepest builtin call
# below CONFIG_STACK_LIMIT: an exception frame with FPU state is 104 bytes, the
# rest is for C code called from the VM that does not check the limit. A layer may
# set its own, CONFIG_<PREFIX>_STACK_MARGIN (ARMv6-M stacks no FPU state).
STACK_MARGIN = 2048
STACK_LIMIT_MIN = 2048  # the floor of CONFIG_STACK_LIMIT's range (py/Kconfig)
# CONFIG_HEAP_SIZE's floors (py/Kconfig): with a filesystem, and with the compiler on a board
# without one (the micro:bit's 9 KiB heap, where tests/test_repl_boards.py types at it)
HEAP_MIN_RUNTIME_CODE = {"PORT_HAS_FILESYSTEM": 32768, "COMPILER": 9216}


@dataclass(frozen=True)
class MemoryMap:
    """Where the image goes: flash and RAM regions and the stack at the top of RAM."""

    flash_origin: int
    flash_size: int
    ram_origin: int
    ram_size: int
    stack_size: int

    def fields(self) -> dict[str, str]:
        """The template's fields, as hex literals the linker reads."""
        return {
            "flash_origin": f"0x{self.flash_origin:08x}",
            "flash_size": f"0x{self.flash_size:x}",
            "ram_origin": f"0x{self.ram_origin:08x}",
            "ram_size": f"0x{self.ram_size:x}",
            "stack_size": f"0x{self.stack_size:x}",
        }


def memory_map(view: ConfigView, prefix: str) -> MemoryMap:
    """Read the memory map of `view`'s board, checking it can hold a stack and a heap."""
    offset = view.int(f"{prefix}_APP_OFFSET") if f"{prefix}_APP_OFFSET" in view.values else 0
    flash_size = view.int("FLASH_SIZE")
    if flash_size and offset >= flash_size:
        raise MpforgeError(
            f"board {view.board}: CONFIG_{prefix}_APP_OFFSET=0x{offset:x} leaves no flash of "
            f"the 0x{flash_size:x} bytes (CONFIG_FLASH_SIZE) for the image; lower it"
        )
    mm = MemoryMap(
        flash_origin=view.int(f"{prefix}_FLASH_BASE") + offset,
        flash_size=flash_size - offset if flash_size else 0,
        ram_origin=view.int(f"{prefix}_RAM_BASE"),
        ram_size=view.int("RAM_SIZE"),
        stack_size=view.int(f"{prefix}_STACK_SIZE"),
    )
    _check(view, prefix, mm)
    return mm


def _check(view: ConfigView, prefix: str, mm: MemoryMap) -> None:
    board = view.board
    if mm.flash_size == 0 or mm.ram_size == 0:
        raise MpforgeError(
            f"board {board}: CONFIG_FLASH_SIZE and CONFIG_RAM_SIZE must be set "
            "(the chip symbol gives them; is the board's chip selected?)"
        )
    if mm.stack_size % 8:
        raise MpforgeError(
            f"board {board}: CONFIG_{prefix}_STACK_SIZE={mm.stack_size} must be a multiple "
            "of 8 (the AAPCS stack alignment)"
        )
    limit = view.int("STACK_LIMIT")
    margin_symbol = f"{prefix}_STACK_MARGIN"
    margin = view.int(margin_symbol) if margin_symbol in view.values else STACK_MARGIN
    if limit + margin > mm.stack_size:
        # Only a fix that exists: the limit cannot go below its range's floor.
        lower = (
            f"lower CONFIG_STACK_LIMIT to at most {mm.stack_size - margin} or "
            if mm.stack_size - margin >= STACK_LIMIT_MIN
            else ""
        )
        raise MpforgeError(
            f"board {board}: CONFIG_STACK_LIMIT={limit} leaves less than {margin} "
            f"bytes of the {mm.stack_size}-byte stack (CONFIG_{prefix}_STACK_SIZE) for "
            f"interrupts; {lower}raise CONFIG_{prefix}_STACK_SIZE to at least {limit + margin}"
        )
    heap = view.int("HEAP_SIZE")
    if heap + mm.stack_size > mm.ram_size:
        room = mm.ram_size - mm.stack_size
        fix = f"lower CONFIG_HEAP_SIZE to at most {room}"
        # The heap's floor (py/Kconfig) where code arrives at run time.
        runtime_code = [n for n in HEAP_MIN_RUNTIME_CODE if view.values.get(n) == "y"]
        if runtime_code and room < HEAP_MIN_RUNTIME_CODE[runtime_code[0]]:
            fix += (
                f" (which needs CONFIG_{runtime_code[0]} off: with it the heap is at least "
                f"{HEAP_MIN_RUNTIME_CODE[runtime_code[0]]} bytes)"
            )
        raise MpforgeError(
            f"board {board}: CONFIG_HEAP_SIZE={heap} plus the {mm.stack_size}-byte stack "
            f"exceed the {mm.ram_size} bytes of RAM (CONFIG_RAM_SIZE) by "
            f"{heap + mm.stack_size - mm.ram_size} bytes; {fix}"
        )


def render(template: str, mm: MemoryMap, template_name: str = "template") -> str:
    """Fill `template`'s ${...} fields; an unknown field is an error naming it."""
    try:
        return string.Template(template).substitute(mm.fields())
    except KeyError as e:
        raise MpforgeError(
            f"{template_name}: unknown field ${{{e.args[0]}}}; known: "
            + ", ".join(sorted(mm.fields()))
        ) from None
    except ValueError as e:
        raise MpforgeError(f"{template_name}: {e} (write a literal $ as $$)") from None


def generate(view: ConfigView, prefix: str, template: Path, out: Path) -> None:
    """Write the linker script for `view`'s board from `template` to `out`."""
    text = render(template.read_text(encoding="utf-8"), memory_map(view, prefix), str(template))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
