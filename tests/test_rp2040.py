"""The RP2040 port (rpi_pico): boot2 and its CRC, the UF2 image (decoded by the npm `uf2`
package), and the firmware booting in rp2040js through boot2: frozen corpus programs
print what the host prints, machine (Pin through jumper wires, UART1 in loopback, freq,
unique_id, reset), Ctrl-C and Ctrl-D on the console, exit status, flashing commands."""

from __future__ import annotations

import json
import subprocess
import textwrap
import zlib
from pathlib import Path

import pytest
from boards import (
    assert_same_as_host,
    build_firmware,
    corpus_sample,
    host_output,
    semihosting_fragment,
    write_corpus_app,
)
from emulator import Emulator, boot

from mpforge import paths
from mpforge.config.view import read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.flash import flash_command
from mpforge.images import boot2, elf
from mpforge.images.uf2 import FAMILIES
from mpforge.runners.node import NODE_MODULES, Rp2040jsRunner

BOARD = "rpi_pico"
FLASH_BASE = 0x10000000

pytestmark = pytest.mark.skipif(
    not (NODE_MODULES / "rp2040js").is_dir() or not (NODE_MODULES / "uf2").is_dir(),
    reason="the Node tools are not installed (run tools/bootstrap.sh)",
)


def crc32_mpeg2_via_zlib(data: bytes) -> int:
    """CRC-32/MPEG-2 from zlib's reflected CRC-32, independently of mpforge: reflect every
    input byte, undo zlib's final inversion, reflect the 32-bit result."""

    def reflect(value: int, bits: int) -> int:
        return int(f"{value:0{bits}b}"[::-1], 2)

    reflected = bytes(reflect(b, 8) for b in data)
    return reflect(zlib.crc32(reflected) ^ 0xFFFFFFFF, 32)


class TestBoot2:
    def test_crc_matches_the_catalogue_check_value_and_zlib(self) -> None:
        assert boot2.crc32_mpeg2(b"123456789") == 0x0376E6E7  # the catalogue's check value
        for data in (b"", b"\x00" * 252, bytes(range(252)), b"boot2" * 50):
            assert boot2.crc32_mpeg2(data) == crc32_mpeg2_via_zlib(data)

    def test_image_pads_and_appends_the_crc(self) -> None:
        block = boot2.image(b"\x01\x02\x03")
        assert len(block) == 256 and block[3:252] == b"\0" * 249
        assert int.from_bytes(block[252:], "little") == crc32_mpeg2_via_zlib(block[:252])

    def test_code_too_large_is_an_error_naming_the_limit(self) -> None:
        with pytest.raises(MpforgeError, match=r"253 bytes; it must fit in 252"):
            boot2.image(b"\0" * 253)


@pytest.fixture(scope="module")
def default_build() -> Path:
    return build_firmware(BOARD, "default")[0]


