"""The SAMD port: feather_m0 (SAMD21) and itsybitsy_m4 (SAMD51) build with -Werror into
.elf/.bin/.uf2 (checked by the npm `uf2` decoder), boot on the CPU-level runner (unicorn), run
frozen code with console input, SysTick time, Pin and UART, print a corpus sample exactly as
the host does, and `mpforge flash` copies the UF2 to the bootloader's drive."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from boards import (
    assert_same_as_host,
    board_config,
    build_firmware,
    config_of,
    corpus_sample,
    host_output,
    no_compiler_fragment,
    semihosting_fragment,
    write_corpus_app,
)
from emulator import Emulator, boot

from mpforge import paths
from mpforge.config.view import read_dotconfig
from mpforge.images import elf
from mpforge.runners.cpu import CpuRunner

BOARDS = {
    # board: (UF2 family, application address, flash size, console SERCOM)
    "feather_m0": (0x68ED2B88, 0x2000, 0x40000, 0),
    "itsybitsy_m4": (0x55114460, 0x4000, 0x80000, 3),
}
UF2_DECODER = paths.ROOT / "tools/npm/node_modules/uf2"
needs_node = pytest.mark.skipif(
    shutil.which("node") is None or not UF2_DECODER.is_dir(),
    reason="node and tools/npm (installed by tools/bootstrap.sh) decode UF2 files",
)

APP = textwrap.dedent(
    """\
    import machine
    import sys
    import time
    print("app: running on", sys.platform, machine.freq())
    t0 = time.ticks_ms()
    time.sleep_ms(30)
    print("slept ok:", time.ticks_diff(time.ticks_ms(), t0) >= 30)
    print("uid bytes:", len(machine.unique_id()))
    led = machine.Pin("PA17", machine.Pin.OUT, value=0)
    led.on()
    print("led:", led.value(), led)
    led.toggle()
    print("led toggled:", led.value())
    button = machine.Pin("PA2", machine.Pin.IN, machine.Pin.PULL_UP)
    print("button pulled up:", button.value(), button.pull() == machine.Pin.PULL_UP)
    button.init(pull=machine.Pin.PULL_DOWN)
    print("button pulled down:", button.value())
    for bad in ("PC3", "PA32", "PA05", 99):
        try:
            machine.Pin(bad)
        except ValueError as e:
            print("bad pin:", e)
    uart = machine.UART(UART_ID, 115200, timeout=50)
    print(uart)
    print("sent:", uart.write(b"ping\\n"))
    print("looped back:", uart.readline(), uart.any())
    uart.deinit()
    try:
        uart.read()
    except OSError as e:
        print("after deinit:", e)
    try:
        machine.UART(CONSOLE)
    except ValueError as e:
        print("console:", e)
    name = input("name? ")
    print("hello,", name)
    print("looping")
    try:
        while True:
            pass
    except KeyboardInterrupt:
        print("interrupted")
    raise ValueError("boom")
    """
)


def runner_command(build_dir: Path) -> list[str]:
    return CpuRunner(build_dir).command([])


@pytest.fixture(scope="module", params=sorted(BOARDS))
def board(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def default_build(board: str) -> Path:
    """The board as its defconfig makes it (the image a user flashes)."""
    return build_firmware(board, "default")[0]


class TestImages:
    def test_elf_starts_at_the_bootloaders_application_address(
        self, board: str, default_build: Path
    ) -> None:
        _, address, flash, _ = BOARDS[board]
        image = elf.read(default_build / "firmware.elf")
        assert min(seg.address for seg in image.segments) == address
        sp = int.from_bytes(image.segments[0].data[:4], "little")
        assert sp & 0xFFF00000 == 0x20000000  # the initial stack pointer is in SRAM
        reset = int.from_bytes(image.segments[0].data[4:8], "little")
        assert reset & 1 and address < reset < flash  # a Thumb address in the image
        bin_size = (default_build / "firmware.bin").stat().st_size
        assert 0 < bin_size <= flash - address

    @needs_node
    def test_uf2_decodes_with_the_family_and_covers_the_image(
        self, board: str, default_build: Path
    ) -> None:
        family, address, _, _ = BOARDS[board]
        script = textwrap.dedent(
            """\
            const { decodeBlock, isUF2Block } = require(process.argv[1]);
            const data = require('fs').readFileSync(process.argv[2]);
            const blocks = [];
            for (let off = 0; off < data.length; off += 512) {
              const block = data.subarray(off, off + 512);
              if (!isUF2Block(block)) throw new Error('not a UF2 block at ' + off);
              const b = decodeBlock(block);
              blocks.push({flags: b.flags, address: b.flashAddress, size: b.payload.length,
                           number: b.blockNumber, total: b.totalBlocks, family: b.boardFamily});
            }
            console.log(JSON.stringify(blocks));
            """
        )
        proc = subprocess.run(
            ["node", "-e", script, str(UF2_DECODER), str(default_build / "firmware.uf2")],
            capture_output=True,
            text=True,
            check=True,
        )
        blocks = json.loads(proc.stdout)
        image = (default_build / "firmware.bin").read_bytes()
        assert len(blocks) == (len(image) + 255) // 256
        for i, block in enumerate(blocks):
            assert block["family"] == family
            assert block["flags"] & 0x2000  # family ID present
            assert block["address"] == address + 256 * i
            assert block["number"] == i and block["total"] == len(blocks)

    def test_flash_copies_the_uf2_to_the_bootloader_drive(
        self, board: str, default_build: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from mpforge.cli import main

        code = main(["flash", "-b", board, "--build-dir", str(default_build), "-n"])
        out = capsys.readouterr()
        assert code == 0, out.err
        label = {"feather_m0": "FEATHERBOOT", "itsybitsy_m4": "ITSYM4BOOT"}[board]
        assert label in out.out + out.err and "firmware.uf2" in out.out + out.err

    def test_bossac_writes_the_bin_at_the_application_offset(
        self, board: str, default_build: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from mpforge.cli import main

        argv = ["flash", "-b", board, "--build-dir", str(default_build), "--method", "bossac"]
        code = main([*argv, "--port", "/dev/ttyACM0", "-n"])
        out = capsys.readouterr()
        assert code == 0, out.err
        offset = hex(BOARDS[board][1])
        bin_path = default_build / "firmware.bin"
        assert f"bossac --port=/dev/ttyACM0 -e -w -v -R --offset={offset} {bin_path}" in out.err


class TestBoot:
    def test_default_image_runs_the_frozen_demo(self, default_build: Path) -> None:
        with Emulator(runner_command(default_build), timeout=60) as emu:
            emu.expect("frozen main.py running on samd")
            emu.expect("sum of squares 1..10 = 385")
            # the REPL where the compiler fits (CONFIG_ROOM_FOR_COMPILER), else a wait
            config = read_dotconfig(default_build.name, default_build / ".config")
            repl = config.values.get("REPL") == "y"  # absent where the compiler is off
            emu.expect(">>> " if repl else "Ctrl-D runs it again")
            emu.send("\x04")  # a soft reset runs main.py again
            emu.expect("frozen main.py running on samd")

    def test_app_uses_time_pins_uart_and_console_input(self, board: str, tmp_path: Path) -> None:
        console = BOARDS[board][3]
        uart_id = 1 if console != 1 else 2
        app = tmp_path / "app"
        app.mkdir()
        source = APP.replace("UART_ID", str(uart_id)).replace("CONSOLE", str(console))
        (app / "main.py").write_text(source)
        build_dir, _ = build_firmware(board, "app", (semihosting_fragment(),), app=app)
        # Ctrl-C reaches the board through the console's receive interrupt mid-loop.
        result = boot(
            runner_command(build_dir), [("name? ", "Ada\r"), ("looping", "\x03")], timeout=60
        )
        out = result.transcript.replace("\r\n", "\n")
        hz = {"feather_m0": 48000000, "itsybitsy_m4": 120000000}[board]
        assert f"app: running on samd {hz}" in out
        assert "slept ok: True" in out
        assert "uid bytes: 16" in out
        assert "led: 1 Pin('PA17', mode=Pin.OUT)" in out and "led toggled: 0" in out
        assert "button pulled up: 1 True" in out and "button pulled down: 0" in out
        assert out.count("bad pin:") == 4
        assert f"UART({uart_id}, baudrate=115200, bits=8, parity=None, stop=1)" in out
        assert "sent: 5" in out and "looped back: b'ping\\n' 0" in out
        assert f"after deinit: UART({uart_id}) is deinitialised" in out
        assert f"console: UART({console}) is the console" in out
        assert "hello, Ada" in out
        assert "interrupted" in out
        assert "ValueError: boom" in out
        assert result.status == 1

    def test_timeout_is_not_success(self, default_build: Path) -> None:
        # At a terminal (batch=False) the default image waits for Ctrl-D after main.py:
        # only --timeout ends the run.
        assert CpuRunner(default_build).run(timeout=2, batch=False) == 124


# Every n-th program of the corpus sample: the SAMD21's 248 KiB of flash hold fewer (the
# feather_m0's one in 20, 17 programs, was 340 B over once the core grew by 2.9 KiB on
# 2026-12-07, with RANGE_BIG and MEMORYVIEW_CAST already off there: one in 19, 15 programs).
CORPUS_EVERY = {"feather_m0": 19, "itsybitsy_m4": 5}


def test_corpus_sample_matches_the_host(board: str, tmp_path: Path) -> None:
    """Frozen corpus programs (those the board's features allow) print on the CPU-level
    runner exactly what the host port prints."""
    # (the Feather M0's sample without the compiler: its REPL takes the flash the programs need)
    fragments = (no_compiler_fragment(),) if board == "feather_m0" else ()
    if fragments:
        config = board_config(board, fragments)
    else:
        config = config_of(build_firmware(board, "default")[0])
    app = tmp_path / "app"
    names = write_corpus_app(app, corpus_sample(config, every=CORPUS_EVERY[board]))
    build_dir, _ = build_firmware(board, "corpus", (semihosting_fragment(), *fragments), app=app)
    result = boot(runner_command(build_dir), timeout=300)
    expected = host_output(app, tmp_path / "host")
    assert result.status == 0, result.transcript[-2000:]
    assert len(names) >= 15
    assert_same_as_host(result.transcript, expected)


def test_kbd_intr_on_the_feather_m0(tmp_path: Path) -> None:
    """micropython.kbd_intr() on the SERCOM console's receive interrupt (SAMD21): with -1
    Ctrl-C is a byte stdin reads; with 7 Ctrl-C is no interrupt and the bell is."""
    from test_nrf import KBD_INTR_APP, check_kbd_intr_app

    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(KBD_INTR_APP)
    build_dir, _ = build_firmware("feather_m0", "kbd_intr", (semihosting_fragment(),), app=app)
    with Emulator(runner_command(build_dir), timeout=60) as emu:
        check_kbd_intr_app(emu)
