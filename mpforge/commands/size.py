"""`mpforge size`: where the flash and RAM of a built image go, per component, and how it changed.

Components are the py/ files, each builtin module, the port, each frozen module, the C
libraries and what the linker reserves; read from the build's ELF and link map.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mpforge import symbolcost
from mpforge.build import run_scons_captured, scons_command
from mpforge.commands.common import add_board, build_dir, positive_int
from mpforge.config.resolve import build_first, require_config
from mpforge.errors import MpforgeError
from mpforge.images import elf as elffile
from mpforge.images.lto import linked_by_lto
from mpforge.images.lto import sources as lto_sources
from mpforge.images.size import Component, components, parse_map, report
from mpforge.images.treemap import page
from mpforge.textfile import close_names, show

BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_board(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--diff",
        type=Path,
        metavar="OTHER",
        help="compare with another build: its directory, its build-info.json, "
        "or a report saved with --json",
    )
    parser.add_argument(
        "--max-growth",
        type=_byte_count,
        metavar="BYTES",
        help="with --diff: exit with an error when flash grew by more than BYTES (0: any growth)",
    )
    parser.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="also write FILE: one self-contained page with treemaps of flash and RAM",
    )
    parser.add_argument(
        "--symbols",
        nargs="?",
        const="",
        metavar="SYM,SYM",
        help="the flash and RAM cost of every enabled Kconfig bool (or of those listed): the "
        "image rebuilt with each one off, results cached under BUILD_DIR/"
        f"{symbolcost.CACHE_DIR}",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=1,
        help="with --symbols: builds at once (default 1)",
    )


def _byte_count(text: str) -> int:
    """argparse type: a number of bytes, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of bytes (0 or more)")
    return int(text)


def measure(directory: Path, board: str) -> dict:
    """The size report of the image built in `directory`, as the --json output has it."""
    image = next(
        (directory / n for n in ("firmware.elf", "firmware") if (directory / n).is_file()), None
    )
    if image is None:
        raise MpforgeError(
            f"{show(directory)}: no built image (firmware.elf or firmware); "
            f"build it first with {build_first(directory, board)}"
        )
    with image.open("rb") as f:
        if f.read(4) != b"\x7fELF":
            raise MpforgeError(
                f"{image} is not an ELF image (board {board}): mpforge size measures what a "
                "linker placed in flash and RAM; a WebAssembly build has neither"
            )
    map_path = image.with_suffix(".map") if image.suffix else image.parent / "firmware.map"
    if not map_path.is_file():
        raise MpforgeError(f"{map_path}: link map missing; rebuild: mpforge build -b {board}")
    elf = elffile.read(image, native=image.suffix != ".elf")
    link_map = parse_map(map_path.read_text(encoding="utf-8", errors="replace"), str(map_path))
    frozen = directory / "gen" / "frozen.c"
    frozen_c = frozen.read_text(encoding="utf-8") if frozen.is_file() else None
    lto = lto_sources(image) if linked_by_lto(link_map.pieces) else None
    rep = report(elf, 0, 0)
    info = directory / "build-info.json"
    if info.is_file():
        board = json.loads(info.read_text(encoding="utf-8")).get("board", board)
    limits = {
        k: link_map.regions[r][1] if r in link_map.regions else None
        for k, r in (("flash", "FLASH"), ("ram", "RAM"))
    }
    return {
        "board": board,
        "image": image.name,
        "totals": {
            "text": rep.text,
            "data": rep.data,
            "bss": rep.bss,
            "flash": rep.flash_used,
            "ram": rep.ram_used,
        },
        "limits": limits,
        "components": [_as_dict(c) for c in components(elf, link_map, frozen_c, lto)],
    }


def _as_dict(c: Component) -> dict:
    return {
        "name": c.name,
        "group": c.group,
        "text": c.text,
        "data": c.data,
        "bss": c.bss,
        "flash": c.flash,
        "ram": c.ram,
    }


