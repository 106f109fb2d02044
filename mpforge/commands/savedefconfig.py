"""`mpforge savedefconfig`: write the minimal defconfig that reproduces the board's .config;
with --fragment, only the difference from the board's defconfig and fragments (an app.conf)."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from mpforge.commands.common import add_board, add_fragments, resolve_board, use_build_inputs
from mpforge.config.pathvalues import relative_to_output
from mpforge.config.savefragment import fragment_text
from mpforge.errors import MpforgeError
from mpforge.textfile import show, write_if_changed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where to write it (default: BUILD_DIR/defconfig, with --fragment "
        "BUILD_DIR/fragment.conf)",
    )
    parser.add_argument(
        "--fragment",
        action="store_true",
        help="write only the difference from the board's defconfig and the fragments "
        "(what an app.conf holds; `# CONFIG_X is not set` for what was switched off)",
    )


def run(args: argparse.Namespace) -> int:
    if args.output is not None:
        check_output(args.output)
    use_build_inputs(args, "savedefconfig")
    resolution = resolve_board(args)
    if args.fragment:
        output = args.output or resolution.inputs.build_dir / "fragment.conf"
        text = fragment_text(resolution, output.parent)
        what = "configuration fragment"
    else:
        output = args.output or resolution.inputs.build_dir / "defconfig"
        text = resolution.kconf._min_config_contents(header="")
        what = "minimal configuration"
        inputs = resolution.inputs
        text = relative_to_output(text, output.parent, inputs.app, inputs.root)
    if args.output is None:
        output.parent.mkdir(parents=True, exist_ok=True)  # the build directory
    write_if_changed(output, text)
    print(f"{what} written to {output}")
    return 0


def check_output(output: Path) -> None:
    """-o must name a file in an existing directory; checked before resolving. A missing
    directory is refused, never made (as kconfiglib's savedefconfig and `make savedefconfig
    O=...` do): a typo in it would otherwise leave the file where nobody looks."""
    if output.is_dir():
        raise MpforgeError(
            f"-o {show(output)} is a directory; name a file (e.g. {output}/x_defconfig)"
        )
    if output.exists() and not output.is_file():
        raise MpforgeError(f"-o {show(output)} is not a regular file")
    if output.is_file():  # `-o mpforge.toml` or `-o main.py` replaced the file without a word
        _check_is_a_configuration(output)
    parent = output.absolute().parent
    missing = None
    while not parent.exists():
        parent, missing = parent.parent, parent
    if not parent.is_dir():
        raise MpforgeError(f"-o {show(output)}: {show(parent)} is a file, not a directory")
    if missing is not None:
        raise MpforgeError(
            f"-o {show(output)}: the directory {show(missing)} does not exist; create it "
            f"(mkdir -p {show(output.absolute().parent)}) or name a file in an existing directory"
        )
    if not os.access(parent, os.W_OK):
        raise MpforgeError(f"-o {show(output)}: {show(parent)} is not writable")


# What a defconfig or fragment holds: blanks, comments, CONFIG_X=value lines.
_CONFIG_LINE = re.compile(r"\s*(#.*)?|CONFIG_\w+=.*")


def _check_is_a_configuration(output: Path) -> None:
    """An existing -o file is overwritten only when it holds a configuration already."""
    try:
        lines = output.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError:
        lines = ["(binary or not UTF-8)"]
    except OSError as e:
        raise MpforgeError(f"-o {show(output)}: cannot be read ({e.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not _CONFIG_LINE.fullmatch(line):
            raise MpforgeError(
                f"-o {show(output)}:{number}: not a Kconfig line ({line[:40]!r}): the file is no "
                "defconfig or fragment, and writing would replace it; name a new file or a "
                "configuration file"
            )
