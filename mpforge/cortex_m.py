"""The compiler and linker flags of the shared Cortex-M layer (ports/cortex_m/).

`cpu_flags` turns the chip's CPU (CONFIG_CORTEX_M_CPU) and FPU (CONFIG_CORTEX_M_FPU,
empty without one) into gcc's -mcpu/-mthumb/-mfloat-abi/-mfpu; the same flags at
link time make gcc pick newlib-nano's multilib for that CPU (thumb/v6-m/nofp for the
M0/M0+, thumb/v7e-m+fp/hard for the M4F). `link_flags` adds what every image links
with: no start files (startup.c is the entry), newlib-nano, section GC, a map file
and the generated linker script.
"""

from __future__ import annotations

from pathlib import Path

from mpforge.errors import MpforgeError

# -mcpu values this layer supports, with the FPUs each may have (gcc's -mfpu names).
CPUS: dict[str, tuple[str, ...]] = {
    "cortex-m0": (),
    "cortex-m0plus": (),
    "cortex-m3": (),
    "cortex-m4": ("fpv4-sp-d16",),
    "cortex-m7": ("fpv5-sp-d16", "fpv5-d16"),
    "cortex-m33": ("fpv5-sp-d16",),
}

# Layer sources (below ports/) every image links, and those of a Python image: the port
# contract and the main loop every microcontroller port shares (ports/shared/).
LAYER_SOURCES = ("cortex_m/startup.c", "cortex_m/fault.c", "cortex_m/semihost.c")
PYTHON_SOURCES = ("shared/port.c", "shared/main.c", "cortex_m/newlib.c")


def cpu_flags(cpu: str, fpu: str = "") -> list[str]:
    """gcc's code-generation flags for `cpu`, hard float with `fpu` when it is given."""
    if cpu not in CPUS:
        raise MpforgeError(
            f"CONFIG_CORTEX_M_CPU='{cpu}' is not a Cortex-M this layer supports; known: "
            + ", ".join(sorted(CPUS))
            + " (the chip selects CPU_CORTEX_M0, CPU_CORTEX_M0PLUS or CPU_CORTEX_M4)"
        )
    flags = [f"-mcpu={cpu}", "-mthumb"]
    if not fpu:
        return [*flags, "-mfloat-abi=soft"]
    if fpu not in CPUS[cpu]:
        allowed = ", ".join(CPUS[cpu]) or "none"
        raise MpforgeError(
            f"CONFIG_CORTEX_M_FPU='{fpu}' does not exist on a {cpu} (its FPUs: {allowed}); "
            "select CPU_HAS_FPU only for a chip that has one"
        )
    return [*flags, "-mfloat-abi=hard", f"-mfpu={fpu}"]


def link_flags(cpu: str, fpu: str = "") -> list[str]:
    """The flags of the link: the CPU's (for the multilib) and the layer's image layout."""
    return [
        *cpu_flags(cpu, fpu),
        "-nostartfiles",
        "--specs=nano.specs",
        "--specs=nosys.specs",
        "-Wl,--gc-sections",
        "-Wl,-Map=${TARGET.base}.map",
        "-T",
        "$MPF_LDSCRIPT",
    ]


# The runner's word (ports/cortex_m/cortex_m.h, cm_runner_mode): a runner whose standard
# input is not a terminal stores RUNNER_BATCH there before the core starts, and the
# firmware leaves the emulator with main.py's status through semihosting. (The ESP32-C3's
# c3_runner_mode takes the same value.)
RUNNER_MODE_SYMBOL = "cm_runner_mode"
RUNNER_BATCH = 0x6D70664E


def runner_mode_address(elf: Path, name: str = RUNNER_MODE_SYMBOL) -> int | None:
    """The address of the runner's word `name` in `elf`, or None (an image without it).

    Read from the symbol table whatever the symbol's type: with CONFIG_LTO and -O0 GCC
    emits the word as a local STT_NOTYPE symbol, which images/elf.py's sized
    function/object symbols leave out (the runners then never set it, and a batch run
    sat in the REPL until its timeout)."""
    from elftools.elf.elffile import ELFFile
    from elftools.elf.sections import SymbolTableSection

    if not elf.is_file():
        return None
    with elf.open("rb") as f:
        table = ELFFile(f).get_section_by_name(".symtab")
        if not isinstance(table, SymbolTableSection):
            return None
        for symbol in table.get_symbol_by_name(name) or ():
            if symbol["st_info"]["type"] in ("STT_OBJECT", "STT_NOTYPE") and isinstance(
                symbol["st_shndx"], int
            ):
                return int(symbol["st_value"])
    return None


def layer_sources(systick: bool, python: bool, small_string: bool = False) -> list[str]:
    """The files below ports/ an image compiles: start-up, faults and the runner's
    semihosting exit always, the tick when the chip uses SysTick, the port contract and the
    soft-reset loop (shared/, over cortex_m/port_arch.h) when the image runs Python (not in
    a port's hardware self-test), the small string functions when chosen
    (CONFIG_CORTEX_M_SMALL_STRING)."""
    names = list(LAYER_SOURCES)
    if small_string:
        names.append("cortex_m/string.c")
    if systick:
        names.append("cortex_m/systick.c")
    if python:
        names += PYTHON_SOURCES
    return names