def load_other(path: Path, board: str) -> dict:
    """The report to compare with: a build directory, its build-info.json or saved --json output."""
    if path.is_dir():
        if not any((path / n).is_file() for n in ("firmware.elf", "firmware")):
            # It said "build it first with `mpforge build -b BOARD --build-dir OTHER`".
            raise MpforgeError(
                f"--diff {path}: no built image there (firmware.elf or firmware); give a build "
                "directory, its build-info.json or a report saved with `mpforge size --json`"
            )
        return measure(path, board)
    if not path.is_file():
        raise MpforgeError(
            f"--diff {path}: no such build directory or file{close_names(path, path.suffix == '')}"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise MpforgeError(
            f"--diff {path}: not JSON ({e}); give a build directory, "
            "its build-info.json or a report saved with `mpforge size --json`"
        ) from None
    if isinstance(data, dict) and isinstance(data.get("components"), list):
        return data
    if isinstance(data, dict) and "board" in data and "outputs" in data:  # build-info.json
        return measure(path.parent, str(data["board"]))
    raise MpforgeError(
        f"--diff {path}: neither a build-info.json nor a report saved with `mpforge size --json`"
    )


def diff(new: dict, old: dict) -> dict:
    """Flash and RAM change per component (changed ones only, largest first) and in total."""
    before = {c["name"]: c for c in old["components"]}
    after = {c["name"]: c for c in new["components"]}
    changes = []
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name, {}), after.get(name, {})
        d_flash = a.get("flash", 0) - b.get("flash", 0)
        d_ram = a.get("ram", 0) - b.get("ram", 0)
        if d_flash or d_ram:
            changes.append({"name": name, "flash": d_flash, "ram": d_ram})
    changes.sort(key=lambda c: (-abs(c["flash"]), -abs(c["ram"]), c["name"]))
    return {
        "flash": new["totals"]["flash"] - old["totals"]["flash"],
        "ram": new["totals"]["ram"] - old["totals"]["ram"],
        "components": changes,
    }


def _bar(used: int, limit: int | None) -> str:
    if not limit:
        return ""
    filled = min(
        BAR_WIDTH, -(-used * BAR_WIDTH // limit)
    )  # rounded up: nothing non-zero looks empty
    return "[" + "#" * filled + "." * (BAR_WIDTH - filled) + "]"


def _share(used: int, limit: int | None) -> str:
    return f"{100 * used / limit:5.1f}%" if limit else "      "


def table(rep: dict) -> str:
    """The plain-text report: totals with bars against the board's flash and RAM, then every
    component, its share of the limits, and a bar of its share of the image's flash."""
    t, lim = rep["totals"], rep["limits"]

    def of(used: int, limit: int | None) -> str:
        if not limit:
            return f"{used} bytes"
        return f"{used} of {limit} bytes ({100 * used / limit:.1f}%) {_bar(used, limit)}"

    lines = [
        f"{rep['board']}: text {t['text']}  data {t['data']}  bss {t['bss']}",
        f"{rep['board']}: flash {of(t['flash'], lim['flash'])}",
        f"{rep['board']}: RAM   {of(t['ram'], lim['ram'])}",
        "",
        f"{'component':<34}{'flash':>8} {'':6} {'RAM':>8} {'':6} share of the image's flash",
    ]
    for c in rep["components"]:
        lines.append(
            f"{c['name']:<34}{c['flash']:>8} {_share(c['flash'], lim['flash'])} "
            f"{c['ram']:>8} {_share(c['ram'], lim['ram'])} {_bar(c['flash'], t['flash'])}"
        )
    return "\n".join(lines)


def diff_table(d: dict, other: Path) -> str:
    lines = [f"against {other}: flash {d['flash']:+d} bytes, RAM {d['ram']:+d} bytes"]
    lines += [
        f"  {c['name']:<34}flash {c['flash']:+8d}  RAM {c['ram']:+8d}" for c in d["components"]
    ]
    return "\n".join(lines)


def _base(directory: Path, board: str, jobs: int) -> symbolcost.Base:
    """The base build of --symbols, brought up to date with the inputs it was built from."""
    args_file = directory / "build-args.json"
    if not args_file.is_file():
        raise MpforgeError(
            f"{directory}: no build-args.json (not a complete build); "
            f"build it first: mpforge build -b {board}"
        )
    recorded = json.loads(args_file.read_text(encoding="utf-8"))
    fragments = tuple(Path(f) for f in recorded.get("fragments", []))
    app = Path(recorded["app"]) if recorded.get("app") else None
    proc = run_scons_captured(scons_command(board, directory, fragments, jobs, app=app))
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:]
        raise MpforgeError(
            f"{directory}: rebuilding the base image failed ({' '.join(tail)}); "
            f"fix it with: mpforge build -b {board}"
        )
    rep = measure(directory, board)
    digest = symbolcost.file_digest(directory / rep["image"])
    return symbolcost.Base(board, directory, fragments, app, rep, digest)


