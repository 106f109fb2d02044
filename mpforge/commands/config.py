"""`mpforge config`: resolve a board's configuration; `--explain SYMBOL` tells its story."""

from __future__ import annotations

import argparse
import sys

from mpforge.commands.common import add_board, add_fragments, resolve_board
from mpforge.config.explain import explain
from mpforge.config.resolve import DOTCONFIG
from mpforge.errors import MpforgeError
from mpforge.frozen.collect import collect


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    add_fragments(parser)
    parser.add_argument(
        "--explain", metavar="SYMBOL", help="value, origin, dependencies and how to change it"
    )


def run(args: argparse.Namespace) -> int:
    if args.explain is not None and not args.explain.strip():
        # An empty name (`--explain "$SYM"` with SYM unset) printed the plain configuration.
        raise MpforgeError("--explain needs a symbol name, e.g. `--explain HEAP_SIZE`")
    resolution = resolve_board(args)
    # What the build would freeze is checked too (manifests, packages, the app's files).
    frozen = collect(resolution.view, resolution.inputs.app)
    for line in frozen.notes:
        print(f"note: {line}", file=sys.stderr)
    if args.explain is not None:
        print(explain(resolution.kconf, args.explain, resolution.set_by, resolution.baseline))
    else:
        print(f"configuration: {resolution.inputs.build_dir / DOTCONFIG}")
    return 0
