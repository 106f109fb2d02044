"""The nRF port: the three boards build with -Werror into .elf/.bin/.hex (and .uf2 behind
the Adafruit bootloader) with the memory map of their chip or bootloader; the BBC
micro:bit boots in QEMU's `microbit` machine and runs frozen code in its 16 KiB of RAM:
the TIMER0 tick, UART0 as console and as machine.UART(0), the GPIO as QEMU models it
(pulls, outputs, open drain), Ctrl-C, Ctrl-D, and a corpus sample printing exactly what
the host port prints."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from boards import build_firmware as build_board
from emulator import Emulator, boot, qemu_command
from intelhex import IntelHex

from mpforge import paths
from mpforge.build import scons_command
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.images import elf

BOARDS = ("microbit", "nrf52840dk", "feather_nrf52840")
UF2_DECODE = """\
const fs = require("fs");
const uf2 = require(process.argv[2]);
const data = fs.readFileSync(process.argv[3]);
const blocks = [];
for (let at = 0; at < data.length; at += uf2.blockSize) {
  const b = uf2.decodeBlock(data.subarray(at, at + uf2.blockSize));
  blocks.push({flags: b.flags, address: b.flashAddress, family: b.boardFamily,
               number: b.blockNumber, total: b.totalBlocks,
               payload: Buffer.from(b.payload).toString("hex")});
}
console.log(JSON.stringify(blocks));
"""


def build_firmware(
    board: str, name: str, fragments: tuple[Path, ...] = (), app: Path | None = None
) -> tuple[Path, str]:
    """boards.build_firmware into build/test_<board>_nrf_<name>."""
    return build_board(board, f"nrf_{name}", fragments, app)


def fragment(name: str, text: str) -> Path:
    """A config fragment under build/ (written atomically: a parallel worker may read it)."""
    path = paths.ROOT / "build" / f"test_nrf_{name}.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(text)
    os.replace(tmp, path)
    return path


def semihosting() -> Path:
    return fragment("semihosting", "CONFIG_SEMIHOSTING_EXIT=y\n")


def view_of(board: str, build_dir: Path) -> ConfigView:
    return read_dotconfig(board, build_dir / ".config")


@pytest.fixture(scope="module", params=BOARDS)
def built(request: pytest.FixtureRequest) -> tuple[str, Path, str]:
    board = request.param
    build_dir, output = build_firmware(board, f"default_{board}")
    return board, build_dir, output


class TestBuild:
    def test_images_vectors_and_memory_map(self, built: tuple[str, Path, str]) -> None:
        board, build_dir, _output = built
        view = view_of(board, build_dir)
        base = view.int("CORTEX_M_FLASH_BASE") + view.int("CORTEX_M_APP_OFFSET")
        ram_top = view.int("CORTEX_M_RAM_BASE") + view.int("RAM_SIZE")
        # The size report (written by the build, printed only when it links).
        assert f"{board}: text " in (build_dir / "firmware.size").read_text()
        # -Werror on every compile: the flags reach gcc.
        commands = json.loads((build_dir / "compile_commands.json").read_text())
        nrf = [c for c in commands if "ports/nrf/" in c["file"]]
        assert nrf and all("-Werror" in c["command"] for c in nrf)
        cpu = "-mcpu=cortex-m0" if board == "microbit" else "-mcpu=cortex-m4"
        assert all(cpu in c["command"] for c in nrf)
        ldscript = (build_dir / "gen/firmware.ld").read_text()
        assert f"ORIGIN = 0x{base:08x}" in ldscript
        binary = (build_dir / "firmware.bin").read_bytes()
        hexed = IntelHex(str(build_dir / "firmware.hex"))
        assert hexed.minaddr() == base
        assert hexed.tobinstr(start=base, size=len(binary)) == binary
        # The vector table: initial SP at the top of the image's RAM, reset handler in
        # the image (Thumb).
        sp, reset = (int.from_bytes(binary[i : i + 4], "little") for i in (0, 4))
        assert sp == ram_top
        assert base < reset < base + len(binary) and reset & 1

    def test_chip_and_bootloader_layout(self, built: tuple[str, Path, str]) -> None:
        board, build_dir, _ = built
        view = view_of(board, build_dir)
        expected = {
            # flash origin, flash size for the image, RAM origin, RAM size
            "microbit": (0x0, 0x40000, 0x20000000, 0x4000),
            "nrf52840dk": (0x0, 0x100000, 0x20000000, 0x40000),
            # Adafruit nRF52 bootloader with S140 6.1.1: application at 0x26000, the
            # bootloader from 0xF4000, the application's RAM above 0x20008000.
            "feather_nrf52840": (0x26000, 0xF4000 - 0x26000, 0x20008000, 0x38000),
        }[board]
        ldscript = (build_dir / "gen/firmware.ld").read_text()
        assert f"FLASH (rx) : ORIGIN = 0x{expected[0]:08x}, LENGTH = 0x{expected[1]:x}" in ldscript
        assert f"RAM (rwx) : ORIGIN = 0x{expected[2]:08x}, LENGTH = 0x{expected[3]:x}" in ldscript
        assert (build_dir / "firmware.uf2").exists() == (board == "feather_nrf52840")
        assert view.value("CHIP") == ("nRF51822" if board == "microbit" else "nRF52840")

    def test_uf2_decodes_with_the_bootloader_family(self, tmp_path: Path) -> None:
        """The npm `uf2` package (an independent decoder) reads every block: family
        0xada52840, 256-byte payloads at consecutive addresses from 0x26000, numbered,
        the right count, and together the .bin's bytes."""
        build_dir, _ = build_firmware("feather_nrf52840", "default_feather_nrf52840")
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is not installed (tools/bootstrap.sh installs it)")
        script = tmp_path / "decode.js"
        script.write_text(UF2_DECODE)
        module = paths.ROOT / "tools/npm/node_modules/uf2"
        proc = subprocess.run(
            [node, script, module, build_dir / "firmware.uf2"],
            capture_output=True,
            text=True,
            check=True,
        )
        blocks = json.loads(proc.stdout)
        binary = (build_dir / "firmware.bin").read_bytes()
        assert len(blocks) == (len(binary) + 255) // 256
        for i, block in enumerate(blocks):
            assert block["family"] == 0xADA52840
            assert block["flags"] & 0x2000  # family ID present
            assert block["number"] == i and block["total"] == len(blocks)
            assert block["address"] == 0x26000 + 256 * i
        data = bytes.fromhex("".join(b["payload"] for b in blocks))
        assert data[: len(binary)] == binary
        assert data[len(binary) :] == bytes(len(data) - len(binary))

    def test_microbit_ram_budget(self) -> None:
        """16 KiB: static data, the 5 KiB stack (1 KiB more than without the REPL: the
        builtin-name cache's RAM and 512 B that were left free; the compiler nests in it, about
        0.5 KiB per level: with 3.5 KiB for the VM `print("x=" + str(x))` at the prompt was a
        RecursionError) and the 9 KiB heap fit with 256 B to spare (newlib's float-formatting
        buffers come from the GC heap: its malloc is ports/cortex_m/newlib.c's)."""
        build_dir, _ = build_firmware("microbit", "default_microbit")
        parsed = elf.read(build_dir / "firmware.elf")
        sections = {s.name: s.size for s in parsed.sections}
        view = view_of("microbit", build_dir)
        heap = view.int("HEAP_SIZE")
        static = sections[".data"] + sections[".bss"] - heap
        assert sections[".stack"] == view.int("CORTEX_M_STACK_SIZE") == 5120
        assert heap == 9216
        assert static < 2048, static
        assert static + heap + sections[".stack"] <= 16384 - 256


