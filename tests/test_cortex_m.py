"""The shared Cortex-M layer: flags per CPU, and its C files compile for ARMv6-M (M0,
M0+: no CFSR/HFSR, no IT blocks, no FPU) and ARMv7E-M with the hard-float FPU."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mpforge import paths
from mpforge.cortex_m import (
    RUNNER_MODE_SYMBOL,
    cpu_flags,
    layer_sources,
    link_flags,
    runner_mode_address,
)
from mpforge.errors import MpforgeError

ARM_GCC = shutil.which("arm-none-eabi-gcc")
LAYER = paths.ROOT / "ports" / "cortex_m"


def test_cpu_flags() -> None:
    assert cpu_flags("cortex-m4", "fpv4-sp-d16") == [
        "-mcpu=cortex-m4",
        "-mthumb",
        "-mfloat-abi=hard",
        "-mfpu=fpv4-sp-d16",
    ]
    assert cpu_flags("cortex-m0plus") == ["-mcpu=cortex-m0plus", "-mthumb", "-mfloat-abi=soft"]
    assert link_flags("cortex-m0")[:3] == ["-mcpu=cortex-m0", "-mthumb", "-mfloat-abi=soft"]
    with pytest.raises(MpforgeError, match="does not exist on a cortex-m0"):
        cpu_flags("cortex-m0", "fpv4-sp-d16")
    with pytest.raises(MpforgeError, match="not a Cortex-M this layer supports"):
        cpu_flags("cortex-a7")


def test_layer_sources_follow_the_chip() -> None:
    assert layer_sources(systick=False, python=False) == [
        "cortex_m/startup.c",
        "cortex_m/fault.c",
        "cortex_m/semihost.c",
    ]
    assert layer_sources(systick=True, python=True, small_string=True) == [
        "cortex_m/startup.c",
        "cortex_m/fault.c",
        "cortex_m/semihost.c",
        "cortex_m/string.c",
        "cortex_m/systick.c",
        "shared/port.c",
        "shared/main.c",
        "cortex_m/newlib.c",
    ]


def _compile(tmp_path: Path, cpu: str, fpu: str, config: str, source: str) -> bytes:
    """The object of `source` (the assembler refuses Thumb-2 in an ARMv6-M build)."""
    gen = tmp_path / cpu
    gen.mkdir(exist_ok=True)
    (gen / "config.h").write_text(config)
    obj = gen / (source + ".o")
    proc = subprocess.run(
        [ARM_GCC, *cpu_flags(cpu, fpu), "-std=c11", "-Wall", "-Wextra", "-Werror", "-Os",
         "-I", gen, "-I", LAYER, "-c", LAYER / source, "-o", obj],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return obj.read_bytes()


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
@pytest.mark.parametrize("cpu", ["cortex-m0", "cortex-m0plus"])
def test_layer_compiles_for_armv6m(tmp_path: Path, cpu: str) -> None:
    # no SysTick (as the nRF51), no VTOR on the M0; the fault printer on
    config = "#define CONFIG_SEMIHOSTING_EXIT 1\n#define CONFIG_CORTEX_M_FAULT_REPORT 1\n"
    if cpu == "cortex-m0plus":
        config += "#define CONFIG_CORTEX_M_SYSTICK 1\n#define CONFIG_CORTEX_M_VTOR 1\n"
    fault = _compile(tmp_path, cpu, "", config, "fault.c")
    # ARMv6-M has no CFSR/HFSR/MMFAR/BFAR: the fault printer does not print them.
    assert b"cfsr" not in fault and b"HardFault" in fault and b"UsageFault" not in fault
    _compile(tmp_path, cpu, "", config, "startup.c")
    _compile(tmp_path, cpu, "", config, "semihost.c")
    if cpu == "cortex-m0plus":
        _compile(tmp_path, cpu, "", config, "systick.c")


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
def test_layer_reads_the_fault_registers_on_armv7m(tmp_path: Path) -> None:
    config = (
        "#define CONFIG_CORTEX_M_SYSTICK 1\n#define CONFIG_CORTEX_M_VTOR 1\n"
        "#define CONFIG_CORTEX_M_FAULT_REPORT 1\n"
    )
    fault = _compile(tmp_path, "cortex-m4", "fpv4-sp-d16", config, "fault.c")
    assert b"cfsr" in fault and b"UsageFault" in fault


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
def test_fault_report_off_prints_no_registers(tmp_path: Path) -> None:
    config = "#define CONFIG_CORTEX_M_SYSTICK 1\n#define CONFIG_CORTEX_M_VTOR 1\n"
    fault = _compile(tmp_path, "cortex-m4", "fpv4-sp-d16", config, "fault.c")
    assert b"*** FATAL" in fault and b"cfsr" not in fault and b"HardFault" not in fault


@pytest.mark.skipif(ARM_GCC is None, reason="arm-none-eabi-gcc is not installed")
def test_small_string_functions_compile_without_calling_themselves(tmp_path: Path) -> None:
    assert "cortex_m/string.c" in layer_sources(False, True, small_string=True)
    assert "cortex_m/string.c" not in layer_sources(False, True)
    _compile(tmp_path, "cortex-m0", "", "", "string.c")
    # GCC would turn the copy loop into a call to memcpy itself without the optimize attribute.
    undefined = subprocess.run(
        ["arm-none-eabi-nm", "-u", tmp_path / "cortex-m0" / "string.c.o"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert undefined.strip() == ""


@pytest.mark.skipif(ARM_GCC is None, reason="no arm-none-eabi-gcc")
@pytest.mark.parametrize(
    "directives", ["", ".type cm_runner_mode, %object\n.size cm_runner_mode, 4\n"]
)
def test_the_runners_word_is_found_whatever_its_symbol_type(
    directives: str, tmp_path: Path
) -> None:
    """CONFIG_LTO with -O0 made cm_runner_mode a local STT_NOTYPE symbol: the runners looked
    only at sized objects, never set the word, and `mpforge run` of a non-interactive
    nrf52840dk sat in the firmware's wait for Ctrl-D until its timeout."""
    source = tmp_path / "w.s"
    source.write_text(
        f".bss\n.balign 4\n.space 8\n{directives}{RUNNER_MODE_SYMBOL}:\n.space 4\n"
        ".text\n.global _start\n_start:\nb _start\n"
    )
    elf = tmp_path / "w.elf"
    subprocess.run(
        [ARM_GCC, "-nostdlib", "-Wl,-Ttext=0x1000", "-Wl,-Tbss=0x20000000", source, "-o", elf],
        check=True,
    )
    assert runner_mode_address(elf) == 0x20000008
