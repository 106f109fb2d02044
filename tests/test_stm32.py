"""The STM32 port: all boards build with arm-none-eabi-gcc into .elf/.bin/.hex/.dfu with a
size report; on netduinoplus2 in QEMU the hardware layer (console, ring buffer, Ctrl-C,
SysTick, fault handler, semihosting exit) and the firmware running frozen code work."""

from __future__ import annotations

import shutil
import subprocess
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
from emulator import Emulator, boot, qemu_command
from intelhex import IntelHex

from mpforge import paths
from mpforge.build import scons_command
from mpforge.config.view import read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.flash import flash_command
from mpforge.images import elf

BOARDS = ("netduinoplus2", "pyboard_v11", "nucleo_f411re")
SELFTEST = paths.ROOT / "ports/stm32/selftest.conf"


@pytest.fixture(scope="module")
def selftest() -> Path:
    """netduinoplus2 with the hardware self-test as main and semihosting exit."""
    return build_firmware("netduinoplus2", "selftest", (SELFTEST,))[0]


class TestBuild:
    @pytest.mark.parametrize("board", BOARDS)
    def test_images_and_size_report(self, board: str) -> None:
        build_dir, _ = build_firmware(board, f"hal_{board}", (SELFTEST,))
        view = read_dotconfig(board, build_dir / ".config")
        flash_size = view.int("FLASH_SIZE")
        # The size report: written by the build and printed only when it links, so a
        # re-run over an existing build directory reads it from the file.
        report = (build_dir / "firmware.size").read_text()
        assert f"{board}: text " in report
        assert f"of {flash_size} bytes" in report and "RAM " in report
        # The linker script is generated from the config's memory map.
        ldscript = (build_dir / "gen/firmware.ld").read_text()
        assert f"ORIGIN = 0x08000000, LENGTH = 0x{flash_size:x}" in ldscript
        # .bin, .hex and .dfu hold the same bytes at the flash base.
        binary = (build_dir / "firmware.bin").read_bytes()
        hexed = IntelHex(str(build_dir / "firmware.hex"))
        assert hexed.minaddr() == 0x08000000
        assert hexed.tobinstr(start=0x08000000, size=len(binary)) == binary
        dfu = (build_dir / "firmware.dfu").read_bytes()
        assert dfu.startswith(b"DfuSe") and binary in dfu
        # The vector table: initial SP at the top of SRAM, reset handler in flash (Thumb).
        sp, reset = int.from_bytes(binary[0:4], "little"), int.from_bytes(binary[4:8], "little")
        assert sp == 0x20000000 + view.int("RAM_SIZE")
        assert 0x08000000 < reset < 0x08000000 + flash_size and reset & 1

    def test_size_figures_match_arm_none_eabi_size(self, selftest: Path) -> None:
        from mpforge.images.size import report

        rep = report(elf.read(selftest / "firmware.elf"), 1 << 20, 128 << 10)
        out = subprocess.run(
            ["arm-none-eabi-size", selftest / "firmware.elf"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        text, data, bss = (int(x) for x in out.splitlines()[1].split()[:3])
        assert (rep.text, rep.data, rep.bss) == (text, data, bss)

    def test_flash_without_the_tool_says_what_to_install(
        self, selftest: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        view = read_dotconfig("netduinoplus2", selftest / ".config")
        monkeypatch.setattr(shutil, "which", lambda _name: None)
        with pytest.raises(
            MpforgeError, match=r"dfu-util not found: install Debian package dfu-util"
        ):
            flash_command(selftest, view)
        monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
        cmd = flash_command(selftest, view)
        assert cmd == [
            "dfu-util",
            "-a",
            "0",
            "-d",
            "0483:df11",
            "-D",
            str(selftest / "firmware.dfu"),
        ]
        cmd = flash_command(selftest, view, "pyocd")
        assert cmd[:3] == ["pyocd", "flash", "-t"] and cmd[-1].endswith("firmware.hex")


class TestHardwareLayerInQemu:
    """The self-test firmware: the port without the Python core."""

    def test_run_command_is_the_documented_one(self, selftest: Path) -> None:
        assert qemu_command(selftest) == [
            "qemu-system-arm", "-M", "netduinoplus2", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
            "-kernel", str(selftest / "firmware.elf"),
        ]  # fmt: skip

    def test_boots_and_systick_advances(self, selftest: Path) -> None:
        result = boot(qemu_command(selftest), [("ready\n", "ticks\r"), ("ticks ", "exit 0\r")])
        assert result.status == 0
        assert "self-test: STM32F405RG HCLK 168000000 Hz" in result.transcript
        slept = int(result.transcript.split("advanced ticks by ")[1].split()[0])
        assert 100 <= slept <= 110
        assert int(result.transcript.split("\nticks ")[1].split()[0]) >= 100

    def test_console_input_reaches_the_ring_buffer(self, selftest: Path) -> None:
        with Emulator(qemu_command(selftest)) as emu:
            emu.expect("ready\n")
            emu.send("hello, board\r")
            emu.expect("echo: hello, board\n")
            # A burst larger than one line, typed at once, arrives whole and in order.
            lines = [f"line {i} " + "x" * 20 for i in range(6)]
            emu.send("".join(line + "\r" for line in lines))
            for line in lines:
                emu.expect(f"echo: {line}\n")
            emu.send("exit 0\r")
            assert emu.wait() == 0

    def test_ctrl_c_is_not_buffered_but_signalled(self, selftest: Path) -> None:
        result = boot(
            qemu_command(selftest), [("ready\n", "ab\x03cd\r"), ("echo: abcd\n", "exit 0\r")]
        )
        assert "^C\n" in result.transcript and result.status == 0

    def test_semihosting_exit_status(self, selftest: Path) -> None:
        assert boot(qemu_command(selftest), [("ready\n", "exit 42\r")]).status == 42

    def test_fault_handler_prints_registers(self, selftest: Path) -> None:
        result = boot(qemu_command(selftest), [("ready\n", "fault\r")])
        assert result.status == 3
        assert "*** FATAL: UsageFault" in result.transcript
        for reg in ("r0 =0x", "pc =0x08", "xpsr=0x", "cfsr=0x00010000"):  # UNDEFINSTR
            assert reg in result.transcript


APP = """\
import sys
import time
print("app: running on", sys.platform)
name = input("name? ")
print("hello,", name)
t0 = time.ticks_ms()
time.sleep_ms(50)
dt = time.ticks_diff(time.ticks_ms(), t0)
print("slept ok:", 50 <= dt < 100)
try:
    big = bytearray(1 << 20)
except MemoryError:
    print("MemoryError survived")
print("still alive", sum(range(10)))


def fail():
    raise ValueError("boom")


fail()
"""


class TestFirmwareInQemu:
    """The real firmware: the core running frozen code (needs py/ to build for ARM)."""

    def test_frozen_main_prints(self) -> None:
        build_dir, _ = build_firmware("netduinoplus2", "default", (semihosting_fragment(),))
        result = boot(qemu_command(build_dir), timeout=30)
        assert "mpforge: frozen main.py running on stm32" in result.transcript
        assert "sum of squares 1..10 = 385" in result.transcript
        assert result.status == 0

    def test_input_time_memoryerror_and_traceback(self, tmp_path: Path) -> None:
        app = tmp_path / "app"
        app.mkdir()
        (app / "main.py").write_text(APP)
        build_dir, _ = build_firmware("netduinoplus2", "app", (semihosting_fragment(),), app=app)
        result = boot(qemu_command(build_dir), [("name? ", "Ada\r")], timeout=30)
        out = result.transcript
        assert "app: running on stm32" in out
        assert "hello, Ada" in out
        assert "slept ok: True" in out
        assert "MemoryError survived" in out and "still alive 45" in out
        assert "Traceback (most recent call last):" in out and "ValueError: boom" in out
        assert result.status == 1

    def test_board_stays_responsive_after_an_exception(self, tmp_path: Path) -> None:
        app = tmp_path / "app"
        app.mkdir()
        (app / "main.py").write_text('print("run")\nraise OSError("gone")\n')
        build_dir, _ = build_firmware("netduinoplus2", "responsive", app=app)
        with Emulator(qemu_command(build_dir), timeout=30) as emu:
            emu.expect("OSError: gone")
            emu.expect(">>> ")  # the REPL (CONFIG_REPL); Ctrl-D soft-resets
            emu.send("\x04")
            emu.expect("run\n")
            emu.expect("OSError: gone")


def test_corpus_sample_on_the_board_matches_the_host(tmp_path: Path) -> None:
    """The same frozen corpus programs print the same on netduinoplus2 (in QEMU) as on the
    host port: the core behaves the same on a 32-bit Cortex-M4 with single-word objects."""
    app = tmp_path / "app"
    names = write_corpus_app(app, corpus_sample("netduinoplus2"))
    board_dir, _ = build_firmware("netduinoplus2", "corpus", (semihosting_fragment(),), app=app)
    result = boot(qemu_command(board_dir), timeout=120)
    expected = host_output(app, tmp_path / "host")
    assert result.status == 0, result.transcript[-2000:]
    assert len(names) >= 40
    assert_same_as_host(result.transcript, expected)


def test_app_larger_than_flash_names_its_data(tmp_path: Path) -> None:
    # 12 strings of 90-180 KB: the frozen data alone exceed the 1 MiB of flash.
    app = tmp_path / "app"
    app.mkdir()
    lines = [f"D{i} = {str(i) * 90000!r}" for i in range(12)]
    (app / "main.py").write_text("\n".join([*lines, "print(len(D0))", ""]))
    cmd = scons_command("netduinoplus2", tmp_path / "build", app=app)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    # Every error: goes to stderr, the SCons tools' too.
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "board netduinoplus2: image larger than flash" in errors[0]
    assert "bytes over. Largest components: frozen main " in errors[0]
    assert "Largest symbols: frozen_main_str" in errors[0]
    assert not (tmp_path / "build" / "firmware.bin").exists()


def test_a_usart_pin_that_is_no_pin_name_stops_the_build(tmp_path: Path) -> None:
    # A bad name is refused at its fragment line (the Kconfig string's format check), not a
    # pin left unconfigured.
    fragment = tmp_path / "pin.conf"
    fragment.write_text('CONFIG_STM32_UART1_TX_PIN="PA16"\n')
    cmd = scons_command("netduinoplus2", tmp_path / "build", (fragment,))
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert proc.stderr.startswith(
        f'error: {fragment}:1: CONFIG_STM32_UART1_TX_PIN="PA16" is not allowed'
    )
    assert "use a pin name PA0 to PH15" in proc.stderr, proc.stderr[-2000:]
    assert not (tmp_path / "build" / "firmware.elf").exists()
