"""machine.UART and machine.Pin on netduinoplus2 in QEMU, with frozen test code.

QEMU models the STM32F405's USARTs (serial_hd(i) is USART i+1: the console USART1 is
serial0, so USART2 is the second `-serial`, here a pair of FIFOs), so UART bytes are
checked end to end in both directions. It models no GPIO and no RCC: both are
"unimplemented devices" whose accesses `-d unimp` logs (reads return 0), so the Pin
tests check the register writes each call makes, in order, and that an input reads 0.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from boards import build_firmware, semihosting_fragment
from emulator import Emulator, SerialPipe, qemu_command

APP = """\
import sys
import time
from machine import Pin, UART


def wait_any(u, n):
    t0 = time.ticks_ms()
    while u.any() < n:
        if time.ticks_diff(time.ticks_ms(), t0) > 10000:
            print("stuck with", u.any())
            sys.exit(2)
        time.sleep_ms(1)


def uart_test():
    u = UART(2, 115200)
    print("repr", u)
    print("empty", u.any(), u.read(), u.readline(), u.readinto(bytearray(4)))
    print("wrote", u.write(b"ping\\x00\\xff\\r\\n"), u.write("text"))
    u.flush()
    print("txdone", u.txdone())
    try:
        import select
    except ImportError:
        select = None
    if select is not None:
        p = select.poll()
        p.register(u, select.POLLIN | select.POLLOUT)
        print("poll idle", [(o is u, e) for o, e in p.poll(0)])
    print("send lines")
    wait_any(u, 21)
    print("any", u.any())
    if select is not None:
        print("poll data", [(o is u, e) for o, e in p.poll(0)])
    print("line", u.readline())
    print("line", u.readline())
    buf = bytearray(8)
    print("into", u.readinto(buf), bytes(buf))
    print("rest", u.read())
    u.init(9600, 8, 0, 2, timeout=200)
    print("repr", u)
    t0 = time.ticks_ms()
    r = u.read(4)
    dt = time.ticks_diff(time.ticks_ms(), t0)
    print("timeout", r, 200 <= dt < 2000)
    u.init(115200, timeout=10000)
    print("send echo")
    if select is not None:  # select waits on the UART until the first byte arrives
        print("select", select.select([u], [], [], 10) == ([u], [], []))
    line = u.readline()
    u.write(b"echo: " + line.upper())
    for args in ((1,), (7,), (0,), (2, 115200, 7), (2, 115200, 8, 2), (2, 10), (2, 9600, 8, None, 3)):
        try:
            UART(*args)
        except ValueError as e:
            print("ValueError", e)
    try:
        UART(2, rxbuf=5000)
    except ValueError as e:
        print("ValueError", e)
    try:
        UART(2, baud=9600)
    except TypeError as e:
        print("TypeError", e)
    print("same", UART(2) is u, u)
    u.init(115200, timeout=60000)
    try:
        print("blocked")
        u.read(1)
    except KeyboardInterrupt:
        print("Ctrl-C interrupts a UART read")
    u.init(115200, rxbuf=16)
    print("send burst")
    wait_any(u, 16)
    time.sleep_ms(20)
    print("capped", u.any(), u.read(16))
    u.deinit()
    print("deinit", u, u.any())
    try:
        u.write(b"x")
    except OSError as e:
        print("OSError", e)


def pin_test():
    p = Pin("PA5", Pin.OUT)
    p.on()
    p.off()
    p.toggle()
    p.value(0)
    print("out", p, p.mode() == Pin.OUT, p.pull())
    q = Pin("PC13", Pin.IN, Pin.PULL_DOWN)
    print("in", q, q.value(), q())
    Pin("PB7", Pin.OPEN_DRAIN, value=1)
    r = Pin("PD2", Pin.ALT, alt=8)
    print("alt", r)
    r.init(Pin.ANALOG)
    q.pull(Pin.PULL_UP)
    print("pull", q.pull() == Pin.PULL_UP, q)
    for args in (("PZ1",), ("PA16",), ("PA5", 7), ("PA5", Pin.IN, 5)):
        try:
            Pin(*args)
        except ValueError as e:
            print("ValueError", e)
    try:
        Pin("PA5", Pin.IN, speed=1)
    except TypeError as e:
        print("TypeError", e)


test = input("test? ")
if test == "uart":
    uart_test()
elif test == "pin":
    pin_test()