def decode_uf2(path: Path) -> list[dict]:
    """Every block of a UF2 file as the npm `uf2` package decodes it."""
    script = textwrap.dedent(
        """
        const uf2 = require(process.argv[2] + '/uf2');
        const data = require('fs').readFileSync(process.argv[1]);
        const blocks = [];
        for (let at = 0; at < data.length; at += uf2.blockSize) {
          const raw = data.subarray(at, at + uf2.blockSize);
          if (!uf2.isUF2Block(raw)) throw new Error('not a UF2 block at ' + at);
          const b = uf2.decodeBlock(raw);
          blocks.push({flags: b.flags, address: b.flashAddress, number: b.blockNumber,
                       total: b.totalBlocks, family: b.boardFamily,
                       familyName: uf2.familyMap.get(b.boardFamily) || null,
                       payload: Buffer.from(b.payload).toString('hex')});
        }
        console.log(JSON.stringify(blocks));
        """
    )
    proc = subprocess.run(
        ["node", "-e", script, str(path), str(NODE_MODULES)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


class TestImages:
    def test_elf_bin_uf2_and_boot2_first_in_flash(self, default_build: Path) -> None:
        for name in ("firmware.elf", "firmware.bin", "firmware.uf2", "firmware.size"):
            assert (default_build / name).is_file(), name
        parsed = elf.read(default_build / "firmware.elf")
        sections = {s.name: s for s in parsed.sections}
        assert sections[".boot2"].address == FLASH_BASE and sections[".boot2"].size == 256
        assert sections[".isr_vector"].address == FLASH_BASE + 0x100
        image = (default_build / "firmware.bin").read_bytes()
        assert int.from_bytes(image[252:256], "little") == crc32_mpeg2_via_zlib(image[:252])
        # The vector table: the stack at the top of the 264 KiB of SRAM, a Thumb reset vector.
        assert int.from_bytes(image[0x100:0x104], "little") == 0x20042000
        assert int.from_bytes(image[0x104:0x108], "little") & 1

    def test_uf2_decodes_with_the_rp2040_family_and_covers_the_image(
        self, default_build: Path
    ) -> None:
        blocks = decode_uf2(default_build / "firmware.uf2")
        image = (default_build / "firmware.bin").read_bytes()
        assert len(blocks) == (len(image) + 255) // 256
        assert {b["family"] for b in blocks} == {FAMILIES["rp2040"]}
        assert all(b["flags"] & 0x2000 for b in blocks)  # family ID present
        assert blocks[0]["familyName"] is not None and "RP2040" in blocks[0]["familyName"]
        assert [b["number"] for b in blocks] == list(range(len(blocks)))
        assert {b["total"] for b in blocks} == {len(blocks)}
        assert [b["address"] for b in blocks] == [FLASH_BASE + 256 * n for n in range(len(blocks))]
        data = b"".join(bytes.fromhex(b["payload"]) for b in blocks)
        assert all(len(b["payload"]) == 512 for b in blocks)
        assert data[: len(image)] == image and len(data) - len(image) < 256

    def test_generic_boot2_option_builds_another_valid_boot2(self, default_build: Path) -> None:
        frag = default_build.parent / "test_rp2040_generic.conf"
        frag.write_text("CONFIG_RP2040_BOOT2_GENERIC=y\n")
        build_dir, _ = build_firmware(BOARD, "generic", (frag,))
        quad = (default_build / "firmware.bin").read_bytes()[:256]
        generic = (build_dir / "firmware.bin").read_bytes()[:256]
        assert generic != quad
        assert int.from_bytes(generic[252:], "little") == crc32_mpeg2_via_zlib(generic[:252])
        # The generic loader boots in the emulator too.
        with Emulator(Rp2040jsRunner(build_dir).command([]), timeout=60) as emu:
            emu.expect("frozen main.py running on rp2")


class TestRunAndFlash:
    def test_run_command(self, default_build: Path) -> None:
        runner = Rp2040jsRunner(default_build, uart1_loopback=True, wires=[(2, 3)])
        assert runner.command([]) == [
            "node",
            str(paths.ROOT / "mpforge/runners/rp2040js_run.js"),
            str(default_build / "firmware.bin"),
            "--uart1",
            "loopback",
            "--wire",
            "2:3",
        ]

    def test_a_corrupt_boot2_is_refused_as_the_boot_rom_would(
        self, default_build: Path, tmp_path: Path
    ) -> None:
        image = bytearray((default_build / "firmware.bin").read_bytes())
        image[10] ^= 0x01
        (tmp_path / "firmware.bin").write_bytes(image)
        proc = subprocess.run(
            Rp2040jsRunner(tmp_path).command([]), capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 125
        assert "boot2 CRC mismatch" in proc.stderr and proc.stdout == ""

    def test_flash_copies_the_uf2_to_the_drive(
        self, default_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        view = read_dotconfig(BOARD, default_build / ".config")
        seen = []
        monkeypatch.setattr(
            "mpforge.flash.find_volume", lambda label: seen.append(label) or tmp_path
        )
        assert flash_command(default_build, view) == [
            "cp",
            str(default_build / "firmware.uf2"),
            str(tmp_path / "firmware.uf2"),
        ]
        assert set(seen) == {"RPI-RP2"}

    def test_without_a_drive_picotool_when_installed_else_what_to_do(
        self, default_build: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        view = read_dotconfig(BOARD, default_build / ".config")
        monkeypatch.setattr("mpforge.flash.find_volume", lambda label: None)
        tools = {"cp": "/bin/cp"}
        monkeypatch.setattr("shutil.which", tools.get)
        with pytest.raises(MpforgeError, match="no drive labelled RPI-RP2 is mounted"):
            flash_command(default_build, view)
        with pytest.raises(
            MpforgeError, match="picotool not found: install Debian package picotool"
        ):
            flash_command(default_build, view, "picotool")
        tools["picotool"] = "/usr/bin/picotool"
        uf2 = str(default_build / "firmware.uf2")
        assert flash_command(default_build, view) == ["picotool", "load", "-f", "-x", uf2]


PERIPH_MAIN = """\
import machine
import time

print("freq", machine.freq())
uid = machine.unique_id()
print("uid", type(uid).__name__, len(uid))
t0 = time.ticks_ms()
time.sleep_ms(50)
dt = time.ticks_diff(time.ticks_ms(), t0)
print("slept", 50 <= dt < 500)

# GP2 drives GP3 through a jumper wire (runner --wire 2:3).
out = machine.Pin(2, machine.Pin.OUT, value=0)
inp = machine.Pin(3, machine.Pin.IN)
seen = []
for v in (1, 0, 1):
    out.value(v)
    seen.append(inp.value())
out.toggle()
seen.append(inp())
print("wire", seen)

# Pulls on an undriven pin.
p = machine.Pin(6, machine.Pin.IN, machine.Pin.PULL_UP)
a = p.value()
p.init(pull=machine.Pin.PULL_DOWN)
print("pulls", a, p.value(), p.pull() == machine.Pin.PULL_DOWN)

# Open drain on GP7, wired to GP8 which has a pull-up (--wire 7:8).
od = machine.Pin(7, machine.Pin.OPEN_DRAIN, value=1)
r = machine.Pin(8, machine.Pin.IN, machine.Pin.PULL_UP)
x = r.value()
od.value(0)
y = r.value()
od.value(1)
print("open drain", x, y, r.value())
print(machine.Pin("LED", machine.Pin.OUT, value=1))

# UART1 with its TX jumpered to its RX (--uart1 loopback).
u = machine.UART(1, 115200, timeout=100)
print(u)
u.write(b"ping\\n")
print("uart", u.readline(), u.any())
u.write("abc")
buf = bytearray(3)
print("readinto", u.readinto(buf), bytes(buf))
print("timeout", u.read(1))
for bad in (0, 2):
    try:
        machine.UART(bad)
    except ValueError as e:
        print("UART", bad, e)
try:
    machine.Pin(30)
except ValueError as e:
    print("Pin", e)

print("ready")
cmd = input()
if cmd == "reset":
    machine.reset()
print("got", cmd)
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted")
"""


@pytest.fixture(scope="module")
def periph_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = tmp_path_factory.mktemp("periph")
    (app / "main.py").write_text(PERIPH_MAIN)
    return build_firmware(BOARD, "periph", app=app)[0]


def test_machine_reset_ctrl_c_and_ctrl_d_in_rp2040js(periph_build: Path) -> None:
    runner = Rp2040jsRunner(periph_build, uart1_loopback=True, wires=[(2, 3), (7, 8)])
    with Emulator(runner.command([]), timeout=60) as emu:
        out = emu.expect("ready\n")
        assert "freq 125000000\n" in out
        assert "uid bytes 8\n" in out
        assert "slept True\n" in out
        assert "wire [1, 0, 1, 0]\n" in out
        assert "pulls 1 0 True\n" in out
        assert "open drain 1 0 1\n" in out
        assert "Pin(GPIO25, mode=OUT, pull=PULL_DOWN)\n" in out  # the pad's reset pull stays
        assert "UART(1, baudrate=115200, bits=8, parity=None, stop=1, tx=4, rx=5)\n" in out
        assert "uart b'ping\\n' 0\n" in out
        assert "readinto 3 b'abc'\n" in out
        assert "timeout None\n" in out
        assert "UART 0 UART(0) is the console" in out
        assert "UART 2 UART(2) does not exist" in out
        assert "Pin pin number out of range" in out
        emu.send("reset\r")  # machine.reset(): the watchdog restarts the chip
        assert "freq 125000000" in emu.expect("ready\n")
        emu.send("go\r")
        emu.expect("got go\n")
        emu.send("\x03")
        emu.expect("interrupted\n")
        emu.expect(">>> ")  # the REPL (CONFIG_REPL); Ctrl-D at its empty line soft-resets
        emu.send("\x04")  # soft reset: main.py runs again
        emu.expect("freq 125000000")
        emu.expect("ready\n")


def test_corpus_sample_in_rp2040js_matches_the_host(tmp_path: Path) -> None:
    """Frozen corpus programs print the same on the RP2040 (Cortex-M0+, soft float, no
    hardware divide) as on the host; sys.exit's status leaves the emulator."""
    app = tmp_path / "app"
    names = write_corpus_app(app, corpus_sample("rpi_pico", every=3), epilogue="sys.exit(3)\n")
    board_dir, _ = build_firmware(BOARD, "corpus", (semihosting_fragment(),), app=app)
    result = boot(Rp2040jsRunner(board_dir).command([]), timeout=300)
    expected = host_output(app, tmp_path / "host")
    assert result.status == 3, result.transcript[-2000:]
    assert len(names) >= 50
    assert_same_as_host(result.transcript, expected)


def test_kbd_intr_in_rp2040js(periph_build: Path) -> None:
    """micropython.kbd_intr() on the RP2040's console UART: -1 makes Ctrl-C a byte stdin
    reads, another character interrupts, the REPL's prompt makes Ctrl-C the interrupt again."""
    from test_repl import check_kbd_intr

    with Emulator(Rp2040jsRunner(periph_build).command([]), timeout=60) as emu:
        emu.expect("ready\n")
        emu.send("go\r")
        emu.expect("got go\n")
        emu.send("\x03")
        emu.expect(">>> ")
        check_kbd_intr(emu)
