"""`mpforge`: the command-line front end. Each command lives in mpforge/commands/<name>.py.

A command module defines NAME, HELP, add_arguments(parser) and run(args) -> exit code.
User mistakes arrive as MpforgeError and are printed as one `error:` line.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from mpforge import __version__
from mpforge.errors import MpforgeError

COMMANDS = (
    "boards",
    "build",
    "run",
    "flash",
    "menuconfig",
    "guiconfig",
    "savedefconfig",
    "config",
    "verify",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mpforge",
        description="Configure, freeze and build firmware for a small Python interpreter.",
    )
    parser.add_argument("--version", action="version", version=f"mpforge {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"mpforge.commands.{name}")
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except MpforgeError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