def symbols_table(rep: dict, results: list[dict]) -> str:
    lines = [
        f"{rep['board']}: what each enabled Kconfig bool costs (the image rebuilt with it off; "
        "the symbols that depend on it go off with it)",
        f"{'symbol':<34}{'flash':>8} {'RAM':>8}  also off",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"{r['symbol']:<34}{'failed':>8} {'':>8}  {r['error']}")
            continue
        also = ", ".join(r["dependents"]) or "-"
        lines.append(f"{r['symbol']:<34}{r['flash']:>8} {r['ram']:>8}  {also}")
    return "\n".join(lines)


def run_symbols(args: argparse.Namespace, directory: Path) -> int:
    selected = [s.strip() for s in args.symbols.split(",") if s.strip()] or None
    if (directory / ".config").is_file():  # a bad selection is reported before any build
        symbolcost.candidates(args.board, directory, selected)
    base = _base(directory, args.board, args.jobs)
    chosen = symbolcost.candidates(args.board, directory, selected)
    results = symbolcost.costs(
        base,
        chosen,
        lambda d: measure(d, args.board),
        args.jobs,
        lambda line: print(line, file=sys.stderr, flush=True),
    )
    if args.json:
        print(json.dumps({**base.report, "symbols": results}, indent=2))
    else:
        print(symbols_table(base.report, results))
    failed = [r for r in results if "error" in r]
    if failed:
        raise MpforgeError(
            f"{len(failed)} of {len(results)} builds with a symbol off failed "
            f"(first: {failed[0]['symbol']}: {failed[0]['error']})"
        )
    return 0


def write_page(path: Path, rep: dict) -> None:
    try:
        path.write_text(page(rep), encoding="utf-8")
    except OSError as e:
        raise MpforgeError(f"--html {path}: cannot write it ({e.strerror})") from None


def run(args: argparse.Namespace) -> int:
    if args.max_growth is not None and args.diff is None:
        raise MpforgeError(
            "--max-growth needs --diff OTHER: the build to measure the growth against"
        )
    if (build_dir(args) / ".config").is_file():
        require_config(build_dir(args), args.board)  # -b must name the board built there
    if args.symbols is not None:
        return run_symbols(args, build_dir(args))
    rep = measure(build_dir(args), args.board)
    change = None
    if args.diff is not None:
        other = load_other(args.diff, args.board)
        if other.get("board", rep["board"]) != rep["board"]:  # compared silently before
            print(
                f"note: --diff {args.diff} measures board {other['board']}, not {rep['board']}: "
                "the components differ by board as well as by change",
                file=sys.stderr,
            )
        change = diff(rep, other)
    if args.html is not None:
        write_page(args.html, rep)
    if args.json:
        print(json.dumps({**rep, "diff": change} if change else rep, indent=2))
    else:
        print(table(rep))
        if change is not None:
            print(diff_table(change, args.diff))
    if change is not None and args.max_growth is not None and change["flash"] > args.max_growth:
        grew = ", ".join(
            f"{c['name']} {c['flash']:+d}" for c in change["components"][:5] if c["flash"] > 0
        )
        raise MpforgeError(
            f"flash grew by {change['flash']} bytes against {args.diff}, more than "
            f"--max-growth {args.max_growth} (largest growth: {grew or 'none'})"
        )
    return 0