class TestFlash:
    def test_commands_of_each_board(
        self, built: tuple[str, Path, str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each board's method: the micro:bit's DAPLink drive takes the .hex, the DK goes
        through pyocd, the Feather's bootloader drive takes the .uf2; nrfjprog for all."""
        from mpforge import flash

        board, build_dir, _ = built
        view = view_of(board, build_dir)
        mount = build_dir / "mnt"
        monkeypatch.setattr(flash, "find_volume", lambda label: mount / label)
        monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
        expected = {
            "microbit": ["cp", str(build_dir / "firmware.hex"), str(mount / "MICROBIT/firmware.hex")],
            "nrf52840dk": ["pyocd", "flash", "-t", "nrf52840", str(build_dir / "firmware.hex")],
            "feather_nrf52840": [
                "cp", str(build_dir / "firmware.uf2"), str(mount / "FTHR840BOOT/firmware.uf2")
            ],
        }[board]  # fmt: skip
        assert flash.flash_command(build_dir, view) == expected
        family = "NRF51" if board == "microbit" else "NRF52"
        assert flash.flash_command(build_dir, view, "nrfjprog") == [
            "nrfjprog", "-f", family, "--program", str(build_dir / "firmware.hex"),
            "--sectorerase", "--verify", "--reset",
        ]  # fmt: skip

    def test_missing_drive_is_named(
        self, built: tuple[str, Path, str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from mpforge import flash
        from mpforge.errors import MpforgeError

        board, build_dir, _ = built
        if board == "nrf52840dk":
            pytest.skip("the DK flashes through a probe, not a drive")
        monkeypatch.setattr(flash, "find_volume", lambda label: None)
        label = "MICROBIT" if board == "microbit" else "FTHR840BOOT"
        with pytest.raises(MpforgeError, match=f"no drive labelled {label} is mounted"):
            flash.flash_command(build_dir, view_of(board, build_dir))


APP = """\
import gc
import machine
import sys
import time
from machine import UART, Pin

gc.collect()
print("free", gc.mem_free(), "of", gc.mem_free() + gc.mem_alloc())
print("platform", sys.platform, machine.freq())
print("uid", machine.unique_id().hex())
t0 = time.ticks_ms()
time.sleep_ms(50)
print("slept", 50 <= time.ticks_diff(time.ticks_ms(), t0) < 2000)  # a loaded host is slow

# The GPIO as QEMU models it: a pull sets a floating input, an output drives its own
# input, an open-drain output lets the pull-up win when released.
p = Pin(3, Pin.IN, Pin.PULL_UP)
print("pull up", p.value(), p)
p.init(pull=Pin.PULL_DOWN)
print("pull down", p.value(), p.pull() == Pin.PULL_DOWN)
q = Pin("P0.04", Pin.OUT, value=1)
print("out", q.value(), q)
q.toggle()
print("toggled", q.value())
q.on()
print("on", q())
od = Pin(5, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1)
print("od released", od.value())
od.off()
print("od low", od.value(), od)
try:
    Pin(32)
except ValueError as e:
    print("ValueError", e)

# UART(0) is the console's UART: raw bytes out, the console's input in.
u = UART(0, 115200, timeout=10000)
print(u)
u.write(b"raw\\n")
print("uart ready")
print("got", u.readline())
print("timeout", UART(0, 115200, timeout=20).read(4))
print("ctrl-c ready")
try:
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt caught")
buf = bytearray(1024)
print("1 KiB ok", len(buf), gc.mem_free() > 4096)
"""


@pytest.fixture(scope="module")
def app_firmware(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = tmp_path_factory.mktemp("nrfapp")
    (app / "main.py").write_text(APP)
    return build_firmware("microbit", "app", (semihosting(),), app=app)[0]


class TestMicrobitInQemu:
    def test_run_command_is_the_documented_one(self, app_firmware: Path) -> None:
        assert qemu_command(app_firmware) == [
            "qemu-system-arm", "-M", "microbit", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
            "-kernel", str(app_firmware / "firmware.elf"),
        ]  # fmt: skip

    def test_frozen_app_tick_pins_uart_and_ctrl_c(self, app_firmware: Path) -> None:
        result = boot(
            qemu_command(app_firmware),
            [("uart ready\n", "ping\r\n"), ("ctrl-c ready\n", "\x03")],
            timeout=60,
        )
        out = result.transcript
        assert result.status == 0, out
        free, total = (int(x) for x in out.split("free ")[1].split()[::2][:2])
        # The 9 KiB heap less the collector's own tables; the app leaves most of it free.
        assert 8 * 1024 < total < 9216 and free > 6500, out
        assert "platform nrf 16000000" in out
        # The FICR words at DEVICEID (0x10000060) as QEMU 7.2 models them: 3, 0x12345678
        # (its table, hw/nvram/nrf51_nvm.c, sits one word off the RM v3.0 layout).
        assert "uid 0300000078563412" in out
        assert "slept True" in out
        assert "pull up 1 Pin('P0.03', mode=Pin.IN, pull=Pin.PULL_UP)" in out
        assert "pull down 0 True" in out
        assert "out 1 Pin('P0.04', mode=Pin.OUT)" in out
        assert "toggled 0" in out and "on 1" in out
        assert "od released 1" in out
        assert "od low 0 Pin('P0.05', mode=Pin.OPEN_DRAIN, pull=Pin.PULL_UP)" in out
        assert "ValueError pin number out of range (0..31)" in out
        assert "UART(0, baudrate=115200, bits=8, parity=None, stop=1, tx=P0.24, rx=P0.25)" in out
        # write() is raw (no "\r" added); print() is cooked.
        assert "\nraw\nuart ready" in out.replace("\r\n", "\n") and "raw\r\n" not in out
        assert "got b'ping\\r\\n'" in out
        assert "timeout None" in out
        assert "KeyboardInterrupt caught" in out
        assert "1 KiB ok 1024 True" in out

    def test_ctrl_d_runs_main_again_and_ctrl_c_stops_it(self, tmp_path: Path) -> None:
        app = tmp_path / "app"
        app.mkdir()
        (app / "main.py").write_text(
            "import machine\nprint('run', machine.UART(0))\n"
            "machine.UART(0, 9600)\nwhile True:\n    pass\n"
        )
        build_dir, _ = build_firmware("microbit", "softreset", app=app)
        with Emulator(qemu_command(build_dir), timeout=60) as emu:
            emu.expect("run UART(0, baudrate=115200")
            emu.send("\x03")
            emu.expect("KeyboardInterrupt")
            emu.expect(">>> ")  # the REPL (on the micro:bit by its defconfig)
            emu.send("\x04")
            # The soft reset restored the console's 115200 after main.py changed it.
            emu.expect("run UART(0, baudrate=115200")


NRF52_APP = """\
import sys
import time
import machine
from machine import UART, Pin

print("platform", sys.platform, machine.freq())
print("uid", machine.unique_id().hex())
led = Pin("P1.15", Pin.OUT, value=1)
print("led", led.value(), led)
led.toggle()
print("toggled", led.value())
print("pull up", Pin(3, Pin.IN, Pin.PULL_UP).value())
u = UART(1, 115200, parity=1, stop=2, timeout=200)
print(u)
print("sent", u.write(b"to uart1 " * 3))
print("looped back", u.read(27), u.any())
print("math", 1.5 * 2, 2**70, [x * x for x in range(5)])
t0 = time.ticks_ms()
time.sleep_ms(50)
print("slept", 50 <= time.ticks_diff(time.ticks_ms(), t0) < 5000)
print("sleeping")
time.sleep(1)
print("woke")
print("typed", input("name? "))
console = UART(0, 115200, timeout=10000)
print("uart ready")
print("got", console.readline())
print("ctrl-c ready")
try:
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt caught")
sys.exit(7)
"""


@pytest.mark.parametrize("board", ["nrf52840dk", "feather_nrf52840"])
def test_nrf52840_boots_in_the_cpu_level_runner(tmp_path: Path, board: str) -> None:
    """No emulator models the nRF52840: the CPU-level machine runs the image's Cortex-M4F
    code with NVIC, the TIMER0 tick paced by real time and UARTE receive by interrupt
    (mpforge/cpu/nrf52.py). Typed input reaches input() and a UART read, sleep takes real
    time, Ctrl-C mid-loop raises KeyboardInterrupt, UARTE1's transmitter is wired to its
    receiver. The Feather's image starts at 0x26000, behind its bootloader and SoftDevice."""
    import time

    from mpforge.runners import runner_for
    from mpforge.runners.cpu import CpuRunner

    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(NRF52_APP)
    build_dir, _ = build_firmware(board, f"unicorn_{board}", (semihosting(),), app=app)
    assert runner_for(view_of(board, build_dir).value("EMULATOR")) is CpuRunner
    command = CpuRunner(build_dir).command([])
    assert command[3:5] == ["nrf52840", str(build_dir / "firmware.elf")]
    with Emulator(command, timeout=120) as emu:
        emu.expect("sleeping\n")
        slept_from = time.monotonic()
        emu.expect("woke\n")
        slept = time.monotonic() - slept_from
        emu.expect("name? ")
        emu.send("nrf\r")
        emu.expect("typed nrf\n")
        emu.expect("uart ready\n")
        emu.send("ping\r\n")
        emu.expect("got b'ping\\r\\n'\n")
        emu.expect("ctrl-c ready\n")
        emu.send("\x03")
        emu.expect("KeyboardInterrupt caught\n")
        assert emu.wait() == 7
        text = emu.transcript.replace("\r\n", "\n")
    assert 0.9 <= slept < 30, slept
    assert "platform nrf 64000000" in text
    assert "uid 5246504d3546526e" in text  # the model's DEVICEID words, little-endian
    assert "led 1 Pin('P1.15', mode=Pin.OUT)" in text and "toggled 0" in text
    assert "pull up 1" in text
    assert "UART(1, baudrate=115200, bits=8, parity=1, stop=2, tx=P1.01, rx=P1.02)" in text
    assert "sent 27\nlooped back b'to uart1 to uart1 to uart1 ' 0\n" in text
    assert "math 3.0 1180591620717411303424 [0, 1, 4, 9, 16]" in text
    assert "slept True" in text


def test_frozen_app_prints_what_cpython_prints(tmp_path: Path) -> None:
    """A small application (classes with super(), namedtuple, OrderedDict, json, math,
    exceptions, formatting, generators, big ints) frozen into the micro:bit prints in QEMU
    exactly what CPython prints for it."""
    import sys

    source = paths.ROOT / "tests" / "nrf_cpython_app.py"
    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(source, app / "main.py")
    expected = subprocess.run(
        [sys.executable, source], capture_output=True, text=True, check=True
    ).stdout
    build_dir, _ = build_firmware("microbit", "cpython_app", (semihosting(),), app=app)
    result = boot(qemu_command(build_dir), timeout=60)
    assert result.status == 0, result.transcript
    assert result.transcript == expected


def _core_fragment(defconfig: Path) -> str:
    """The micro:bit defconfig's core and module settings, for a host build that has the
    same language (the board's port, memory and frozen-package lines left out). What the
    host's defconfig turns on below a symbol switched off here goes off with it (e.g.
    MODULE_HASHLIB_SHA1 with MODULE_HASHLIB)."""
    board_only = ("PORT_", "BOARD_", "NRF_", "CORTEX_M_", "FROZEN_", "HEAP_SIZE", "STACK_")
    lines, off = [], []
    for line in defconfig.read_text().splitlines():
        symbol = line.removeprefix("# ").removeprefix("CONFIG_").split("=")[0].split(" ")[0]
        if line.startswith(("CONFIG_", "# CONFIG_")) and not symbol.startswith(board_only):
            lines.append(line)
            if line.startswith("# "):
                off.append(symbol)
    for line in paths.defconfig_path("host").read_text().splitlines():
        symbol = line.removeprefix("CONFIG_").split("=")[0]
        if line.startswith("CONFIG_") and any(symbol.startswith(f"{o}_") for o in off):
            lines.append(f"# CONFIG_{symbol} is not set")
    return "\n".join(lines) + "\n"


# One program per run of main.py: the test types its name, main.py imports it, and a
# soft reset (Ctrl-D) starts the next with a fresh heap, as a board would run each.
CORPUS_ONE = """\
name = input("corpus> ")
print("==", name)
try:
    __import__(name)
except Exception as e:
    print("!!", type(e).__name__, e)
"""


def test_corpus_sample_on_the_microbit_matches_the_host(tmp_path: Path) -> None:
    """Corpus programs print the same on the micro:bit in QEMU as on a host build with the
    micro:bit's language settings. Each runs in a fresh heap (one soft reset each), as on
    a board; programs whose requirements the board's settings lack are left out, and so
    are those that need more than its 9 KiB heap or its 40 nested Python calls (they
    raise MemoryError or RecursionError on the board: counted, and few)."""
    from boards import (
        CORPUS_MAIN,
        RESOURCE_LIMITS,
        board_config,
        corpus_sample,
        no_compiler_fragment,
    )
    from corpus_runner import CORPUS_DIR, HostBuild, _make_program, read_kconfig

    # (without the compiler: the micro:bit's REPL takes the flash the frozen programs need)
    host_fragment = fragment(
        "microbit_core",
        _core_fragment(paths.CONFIGS / "microbit_defconfig") + "# CONFIG_COMPILER is not set\n",
    )
    host_dir = tmp_path / "host"
    host_app, board_app = tmp_path / "host_app", tmp_path / "board_app"
    for app in (host_app, board_app):
        app.mkdir()
        (app / "main.py").write_text("")

    def build_host() -> None:
        cmd = scons_command("host", host_dir, (host_fragment,), app=host_app)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    build_host()  # its .config: the language the micro:bit has
    settings = HostBuild(host_dir, host_dir / "firmware", read_kconfig(host_dir / ".config"))
    # the board's own settings too: what its defconfig leaves to defaults that follow from the
    # chip (SLOT_WRAPPERS_TYPES with ROOM_FOR_LARGE_TABLES) the host's build resolves otherwise
    board = board_config("microbit", (no_compiler_fragment(),))
    names = []
    for path in corpus_sample(settings, every=6):  # what fits the 256 KiB of flash
        program = _make_program(CORPUS_DIR, path, path)
        if settings.missing(program) or board.missing(program):
            continue
        name = f"c_{path.parent.name}_{path.stem}"
        names.append(name)
        for app in (host_app, board_app):
            (app / f"{name}.py").write_text(path.read_text())
    manifest = "modules:\n  - file: main.py\n  - glob: 'c_*.py'\n    check_imports: false\n"
    (host_app / "main.py").write_text(CORPUS_MAIN.format(names=names))
    (board_app / "main.py").write_text(CORPUS_ONE)
    for app in (host_app, board_app):
        (app / "manifest.yml").write_text(manifest)
    build_host()
    host = subprocess.run([host_dir / "firmware"], capture_output=True, text=True, timeout=120)
    assert "== end" in host.stdout and len(names) >= 40  # a useful sample that fits the flash
    host_parts = dict(part.split("\n", 1) for part in host.stdout.split("== ")[1:])

    board_dir, _ = build_firmware("microbit", "corpus", (no_compiler_fragment(),), app=board_app)
    too_big = []
    with Emulator(qemu_command(board_dir), timeout=60) as emu:
        for name in names:
            emu.expect("corpus> ")
            emu.send(name + "\r")
            emu.expect(f"== {name}\n")
            out = emu.expect("main.py ended (status ").removesuffix("main.py ended (status ")
            # Beyond the board's heap or recursion limit (40): the program's output so far
            # is the host's, then the error (caught by main.py, or printed tersely by the
            # board when not even the handler's print found memory).
            last = out.rstrip("\n").rsplit("\n", 1)[-1]
            if last.startswith(RESOURCE_LIMITS) or last in ("MemoryError", "RecursionError"):
                assert host_parts[name].startswith(out[: out.rstrip("\n").rfind("\n") + 1]), name
                too_big.append(name)
            else:
                assert out == host_parts[name], name
            emu.send("\x04")
    assert len(too_big) <= len(names) // 10, too_big


# Nested containers and __repr__ calls, each one level deeper than the last, with a float
# whose shortest repr is long at the bottom: one of them reaches CONFIG_STACK_LIMIT's check
# just before the float's repr (the exact digit generation: about 760 B of C stack below the
# check), which must fit in the ARMv6-M boards' 1 KiB CORTEX_M_STACK_MARGIN.
DEEP_FLOAT_REPR_APP = """\
x = 2.2250738585072014e-308 * 3.3
r = repr(x)


class R:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return "R(" + repr(self.inner) + ")"


for wrap in (lambda v: [v], lambda v: (v, x), lambda v: {1: v}, R):
    v = x
    ok = 0
    try:
        for depth in range(1, 300):
            v = wrap(v)
            s = repr(v)
            ok = depth
    except (RecursionError, MemoryError) as e:  # (whichever limit comes first)
        print("limit after", "ok" if ok >= 2 and r in s else "too few", type(e).__name__, flush=True)


def deep(n):
    return repr(x) + deep(n + 1)


try:
    deep(0)
except (RecursionError, MemoryError):
    print("limit in deep")
print("survived", repr(x) == r)
"""


def test_deepest_float_repr_on_armv6m_is_a_clean_error(tmp_path: Path) -> None:
    """On the micro:bit (Cortex-M0, 5 KiB stack, CONFIG_STACK_LIMIT 4 KiB): every nesting
    depth of a float's repr up to the stack limit either prints or raises RecursionError (or
    MemoryError, when the 9 KiB heap fills first: the deeper nesting a larger stack allows
    holds more objects); none runs past the 1 KiB margin into a HardFault (the fault
    handler's report, no exit)."""
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(DEEP_FLOAT_REPR_APP)
    build_dir, _ = build_firmware("microbit", "deep_float_repr", (semihosting(),), app=app)
    result = boot(qemu_command(build_dir), timeout=60)
    assert result.status == 0, result.transcript
    assert result.transcript.count("limit after ok ") == 4, result.transcript
    assert "limit in deep\nsurvived True\n" in result.transcript


KBD_INTR_APP = """\
import micropython, sys
micropython.kbd_intr(-1)
print("reading")
print("read", [ord(c) for c in sys.stdin.read(2)])
micropython.kbd_intr(7)
print("bell interrupts")
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted by the bell")
sys.exit(5)
"""


def check_kbd_intr_app(emu: Emulator) -> None:
    """What KBD_INTR_APP's board does with Ctrl-C as data, then as no interrupt, then the bell."""
    import time

    emu.expect("reading\n")
    emu.send(b"\x03x")
    emu.expect("read [3, 120]\n")
    emu.expect("bell interrupts\n")
    time.sleep(0.5)
    emu.send(b"\x03")
    time.sleep(0.5)
    emu.send(b"\x07")
    emu.expect("interrupted by the bell\n")
    assert emu.wait() == 5


def test_kbd_intr_on_the_nrf52840(tmp_path: Path) -> None:
    """micropython.kbd_intr() on UARTE0's receive interrupt (the CPU-level runner): with -1
    Ctrl-C is a byte stdin reads; with 7 Ctrl-C is no interrupt and the bell is."""
    from mpforge.runners.cpu import CpuRunner

    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(KBD_INTR_APP)
    build_dir, _ = build_firmware("nrf52840dk", "kbd_intr", (semihosting(),), app=app)
    with Emulator(CpuRunner(build_dir).command([]), timeout=120) as emu:
        check_kbd_intr_app(emu)
