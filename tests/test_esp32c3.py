"""The ESP32-C3 port: the image esptool accepts (chip ID, checksum, SHA-256) with its flash
layout (the ROM's image at 0x0, the execute-in-place part at 0x10000), and the firmware
booted by the CPU-level runner (unicorn): frozen corpus programs print what the host
prints, machine.Pin/UART/freq/unique_id, console input and Ctrl-C, the exit status, the
REPL after main.py, and the runner's own checks (image digest, watchdogs, the cache's MMU:
an unmapped flash page is a fault)."""

from __future__ import annotations

import fcntl
import re
import subprocess
import textwrap
import time
from pathlib import Path

import pytest
from boards import CORPUS_MAIN, RESOURCE_LIMITS, corpus_sample
from emulator import Emulator, boot

from mpforge import paths
from mpforge.build import scons_command
from mpforge.cpu.core import STATUS_FAULT, STATUS_TIMEOUT, Console
from mpforge.cpu.esp32c3 import Esp32c3, parse_image
from mpforge.cpu.riscv import Riscv
from mpforge.errors import MpforgeError
from mpforge.images import elf, esp
from mpforge.runners.cpu import CpuRunner

BOARD = "esp32c3_devkitm"
# Corpus programs whose output differs because of picolibc's printf, not the core: its
# double conversion is not correctly rounded in these corner cases.
PICOLIBC_PRINTF = {
    "format_float_special.py": "'%g' of the subnormal 1e-320 prints 1e-320, not 9.99989e-321",
    "str_percent_float.py": "'%.0f' of 0.5 prints 1, not 0 (ties to even)",
}
RUNNER_EXIT = "CONFIG_ESP32C3_RUNNER_EXIT=y\n"
XIP_OFFSET = 0x10000  # CONFIG_ESP32C3_XIP_OFFSET's default