print("done")
"""

LOG_LINE = re.compile(
    r"^(\w+): unimplemented device (read|write)\s*\(size 4, offset (0x[0-9a-f]+)"
    r"(?:, value (0x[0-9a-f]+))?\)$"
)


def writes(log: Path) -> list[tuple[str, int, int]]:
    """The (device, offset, value) of every logged write to an unmodelled device."""
    found = []
    for line in log.read_text().splitlines():
        m = LOG_LINE.match(line)
        if m and m[2] == "write":
            found.append((m[1], int(m[3], 16), int(m[4], 16)))
    return found


def reads(log: Path) -> list[tuple[str, int]]:
    return [
        (m[1], int(m[3], 16))
        for m in map(LOG_LINE.match, log.read_text().splitlines())
        if m and m[2] == "read"
    ]


def contains_run(items: list, run: list) -> bool:
    """True if `run` occurs in `items` as consecutive elements."""
    return any(items[i : i + len(run)] == run for i in range(len(items) - len(run) + 1))


@pytest.fixture(scope="module")
def firmware(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The periph app built for netduinoplus2 with semihosting exit, copied (image and
    config, what the runner reads) to this worker's own directory."""
    app = tmp_path_factory.mktemp("periph_app")
    (app / "main.py").write_text(APP)
    mine = tmp_path_factory.mktemp("periph_fw")
    fragments = (semihosting_fragment(),)
    return build_firmware("netduinoplus2", "periph", fragments, app=app, copy_to=mine)[0]


# RCC (0x40023800) registers and GPIO register offsets, as RM0090 7.3 and 8.4 give them.
AHB1ENR, APB1ENR = 0x30, 0x40
MODER, OTYPER, OSPEEDR, PUPDR, IDR, ODR, BSRR, AFRL = 0x0, 0x4, 0x8, 0xC, 0x10, 0x14, 0x18, 0x20


def test_uart2_sends_and_receives_through_a_second_serial_port(
    firmware: Path, tmp_path: Path
) -> None:
    log = tmp_path / "unimp.log"
    burst = b"0123456789abcdefghijklmnopqrstuvwxyzABCD"
    with SerialPipe() as uart2:
        command = qemu_command(firmware, serials=[uart2.backend], unimp_log=log)
        assert contains_run(command, ["-serial", "stdio", "-serial", uart2.backend])
        with Emulator(command, timeout=30) as emu:
            emu.expect("test? ")
            emu.send("uart\r")
            emu.expect("send lines\n")
            # What the board wrote arrived, bytes exactly (no "\n" -> "\r\n" cooking).
            assert uart2.expect(b"text") == b"ping\x00\xff\r\ntext"
            uart2.send(b"line one\nline two\n\x01\x02\x03")
            emu.expect("send echo\n")
            uart2.send(b"hello\n")
            assert uart2.expect(b"\n") == b"echo: HELLO\n"
            emu.expect("blocked\n")
            emu.send("\x03")
            emu.expect("send burst\n")
            uart2.send(burst)
            status = emu.wait()
            out = emu.transcript
    assert status == 0, out
    assert "repr UART(2, baudrate=115200, bits=8, parity=None, stop=1)\n" in out
    # Nothing received yet: any() is 0 and reads time out (timeout=0) with None.
    assert "empty 0 None None None\n" in out
    assert "wrote 8 4\n" in out and "txdone True\n" in out
    assert "any 21\n" in out
    assert "line b'line one\\n'\nline b'line two\\n'\n" in out
    assert "into 3 b'\\x01\\x02\\x03\\x00\\x00\\x00\\x00\\x00'\n" in out
    assert "rest None\n" in out
    assert "repr UART(2, baudrate=9600, bits=8, parity=0, stop=2)\n" in out
    assert "timeout None True\n" in out
    if "poll idle" in out:  # select exists in this build: the type's poll slot answers
        assert "poll idle [(True, 4)]\n" in out and "poll data [(True, 5)]\n" in out
        assert "select True\n" in out
    assert "Ctrl-C interrupts a UART read\n" in out
    errors = [line for line in out.splitlines() if line.startswith(("ValueError", "TypeError"))]
    assert errors == [
        "ValueError UART(1) is the console (CONFIG_STM32_CONSOLE_USART): use sys.stdin and "
        "sys.stdout",
        "ValueError UART(7) does not exist on the STM32F405RG",
        "ValueError UART(0) does not exist on the STM32F405RG",
        "ValueError UART(2): bits must be 8 without parity",
        "ValueError invalid UART argument (parity: None, 0 even or 1 odd; rxbuf >= 1)",
        "ValueError UART(2): baudrate out of range for this bus clock",
        "ValueError invalid UART argument (parity: None, 0 even or 1 odd; rxbuf >= 1)",
        "ValueError UART(2): rxbuf larger than the static buffer (CONFIG_STM32_UART_RX_BUFFER)",
        "TypeError 'baud' is an invalid keyword argument for UART()",
    ]
    # A failed init changed nothing; UART(id) alone returns the same, open object.
    assert "same True UART(2, baudrate=115200, bits=8, parity=None, stop=1)\n" in out
    # rxbuf=16: the ring keeps the first 16 bytes of a 40-byte burst and drops the rest.
    assert f"capped 16 {burst[:16]!r}\n" in out
    assert "deinit UART(2) 0\n" in out
    assert "OSError UART(2) is deinitialised; call init()\n" in out
    # Set-up on the (unmodelled) RCC and GPIO: USART2's clock, PA2/PA3 as AF7, RX
    # pulled up; deinit stops the clock again.
    w = writes(log)
    assert contains_run(
        w,
        [
            ("RCC", APB1ENR, 1 << 17),
            ("RCC", AHB1ENR, 1 << 0),
            ("GPIOA", OTYPER, 0),
            ("GPIOA", AFRL, 7 << 8),
            ("GPIOA", OSPEEDR, 2 << 4),
            ("GPIOA", PUPDR, 0),
            ("GPIOA", MODER, 2 << 4),
            ("RCC", AHB1ENR, 1 << 0),
            ("GPIOA", OTYPER, 0),
            ("GPIOA", AFRL, 7 << 12),
            ("GPIOA", OSPEEDR, 2 << 6),
            ("GPIOA", PUPDR, 1 << 6),
            ("GPIOA", MODER, 2 << 6),
        ],
    ), w
    assert w[-1] == ("RCC", APB1ENR, 0)


