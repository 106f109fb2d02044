"""`mpforge monitor --port PORT [--baud N]`: a serial terminal on a real board's console.

pyserial's miniterm does the work: the terminal is raw, every key (Ctrl-C included) goes to
the board, what the board sends is shown as UTF-8, and Ctrl-] leaves (Ctrl-T is miniterm's
menu key). Any port pyserial opens works: /dev/ttyACM0, /dev/ttyUSB0, a /dev/pts/N of
`mpforge run --console pty` or `mpforge debug`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys

from mpforge.commands.common import positive_int
from mpforge.errors import MpforgeError

EXIT_KEY = "\x1d"  # Ctrl-]
MENU_KEY = "\x14"  # Ctrl-T
DEFAULT_BAUD = 115200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", required=True, help="the serial port, e.g. /dev/ttyACM0 or /dev/pts/3"
    )
    parser.add_argument(
        "--baud",
        type=positive_int,
        default=DEFAULT_BAUD,
        help=f"baud rate (default {DEFAULT_BAUD}, the console rate of every board here)",
    )


def _raw_console() -> object:
    """miniterm's POSIX console, but raw as a board expects its terminal: Enter sends CR
    and Backspace DEL as typed (miniterm's own turns CR into LF and DEL into BS)."""
    import termios

    from serial.tools.miniterm import Console

    class RawConsole(Console):
        def setup(self) -> None:
            super().setup()
            attrs = termios.tcgetattr(self.fd)
            attrs[0] &= ~(termios.ICRNL | termios.INLCR | termios.IXON)
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)

        def getkey(self) -> str:
            return self.enc_stdin.read(1)

    return RawConsole()


def run(args: argparse.Namespace) -> int:
    try:
        import serial
        from serial.tools.miniterm import Miniterm
    except ImportError:
        raise MpforgeError(
            "the Python package pyserial is not installed; install mpforge's dependencies "
            "(`pip install mpforge` or tools/bootstrap.sh)"
        ) from None
    if not sys.stdin.isatty():
        raise MpforgeError("mpforge monitor needs a terminal (standard input is not one)")
    try:
        port = serial.serial_for_url(args.port, args.baud, do_not_open=True)
        port.open()
    except (serial.SerialException, ValueError, OSError) as e:
        raise MpforgeError(
            f"cannot open serial port {args.port}: {e} (is the board plugged in? "
            "`ls /dev/ttyACM* /dev/ttyUSB*` lists the ports)"
        ) from None
    term = Miniterm(port, echo=False, eol="lf", filters=["direct"])
    term.console = _raw_console()
    term.exit_character = EXIT_KEY
    term.menu_character = MENU_KEY
    term.raw = True
    term.set_rx_encoding("UTF-8")
    term.set_tx_encoding("UTF-8")
    term.start()  # the terminal is raw from here on: say so only now (keys typed earlier
    # would meet the cooked terminal, where Ctrl-C is a signal)
    # one write: the board's output, shown from the reader thread, must not land inside it
    sys.stderr.write(
        f"note: monitor on {args.port} at {args.baud} baud; leave with Ctrl-] "
        "(Ctrl-T Ctrl-H: miniterm's menu)\n"
    )
    sys.stderr.flush()
    with contextlib.suppress(KeyboardInterrupt):
        term.join(True)
    term.join()
    term.close()
    return 0