def build_firmware(name: str, app: Path | None = None, conf: str = "") -> Path:
    """Build the board into build/test_esp32c3_<name> (under a lock: pytest-xdist workers)."""
    build_dir = paths.ROOT / "build" / f"test_esp32c3_{name}"
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    fragments: tuple[Path, ...] = ()
    with open(build_dir.with_name(build_dir.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if conf:
            frag = build_dir.with_name(build_dir.name + ".conf")
            frag.write_text(conf)
            fragments = (frag,)
        cmd = scons_command(BOARD, build_dir, fragments, app=app)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return build_dir


def runner_command(build_dir: Path) -> list[str]:
    return CpuRunner(build_dir).command([])


@pytest.fixture(scope="module")
def plain() -> Path:
    """The board as its defconfig makes it."""
    return build_firmware("plain")


MACHINE_MAIN = """\
import sys, time, machine
from machine import Pin, UART
print("freq", machine.freq())
machine.freq(80000000)
print("freq", machine.freq())
print("uid", machine.unique_id().hex())
up = Pin(3, Pin.IN, Pin.PULL_UP)
down = Pin(4, Pin.IN, pull=Pin.PULL_DOWN)
print("pulls", up.value(), down.value(), up)
led = Pin(8, Pin.OUT, value=1)
print("out", led.value(), end=" ")
led.off()
print(led.value(), end=" ")
led(1)
print(led())
od = Pin(9, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1)
print("open drain released", od.value())
try:
    Pin(22)
except ValueError as e:
    print("ValueError", e)
try:
    UART(0)
except ValueError as e:
    print("ValueError", e)
u = UART(1, 115200, timeout=50)
print(u)
u.write(b"ping\\n")
print("loopback", u.readline(), u.any(), u.read())
for rate in (9600, 300, 50):  # below 19,532 baud the UART clock's pre-divider is needed
    try:
        print(UART(1, rate, timeout=50))
    except ValueError as e:
        print("ValueError", rate, e)
t0 = time.ticks_ms()
time.sleep_ms(30)
dt = time.ticks_diff(time.ticks_ms(), t0)
print("slept", 30 <= dt < 2000)
print("typed", input("name? "))
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted")
sys.exit(7)
"""


@pytest.fixture(scope="module")
def machine_fw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = tmp_path_factory.mktemp("c3app")
    (app / "main.py").write_text(MACHINE_MAIN)
    # (an app's frozen code runs from flash: the board's default heap stays as it is)
    return build_firmware("machine", app=app, conf=RUNNER_EXIT)


class TestImage:
    def test_image_info_accepts_it(self, plain: Path) -> None:
        info = esp.check_image("esp32c3", plain / "firmware.esp.bin")
        assert info.chip_id == 5 and info.checksum_valid and info.sha256_valid
        entry, segments = parse_image((plain / "firmware.esp.bin").read_bytes())
        assert info.entry == entry == 0x40380000  # c3_entry, first in IRAM
        assert {s.address >> 24 for s in segments} == {0x3F, 0x40}  # DRAM and IRAM only

    def test_flash_layout_and_merged_image(self, plain: Path) -> None:
        xip_name = f"firmware.esp-0x{XIP_OFFSET:x}.bin"
        assert (plain / "flash_args").read_text() == (
            f"0x0 firmware.esp.bin\n0x{XIP_OFFSET:x} {xip_name}\n"
        )
        image = (plain / "firmware.esp.bin").read_bytes()
        xip = (plain / xip_name).read_bytes()
        merged = (plain / "firmware.esp-merged.bin").read_bytes()
        assert len(image) < 4096  # the start-up, the trap entry and .data
        assert merged[: len(image)] == image
        assert merged[XIP_OFFSET : XIP_OFFSET + len(xip)] == xip
        assert len(merged) == XIP_OFFSET + len(xip)
        assert "text" in (plain / "firmware.size").read_text()

    def test_code_and_constants_are_linked_for_the_cache_windows(self, plain: Path) -> None:
        """The execute-in-place part is the code (instruction bus, 0x42000000) then the
        constants (data bus, 0x3C000000) at the same window offset, byte for byte as the
        ELF has them; SRAM keeps only the start-up, the trap entry and .data."""
        image = elf.read(plain / "firmware.elf")
        sections = {s.name: s for s in image.sections}
        text, rodata = sections[".flash.text"], sections[".flash.rodata"]
        assert text.address == 0x42000000
        assert rodata.address == 0x3C000000 + text.size
        xip = (plain / f"firmware.esp-0x{XIP_OFFSET:x}.bin").read_bytes()
        assert len(xip) == text.size + rodata.size
        # the loadable segments at the instruction bus's window (load addresses): the file
        covered = 0
        for seg in image.segments:
            if 0x42000000 <= seg.address < 0x42800000:
                at = seg.address - 0x42000000
                assert xip[at : at + len(seg.data)] == seg.data
                covered += len(seg.data)
        assert covered == len(xip)
        assert sections[".iram.text"].size < 1024
        _entry, segments = parse_image((plain / "firmware.esp.bin").read_bytes())
        assert sum(len(s.data) for s in segments) < 2048

    def test_runner_refuses_a_corrupted_image(self, plain: Path) -> None:
        image = bytearray((plain / "firmware.esp.bin").read_bytes())
        image[100] ^= 0xFF
        with pytest.raises(MpforgeError, match="checksum"):
            parse_image(bytes(image))


def test_demo_boots_into_the_repl(plain: Path) -> None:
    """The default image: main.py from flash, then the REPL (the compiler is on by default)
    with the heap the freed SRAM gives it; Ctrl-D soft-resets into main.py again."""
    with Emulator(runner_command(plain), timeout=60) as emu:
        emu.expect("frozen main.py running on esp32c3")
        emu.expect(">>> ")
        emu.send(b"import gc; gc.collect(); print('heap', gc.mem_free() + gc.mem_alloc())\r")
        out = emu.expect(">>> ")
        heap = re.search(r"heap (\d+)", out)
        assert heap and int(heap.group(1)) > 300 * 1024, out
        emu.send(b"\x04")
        emu.expect("soft reboot")
        emu.expect("frozen main.py running on esp32c3")


def test_machine_console_and_exit_status(machine_fw: Path) -> None:
    with Emulator(runner_command(machine_fw), timeout=60) as emu:
        emu.expect("name? ")
        emu.send(b"esp\r")
        emu.expect("typed esp\n")
        emu.send(b"\x03")
        emu.expect("interrupted\n")
        assert emu.wait() == 7
        out = emu.transcript
    assert "freq 160000000\nfreq 80000000\n" in out
    assert "uid 020000c30001\n" in out
    assert "pulls 1 0 Pin(3, mode=Pin.IN, pull=Pin.PULL_UP)\n" in out
    assert "out 1 0 1\n" in out
    assert "open drain released 1\n" in out
    assert "ValueError Pin(22): the ESP32-C3 has GPIO0..GPIO21\n" in out
    assert "ValueError UART(0) is the console" in out
    assert "UART(1, baudrate=115200, bits=8, parity=None, stop=1, tx=4, rx=5)\n" in out
    assert "loopback b'ping\\n' 0 None\n" in out
    assert "UART(1, baudrate=9600, bits=8" in out and "UART(1, baudrate=300, bits=8" in out
    assert "ValueError 50 UART(1): baudrate out of range for the APB clock" in out
    assert "slept True\n" in out


def _sample() -> list[tuple[str, Path]]:
    """(frozen module name, corpus program) of the sample, without the picolibc cases."""
    return [
        (f"c_{p.parent.name}_{p.stem}", p)
        for p in corpus_sample("esp32c3_devkitm")
        if p.name not in PICOLIBC_PRINTF
    ]


def _write_app(app: Path, sample: list[tuple[str, Path]]) -> None:
    app.mkdir(parents=True)
    for name, program in sample:
        (app / f"{name}.py").write_text(program.read_text())
    (app / "main.py").write_text(CORPUS_MAIN.format(names=[name for name, _ in sample]))
    (app / "manifest.yml").write_text(
        "modules:\n  - file: main.py\n  - glob: 'c_*.py'\n    check_imports: false\n"
    )


def _sections(out: str) -> dict[str, str]:
    """The output of each program: the text after "== name" up to the next "== "."""
    parts = re.split(r"^== (\S+)\n", out[out.index("== ") :], flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.fixture(scope="module")
def host_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the host port prints for the whole sample (one build for both halves)."""
    base = tmp_path_factory.mktemp("c3corpus")
    _write_app(base / "app", _sample())
    proc = subprocess.run(
        scons_command("host", base / "host", app=base / "app"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    host = subprocess.run([base / "host" / "firmware"], capture_output=True, text=True, timeout=120)
    assert host.stdout.endswith("== end\n"), host.stdout[-2000:]
    return _sections(host.stdout)


# The sample's parts, each frozen into an image of its own (see below).
CORPUS_PARTS = 4


@pytest.mark.parametrize("half", range(CORPUS_PARTS))
def test_corpus_sample_matches_the_host(
    tmp_path: Path, host_corpus: dict[str, str], half: int
) -> None:
    """Frozen corpus programs print the same under the runner as on the host port: the
    core on a 32-bit RISC-V with picolibc behaves as on the host. The sample is frozen in
    CORPUS_PARTS parts: the RAM-loaded image shares SRAM with the heap and the stack (the whole
    sample's code would leave too little heap for some programs, and half of it no longer
    leaves room for the stack beside a 34.5 KiB heap; 35 KiB left the second third 240 B
    over SRAM once the core checked for user code changing containers in its loops, and the
    second third was 528 B over beside 34.5 KiB on 2026-12-07: four parts since)."""
    sample = _sample()[half::CORPUS_PARTS]
    _write_app(tmp_path / "app", sample)
    board_dir = build_firmware(
        f"corpus{half}", app=tmp_path / "app", conf=RUNNER_EXIT + "CONFIG_HEAP_SIZE=35328\n"
    )
    result = boot(runner_command(board_dir), timeout=600)
    board_out = result.transcript.replace("\r\n", "\n")
    assert result.status == 0, board_out[-2000:]
    assert len(sample) >= 15 and board_out.endswith("== end\n")
    board = _sections(board_out)
    assert list(board) == [name for name, _ in sample] + ["end"]
    # A program may stop at the board's heap or call limit after the host's output (a few).
    limited = [
        name
        for name, _ in sample
        if board[name] != host_corpus[name]
        and board[name].rstrip("\n").rsplit("\n", 1)[-1].startswith(RESOURCE_LIMITS)
    ]
    for name, _ in sample:
        if name not in limited:
            assert board[name] == host_corpus[name], name
    assert len(limited) <= 3, limited


WATCHDOG_PROGRAM = """\
    .option arch, +zicsr
    .global _start
_start:
    li t0, 0x60008000
    {unlock}
    sw zero, 0x90(t0)       # RTC_CNTL_WDTCONFIG0: all off (ignored while locked)
1:  j 1b
"""


@pytest.mark.parametrize(
    ("unlock", "armed"),
    [("", True), ("li t1, 0x50D83AA1\n    sw t1, 0xA8(t0)", False)],
    ids=["locked", "unlocked"],
)
def test_runner_models_the_rtc_watchdog_key(tmp_path: Path, unlock: str, armed: bool) -> None:
    """A write to the RTC watchdog's configuration counts only after its key."""
    src = tmp_path / "wdt.S"
    src.write_text(textwrap.dedent(WATCHDOG_PROGRAM).format(unlock=unlock))
    elf = tmp_path / "wdt.elf"
    subprocess.run(
        ["riscv64-unknown-elf-gcc", "-march=rv32imc", "-mabi=ilp32", "-nostdlib",
         "-Wl,-Ttext=0x40380000", "-o", str(elf), str(src)],
        check=True,
    )  # fmt: skip
    esp.elf2image("esp32c3", elf, tmp_path / "wdt.bin", "dio", "4MB")
    chip = Esp32c3()
    machine = Riscv(chip, Console(lambda b: None))
    machine.load(tmp_path / "wdt.bin")
    assert machine.run(None, time.monotonic() + 1.0) == STATUS_TIMEOUT
    assert chip.watchdogs[0x60008090].armed is armed


# The cache's MMU in the runner: a program in SRAM (the ROM's image) that maps MMU entry 0
# to flash page 1 (offset 0x10000) or not, turns the cache on and opens the buses it is told
# to, then jumps to the instruction bus's window (where the flash part ends the run with
# status 5 through the runner's exit call) or reads the data bus's.
MMU_PROGRAM = """\
    .global _start
_start:
    li t0, 0x600C4000       # EXTMEM
    li t2, 0x600C5000       # MMU entry 0
    li t1, {entry}
    sw t1, 0(t2)
    li t1, 1
    sw t1, 0x00(t0)         # ICACHE_CTRL: cache on
    li t1, {shut}
    sw t1, 0x04(t0)         # ICACHE_CTRL1: which buses stay shut
    li t0, {target}
    {access}
1:  j 1b
"""
XIP_EXIT = """\
    .global _start
_start:
    li a0, 5
    li a1, 0x5846504D       # "MPFX": the runner's exit call
    ebreak
"""


def _assemble(tmp_path: Path, name: str, source: str, address: int) -> Path:
    src = tmp_path / f"{name}.S"
    src.write_text(textwrap.dedent(source))
    out = tmp_path / f"{name}.elf"
    subprocess.run(
        ["riscv64-unknown-elf-gcc", "-march=rv32imc", "-mabi=ilp32", "-nostdlib",
         f"-Wl,-Ttext=0x{address:x}", "-o", str(out), str(src)],
        check=True,
    )  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("entry", "shut", "access", "status"),
    [
        (0x001, 0, "jr t0", 5),  # mapped, both buses open: the flash part runs
        (0x101, 0, "jr t0", STATUS_FAULT),  # entry invalid
        (0x001, 1, "jr t0", STATUS_FAULT),  # instruction bus shut
        (0x001, 2, "lbu a0, 4(t0)", STATUS_FAULT),  # the data bus shut
        (0x001, 1, "lbu a0, 4(t0)\n    li a1, 0x5846504D\n    ebreak", None),  # exit: the byte
    ],
    ids=["mapped", "invalid-entry", "ibus-shut", "dbus-unmapped", "dbus-read"],
)
def test_runner_faults_on_an_unmapped_flash_page(
    tmp_path: Path, entry: int, shut: int, access: str, status: int
) -> None:
    """Flash is visible in the cache's windows only where the firmware mapped it with the
    cache on and the bus open: otherwise a fetch or a read ends the run with the fault
    status, so the boot of the real image proves its start-up maps what it uses."""
    target = 0x3C000000 if access.startswith("lbu") else 0x42000000
    prog = _assemble(
        tmp_path, "prog", MMU_PROGRAM.format(entry=entry, shut=shut, access=access, target=target),
        0x40380000,
    )  # fmt: skip
    esp.elf2image("esp32c3", prog, tmp_path / "prog.bin", "dio", "4MB")
    xip = _assemble(tmp_path, "xip", XIP_EXIT, 0x42000000)
    subprocess.run(
        ["riscv64-unknown-elf-objcopy", "-O", "binary", str(xip), str(tmp_path / "xip.bin")],
        check=True,
    )
    (tmp_path / "flash_args").write_text("0x0 prog.bin\n0x10000 xip.bin\n")
    chip = Esp32c3()
    machine = Riscv(chip, Console(lambda b: None))
    machine.load(tmp_path / "prog.bin")
    if status is None:  # the byte at data-bus address 0x3C000004 is flash offset 0x10004's
        status = (tmp_path / "xip.bin").read_bytes()[4]
    assert machine.run(None, time.monotonic() + 1.0) == status


def test_kbd_intr(tmp_path: Path) -> None:
    """micropython.kbd_intr() on UART0's receive interrupt: with -1 Ctrl-C is a byte stdin
    reads; with 7 Ctrl-C is no interrupt and the bell is."""
    from test_nrf import KBD_INTR_APP, check_kbd_intr_app

    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(KBD_INTR_APP)
    build_dir = build_firmware("kbd_intr", app=app, conf=RUNNER_EXIT)
    with Emulator(runner_command(build_dir), timeout=60) as emu:
        check_kbd_intr_app(emu)
