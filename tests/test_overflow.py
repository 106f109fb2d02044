"""The flash-overflow error (mpforge.images.overflow): the scratch relink command, the
components named before single symbols, each way GNU ld says sections do not fit, and on
real boards (micro:bit, 256 KiB of flash, with a frozen app too large for it; ESP32-C3 with
a heap too large for its SRAM) one error whose overshoot is the one ld reported."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mpforge.build import scons_command
from mpforge.images import elf
from mpforge.images.overflow import overshoots, placement_failed, scratch_command
from mpforge.images.size import Component, ld_overflow, overflow_error


def test_scratch_command_writes_elf_and_map_beside_despite_overflow(tmp_path: Path) -> None:
    scratch = tmp_path / "firmware.elf.overflow"
    cmd = ["gcc", "-o", "firmware.elf", "-Wl,-Map=firmware.map", "a.o", "-lc"]
    assert scratch_command(cmd, scratch) == [
        "gcc", "-o", str(scratch), "a.o", "-lc",
        f"-Wl,-Map={scratch}.map", "-Wl,--noinhibit-exec",
    ]  # fmt: skip
    assert scratch_command(["gcc", "a.o"], scratch) is None


LD = "/usr/bin/ld: "
REGIONS = {"FLASH": (0x0800_0000, 0x1_0000), "RAM": (0x2000_0000, 0x8000)}


@pytest.mark.parametrize(
    ("ld_output", "expected"),
    [
        (f"{LD}region `FLASH' overflowed by 120 bytes\n", {"FLASH": 120}),
        # an address past its region: the distance past the region's end
        (f"{LD}address 0x20008010 of fw.elf section `.bss' is not within region `RAM'\n",
         {"RAM": 0x10}),
        # a stack placed at the top of RAM under a .bss that grew into it: how far .bss
        # reaches into the stack, charged to the region holding the stack
        (f"{LD}section .stack VMA [20007000,20007fff] overlaps section .bss VMA "
         f"[20000100,200071ff]\n", {"RAM": 0x200}),
        # several messages about one region: the largest overshoot
        (f"{LD}address 0x20008010 of fw.elf section `.bss' is not within region `RAM'\n"
         f"{LD}section .stack VMA [20007000,20007fff] overlaps section .bss VMA "
         f"[20000100,2000800f]\n", {"RAM": 0x1010}),
        ("/usr/bin/ld: cannot find -lfoo\n", {}),
    ],
)  # fmt: skip
def test_every_way_ld_says_sections_do_not_fit(ld_output: str, expected: dict[str, int]) -> None:
    assert overshoots(ld_output, REGIONS) == expected
    assert placement_failed(ld_output) == bool(expected)


def test_components_come_before_symbols() -> None:
    image = elf.Elf(
        segments=(),
        sections=(elf.Section(".text", 1, 6, 0x1000, 5000),),
        symbols=(elf.Symbol("frozen_app_str0", 0x1000, 3000, ".text"),),
    )
    comps = [
        Component("module sys", "module", 900, 0, 0),
        Component("frozen app", "frozen", 3100, 0, 0),
        Component("(stack reserve)", "reserve", 0, 0, 4096),
        Component("(alignment padding)", "linker", 12, 0, 0),
        Component("py/vm.c", "core", 1000, 0, 0),
    ]
    msg = overflow_error(image, "b", "flash", 5100, 4096, comps, "the linker's FLASH region")
    text = msg.message
    assert "it needs 5100 bytes, the linker's FLASH region is 4096: 1004 bytes over." in text
    assert "Largest components: frozen app 3100, py/vm.c 1000, module sys 900." in text
    assert text.index("Largest components") < text.index("Largest symbols: frozen_app_str0 3000")
    assert "padding" not in text and "stack" not in text


def test_microbit_app_too_large_names_the_frozen_module_and_lds_overshoot(
    tmp_path: Path,
) -> None:
    if shutil.which("arm-none-eabi-gcc") is None:
        pytest.skip("arm-none-eabi-gcc is not installed")
    app = tmp_path / "app"
    app.mkdir()
    # Three strings of 100 KB: the frozen data alone exceed the micro:bit's 256 KiB.
    lines = [f"D{i} = {str(i) * 100000!r}" for i in range(3)]
    (app / "main.py").write_text("\n".join([*lines, "print(len(D0))", ""]))
    cmd = scons_command("microbit", tmp_path / "build", app=app, jobs=2)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    # Our explanation is the last word: no `scons: *** [...] Error 1` after it.
    assert "scons: ***" not in proc.stderr, proc.stderr[-3000:]
    error = errors[0]
    over = ld_overflow(proc.stderr)["FLASH"]
    m = re.search(
        r"it needs (\d+) bytes, the linker's FLASH region is (\d+): (\d+) bytes over", error
    )
    assert m, error
    assert int(m.group(3)) == over == int(m.group(1)) - int(m.group(2)) > 0
    # The frozen module first, as a component, then the core's and the symbols.
    listed = re.search(r"Largest components: (.*?)\. Largest symbols: (.*?)\.", error)
    assert listed, error
    comps = [item.rsplit(" ", 1) for item in listed.group(1).split(", ")]
    assert comps[0][0] == "frozen main" and int(comps[0][1]) >= 300000
    sizes = [int(size) for _, size in comps]
    assert sizes == sorted(sizes, reverse=True) and len(comps) == 6
    assert any(name.startswith(("py/", "module ")) for name, _ in comps[1:])
    assert listed.group(2).startswith("frozen_main_")
    assert not (tmp_path / "build" / "firmware.elf.overflow").exists()


def test_esp32c3_heap_too_large_for_its_sram_is_one_error(tmp_path: Path) -> None:
    """The ESP32-C3 keeps .bss with the heap and the stack at the top of SRAM (its code runs
    from flash): a heap too large makes ld report .bss outside DRAM and overlapping the
    stack, not a region overflow."""
    if shutil.which("riscv64-unknown-elf-gcc") is None:
        pytest.skip("riscv64-unknown-elf-gcc is not installed")
    frag = tmp_path / "heap.conf"
    frag.write_text("CONFIG_HEAP_SIZE=400000\n")
    cmd = scons_command("esp32c3_devkitm", tmp_path / "build", fragments=[frag], jobs=2)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "scons: ***" not in proc.stderr, proc.stderr[-3000:]
    # ld's own figures: .bss ends where the overlap message says; the stack starts there too
    m = re.search(r"section \.stack VMA \[([0-9a-f]+),[0-9a-f]+\] overlaps section \.bss VMA "
                  r"\[[0-9a-f]+,([0-9a-f]+)\]", proc.stderr)  # fmt: skip
    assert m, proc.stderr[-3000:]
    over = int(m.group(2), 16) + 1 - int(m.group(1), 16)
    assert f"the linker's DRAM region is 393216: {over} bytes over." in errors[0], errors[0]
    assert "Largest components: (GC heap) 400000" in errors[0]
    assert "lower CONFIG_HEAP_SIZE" in errors[0]
