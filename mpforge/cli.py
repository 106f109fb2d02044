"""`mpforge`: the command-line front end. Each command lives in mpforge/commands/<name>.py.

A command module defines add_arguments(parser) and run(args) -> exit code; its one-line
help is in COMMANDS. Only the command being run is imported, so start-up stays fast.
User mistakes arrive as MpforgeError and are printed as one `error:` line.
"""

from __future__ import annotations

import sys

try:  # a Ctrl-C while the console script imports this module: one line, no traceback
    import argparse
    import errno
    import importlib
    import re
    from typing import Any, NoReturn

    from mpforge import __version__, process
    from mpforge.errors import MpforgeError
except KeyboardInterrupt:
    print("interrupted", file=sys.stderr)
    raise SystemExit(130) from None

COMMANDS = {
    "init": "write an application skeleton (main.py, app.conf, mpforge.toml) here or in DIR",
    "boards": "list the boards: port, chip, flash, RAM, emulator",
    "build": "configure and build the firmware of a board",
    "run": "boot the built image; on the host port, optionally run FILE (.py or .mpy)",
    "flash": "program the built image into the board (dfu-util, pyocd, a UF2 copy, esptool...)",
    "monitor": "a serial terminal on a board's console (--port PORT [--baud N]; Ctrl-] leaves)",
    "debug": "debug the image with gdb-multiarch: in QEMU (-s -S), or on hardware via pyocd",
    "menuconfig": "edit the board's configuration in a terminal menu (edits survive rebuilds)",
    "guiconfig": "edit the board's configuration in a graphical window (needs Tk and a display)",
    "savedefconfig": "write a minimal defconfig for the current configuration",
    "config": "resolve the board's configuration (write .config and config.h); --explain a symbol",
    "size": "flash and RAM per component (py/ files, modules, port, frozen code, libraries)",
    "verify": "rebuild the board from scratch in a temporary directory and compare the images",
    "clean": "remove a build's objects and images (--pristine: the whole build directory)",
    "completion": "print a shell completion script (bash or zsh)",
}


class _Parser(argparse.ArgumentParser):
    """Usage mistakes end as one `error:` line too, like every other mistake. No abbreviated
    options (`--build-d` for `--build-dir`): a script using one would break, or change
    meaning, when an option is added that shares the prefix; the command parsers are of
    this class too (add_parser), so this holds for all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(
            2, f"error: {self.prog}: {message}{self._guess(message)} (see `{self.prog} --help`)\n"
        )

    def _guess(self, message: str) -> str:
        """A did-you-mean for a mistyped command, choice or option."""
        from mpforge.errors import did_you_mean

        if m := re.match(r"argument .*: invalid choice: '(.*)' \(choose from (.*)\)$", message):
            return did_you_mean(m.group(1), re.findall(r"'([^']*)'", m.group(2)))
        if m := re.match(r"unrecognized arguments: (-\S+)", message):
            return did_you_mean(m.group(1).partition("=")[0], self._options())
        return ""

    def _options(self) -> set[str]:
        """The option strings of this parser and of its commands' parsers."""
        found: set[str] = set()
        for action in self._actions:
            found.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                for parser in action.choices.values():
                    found.update(o for a in parser._actions for o in a.option_strings)
        return {o for o in found if o.startswith("--")}


def _parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mpforge",
        description="Configure, freeze and build firmware for a small Python interpreter.",
    )
    parser.add_argument("--version", action="version", version=f"mpforge {__version__}")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        dest="log_commands",
        help="print every tool mpforge runs (`+ command`) before it runs",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, text in COMMANDS.items():
        p = sub.add_parser(name, help=text, description=text)
        if name == chosen:
            module = importlib.import_module(f"mpforge.commands.{name}")
            module.add_arguments(p)
            p.set_defaults(run=module.run)
    return parser


# Commands that pass what follows `--` on to the tool they start (`mpforge run -b B -- ARGS`).
PASS_EXTRA = ("run", "debug")


def _split_extra(argv: list[str]) -> tuple[list[str], list[str] | None]:
    """Cut `-- ARGS` off a command of PASS_EXTRA: (argv before it, ARGS or None)."""
    chosen = next((a for a in argv if not a.startswith("-")), None)
    if chosen not in PASS_EXTRA or "--" not in argv:
        return argv, None
    cut = argv.index("--")
    return argv[:cut], argv[cut + 1 :]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    argv, extra = _split_extra(argv)
    try:
        # Importing the command's module takes most of the start-up: a Ctrl-C there is
        # `interrupted` too, not a traceback from inside the import system.
        args = _parser(argv).parse_args(argv)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    if extra is not None:
        args.extra = extra
    ending = process.end_on_signals()
    try:
        process.set_verbose(args.log_commands or getattr(args, "verbose", False))
        if hasattr(args, "board"):  # a command that works on one board's build
            from mpforge.commands.common import apply_project

            apply_project(args)
        return int(args.run(args))
    except process.Interrupted:
        print("interrupted", file=sys.stderr)
        return 130
    except MpforgeError as e:
        from mpforge.colour import RED, paint

        print(f"{paint('error:', RED, sys.stderr)} {e.message}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 141
    except OSError as e:  # the file system refused (full, read-only...): one line, no traceback
        # a full disk and no file named: what failed is writing the output (`> /dev/full`)
        full = e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
        where = f"{e.filename}: " if e.filename else "cannot write the output: " if full else ""
        print(f"error: {where}{e.strerror or e}", file=sys.stderr)
        return 1
    except process.Ended as e:  # SIGTERM, SIGHUP: the children are stopped, 128 + N
        return int(e.code or 1)
    finally:
        process.restore_signals(ending)
