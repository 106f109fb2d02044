"""`mpforge menuconfig`: kconfiglib's terminal menuconfig on the board's .config.

Edits stay in the build directory's .config (and survive rebuilds), as `west build -t
menuconfig` keeps them in the build. Inside an application the settings can go into the
app's own app.conf, the file that travels with the app (as idf.py keeps sdkconfig in the
project): `--save-app-conf` writes them there without asking; otherwise, at a terminal,
menuconfig asks once the menu closes, when there are settings app.conf does not give yet.
app.conf then holds exactly the difference from the board's defconfig and fragments
(`savedefconfig --fragment`), and .config is rebuilt from it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from mpforge.commands.common import (
    add_board,
    add_fragments,
    config_inputs,
    resolve_board,
    use_build_inputs,
)
from mpforge.config.inputs import APP_FRAGMENT
from mpforge.config.resolve import DOTCONFIG, INPUTS_RECORD, resolve
from mpforge.config.savefragment import fragment_text
from mpforge.errors import MpforgeError
from mpforge.textfile import show, write_if_changed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument(
        "--save-app-conf",
        action="store_true",
        help=f"inside an app: write the settings into its {APP_FRAGMENT} when the menu closes "
        "(without asking)",
    )


def launch(args: argparse.Namespace, ui_module: str) -> int:
    """Resolve the board's .config, then hand it to kconfiglib's `ui_module` to edit and save."""
    save = getattr(args, "save_app_conf", False)
    if save and getattr(args, "app", None) is None:
        raise MpforgeError(
            f"--save-app-conf: no application here (no mpforge.toml, no --app DIR) to hold "
            f"an {APP_FRAGMENT}; use `mpforge savedefconfig --fragment -o FILE` instead"
        )
    use_build_inputs(args, "menuconfig")
    resolution = resolve_board(args)
    dotconfig = resolution.inputs.build_dir / DOTCONFIG
    os.environ["KCONFIG_CONFIG"] = str(dotconfig)
    importlib.import_module(ui_module).menuconfig(resolution.kconf)
    if args.app is not None and (save or _ask(args)):
        save_app_conf(args)
        return 0
    print(f"configuration: {dotconfig} (used by the next `mpforge build -b {args.board}`)")
    return 0


def _ask(args: argparse.Namespace) -> bool:
    if not sys.stdin.isatty():
        return False
    # Only settings that app.conf (with the other inputs) does not give yet are worth the
    # question: the menu quit unchanged asked it too.
    if not resolve(config_inputs(args), lambda _line: None).edits:
        return False
    target = show(args.app / APP_FRAGMENT)
    try:
        answer = input(f"save the settings into {target}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def save_app_conf(args: argparse.Namespace) -> None:
    """Write the difference from the board's inputs into APP/app.conf; the edits become it."""
    resolution = resolve_board(args)
    target = args.app / APP_FRAGMENT
    text = fragment_text(resolution, target.parent)
    header = (
        f"# {APP_FRAGMENT}: the app's settings over the board's defconfig (written by "
        "`mpforge menuconfig --save-app-conf`)\n"
    )
    write_if_changed(target, header + text)
    # The edits are now an input: .config is made again from the inputs alone.
    for name in (DOTCONFIG, INPUTS_RECORD):
        (resolution.inputs.build_dir / name).unlink(missing_ok=True)
    resolve_board(args)
    count = len(text.splitlines())
    print(f"{count} setting{'s' if count != 1 else ''} saved into {show(target)}")


def run(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty():
        raise MpforgeError("menuconfig needs a terminal; run it in an interactive shell")
    return launch(args, "menuconfig")
