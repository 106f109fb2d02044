"""`mpforge savedefconfig`: write the minimal defconfig that reproduces the board's .config."""

from __future__ import annotations

import argparse
from pathlib import Path

from mpforge.commands.common import add_board, add_fragments, build_dir, resolve_board


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument(
        "-o", "--output", type=Path, help="where to write it (default: BUILD_DIR/defconfig)"
    )


def run(args: argparse.Namespace) -> int:
    resolution = resolve_board(args)
    output = args.output or build_dir(args) / "defconfig"
    output.parent.mkdir(parents=True, exist_ok=True)
    resolution.kconf.write_min_config(str(output), header="")
    print(f"minimal configuration written to {output}")
    return 0