def test_pin_register_writes(firmware: Path, tmp_path: Path) -> None:
    log = tmp_path / "unimp.log"
    with Emulator(qemu_command(firmware, unimp_log=log), timeout=30) as emu:
        emu.expect("test? ")
        emu.send("pin\r")
        status = emu.wait()
        out = emu.transcript
    assert status == 0, out
    assert "out Pin('PA5', mode=Pin.OUT) True None\n" in out
    # Inputs read IDR, which reads 0 in QEMU (no GPIO model): value() and pin() say 0.
    assert "in Pin('PC13', mode=Pin.IN, pull=Pin.PULL_DOWN) 0 0\n" in out
    assert ("GPIOC", IDR) in reads(log)
    assert "alt Pin('PD2', mode=Pin.ALT, alt=8)\n" in out
    assert "pull True Pin('PC13', mode=Pin.IN, pull=Pin.PULL_UP)\n" in out
    errors = [line for line in out.splitlines() if line.startswith(("ValueError", "TypeError"))]
    assert errors == [
        "ValueError invalid pin name 'PZ1' (expected e.g. 'PA5')",
        "ValueError invalid pin name 'PA16' (expected e.g. 'PA5')",
        "ValueError invalid Pin mode",
        "ValueError Pin pull must be None, Pin.PULL_UP or Pin.PULL_DOWN",
        "TypeError 'speed' is an invalid keyword argument for Pin()",
    ]
    # Every call's register writes, in order. The port's clock is enabled in RCC_AHB1ENR
    # first; read-modify-writes show only the pin's own bits, since reads return 0.
    expected = [
        # Pin("PA5", Pin.OUT): push-pull, no pull, MODER5 = 01
        ("RCC", AHB1ENR, 1 << 0),
        ("GPIOA", OTYPER, 0),
        ("GPIOA", PUPDR, 0),
        ("GPIOA", MODER, 1 << 10),
        ("GPIOA", BSRR, 1 << 5),  # on(): set bit 5
        ("GPIOA", BSRR, 1 << 21),  # off(): reset bit 5 (16 + 5)
        ("GPIOA", BSRR, 1 << 5),  # toggle(): ODR read 0, so set
        ("GPIOA", BSRR, 1 << 21),  # value(0)
        # Pin("PC13", Pin.IN, Pin.PULL_DOWN): PUPDR13 = 10, MODER13 = 00
        ("RCC", AHB1ENR, 1 << 2),
        ("GPIOC", OTYPER, 0),
        ("GPIOC", PUPDR, 2 << 26),
        ("GPIOC", MODER, 0),
        # Pin("PB7", Pin.OPEN_DRAIN, value=1): the level is set before the pin drives
        ("GPIOB", BSRR, 1 << 7),
        ("RCC", AHB1ENR, 1 << 1),
        ("GPIOB", OTYPER, 1 << 7),
        ("GPIOB", PUPDR, 0),
        ("GPIOB", MODER, 1 << 14),
        # Pin("PD2", Pin.ALT, alt=8): AFRL2 = 8, fast edges, MODER2 = 10
        ("RCC", AHB1ENR, 1 << 3),
        ("GPIOD", OTYPER, 0),
        ("GPIOD", AFRL, 8 << 8),
        ("GPIOD", OSPEEDR, 2 << 4),
        ("GPIOD", PUPDR, 0),
        ("GPIOD", MODER, 2 << 4),
        # r.init(Pin.ANALOG): MODER2 = 11
        ("RCC", AHB1ENR, 1 << 3),
        ("GPIOD", OTYPER, 0),
        ("GPIOD", PUPDR, 0),
        ("GPIOD", MODER, 3 << 4),
        # q.pull(Pin.PULL_UP): PUPDR13 = 01, the mode kept
        ("RCC", AHB1ENR, 1 << 2),
        ("GPIOC", OTYPER, 0),
        ("GPIOC", PUPDR, 1 << 26),
        ("GPIOC", MODER, 0),
    ]
    w = writes(log)
    assert w[-len(expected) :] == expected, w
