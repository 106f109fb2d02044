"""Resolve a board's configuration: defconfig + fragments (+ app.conf) + menuconfig edits.

The rule, whatever happened to the build directory before:
1. parse the board's defconfig and the fragments (in the order given) and apply
   them strictly to a fresh Kconfig tree: this is the *clean* configuration;
2. re-apply the user's own edits (values changed in menuconfig), recorded
   separately from the inputs; an edit an input now disagrees with is kept and
   reported, an edit that can no longer take effect is dropped and reported;
3. write .config, the C header and the record (the clean values and the
   edits), each only if its content changed, so nothing rebuilds needlessly.

So after any change of the defconfig, fragments, app.conf or Kconfig, .config
is exactly what a clean resolve gives, plus the menuconfig edits.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import kconfiglib
from kconfiglib import expr_value

from mpforge.config.apply import Overrides, apply_assignments, same_value, why_not
from mpforge.config.fragment import Assignment, display_path
from mpforge.config.inputs import STREAMS_DIR, ConfigInputs
from mpforge.config.pathvalues import read_assignments
from mpforge.config.strings import check_stack_reserve, check_string
from mpforge.config.tree import (
    BOARD_KCONFIG,
    PACKAGES_KCONFIG,
    TOP_KCONFIG,
    has_prompt,
    load_kconfig,
)
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.textfile import write_if_changed

__all__ = ["ConfigInputs", "Resolution", "remove_build_dir", "require_config", "resolve"]

Report = Callable[[str], None]

BUILD_LOCK = ".lock"  # held (flock) by the build running in the directory
DOTCONFIG = ".config"
HEADER = "gen/config.h"
INPUTS_RECORD = "config-inputs.json"
_BUILD_MARKERS = (DOTCONFIG, INPUTS_RECORD, ".sconsign.dblite")


@dataclass
class Resolution:
    """The result of resolving: the view, the kconfiglib tree, and who set what."""

    view: ConfigView
    kconf: kconfiglib.Kconfig
    set_by: dict[str, Assignment]
    inputs: ConfigInputs
    baseline: dict[str, str] = field(default_factory=dict)  # the clean values
    edits: dict[str, str] = field(default_factory=dict)  # menuconfig edits kept


def resolve(inputs: ConfigInputs, report: Report) -> Resolution:
    assignments = read_assignments(inputs.all_files, inputs.app, inputs.root)
    make_build_dir(inputs.build_dir)
    kconf = load_kconfig(inputs.build_dir, inputs.root, inputs.defconfig)
    overrides = Overrides()
    set_by = apply_assignments(kconf, assignments, overrides, report=report)
    overrides.flush(report)
    for a in set_by.values():
        check_string(a.symbol, a.value, a.where)
    if "STACK_CHECK_RESERVE" in kconf.syms:
        reserve, limit = kconf.syms["STACK_CHECK_RESERVE"], kconf.syms["STACK_LIMIT"]
        setter = set_by.get("STACK_CHECK_RESERVE") or set_by.get("STACK_LIMIT")
        where = setter.where if setter else "the board's defaults"
        check_stack_reserve(int(limit.str_value or 0), int(reserve.str_value or 0), where)
    _check_identity(kconf, inputs, set_by)
    if inputs.pristine:
        # Only now: a mistake in the inputs must not cost the old build.
        remove_build_dir(inputs.build_dir, report)
        inputs.build_dir.mkdir(parents=True, exist_ok=True)
    clean = _values(kconf)
    identity = _identity(kconf)
    edits = _reapply_edits(kconf, inputs.board, inputs.build_dir, clean, set_by, identity, report)
    _write_outputs(kconf, inputs, clean, edits)
    return Resolution(ConfigView(inputs.board, _values(kconf)), kconf, set_by, inputs, clean, edits)


_held_locks: list[IO[str]] = []


def _holder(lock: IO[str]) -> str:
    lock.seek(0)
    pid = lock.read().strip()
    return f"another build (pid {pid})" if pid.isdigit() else "another build"


def make_build_dir(directory: Path) -> None:
    """Make the build directory, or say it cannot be (`--build-dir /proc/x`: the first file
    written into it was named, `cannot write /proc/x/Kconfig.frozen-packages`)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise MpforgeError(
            f"build directory {display_path(directory)} cannot be made ({e.strerror}); "
            "choose another directory (--build-dir)"
        ) from None


def lock_build_dir(directory: Path, report: Report) -> None:
    """One build at a time in a build directory, held until this (SCons) process ends: two
    builds into one directory deleted each other's files (the first failed on a missing
    qstrdefs.h). A second build waits, saying for whom (as cargo does)."""
    make_build_dir(directory)
    try:
        lock = open(directory / BUILD_LOCK, "a+", encoding="utf-8")  # noqa: SIM115 (held)
    except OSError as e:
        shown = display_path(directory / BUILD_LOCK)
        raise MpforgeError(f"cannot write {shown}: {e.strerror}") from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        who = _holder(lock)
        report(f"note: {display_path(directory)} is in use by {who}; waiting for it to finish")
        fcntl.flock(lock, fcntl.LOCK_EX)
    with contextlib.suppress(OSError):  # the pid only names the holder (a full disk: none)
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
    _held_locks.append(lock)


def check_no_build_running(directory: Path) -> None:
    """An error when a build holds `directory` (`clean` must not delete under it)."""
    try:
        lock = open(directory / BUILD_LOCK, encoding="utf-8")  # noqa: SIM115
    except OSError:
        return  # no lock file: no build ever ran here, or not a build directory
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise MpforgeError(
                f"{display_path(directory)} is in use by {_holder(lock)}; wait for it to finish"
            ) from None


def remove_build_dir(directory: Path, report: Report) -> None:
    """--pristine: remove a build directory, refusing one that is not an mpforge build."""
    if not directory.exists():
        return
    if not directory.is_dir():
        raise MpforgeError(f"{display_path(directory)} is not a directory")
    ours = (*_BUILD_MARKERS, TOP_KCONFIG, PACKAGES_KCONFIG, BOARD_KCONFIG, STREAMS_DIR, BUILD_LOCK)
    if not all(e.name in ours for e in directory.iterdir()) and not any(
        (directory / m).exists() for m in _BUILD_MARKERS
    ):
        raise MpforgeError(
            f"--pristine: {display_path(directory)} does not look like an mpforge build directory "
            f"(no {DOTCONFIG}); not removing it, remove it yourself if you mean it"
        )
    # The generated Kconfig files are already parsed, and a fragment read from a stream
    # (streams/) is an input of this very build: those stay.
    for entry in directory.iterdir():
        if entry.name in (TOP_KCONFIG, PACKAGES_KCONFIG, BOARD_KCONFIG, STREAMS_DIR, BUILD_LOCK):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    report(f"note: --pristine: removed the old build in {display_path(directory)}")


def _values(kconf: kconfiglib.Kconfig) -> dict[str, str]:
    return {s.name: s.str_value for s in kconf.unique_defined_syms}


def _identity(kconf: kconfiglib.Kconfig) -> dict[str, str]:
    """The symbols that make the board what it is: the port and the board choices."""
    return {
        s.name: s.str_value
        for c in kconf.unique_choices
        for s in c.syms
        if s.name.startswith(("PORT_", "BOARD_"))
    }


def _check_identity(
    kconf: kconfiglib.Kconfig, inputs: ConfigInputs, set_by: dict[str, Assignment]
) -> None:
    """The port and board come from the board's defconfig; a fragment cannot change them."""
    for name in _identity(kconf):
        a = set_by.get(name)
        if a is not None and a.file != inputs.defconfig:
            raise MpforgeError(
                f"{a.where}: {a.text}: the port and board are chosen by the board's defconfig "
                f"({display_path(inputs.defconfig)}), not by a fragment; remove the line and "
                "build the other board with `-b BOARD` (see `mpforge boards`)"
            )


def _read_record(path: Path) -> tuple[dict[str, str], dict[str, str], str] | None:
    """(clean values, edits, board) recorded when .config was last written."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        baseline = {str(k): str(v) for k, v in data["baseline"].items()}
        edits = {str(k): str(v) for k, v in data.get("edits", {}).items()}
        board = str(data.get("board", ""))
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return None
    return baseline, edits, board


def _find_edits(
    kconf: kconfiglib.Kconfig, board: str, build_dir: Path, clean: dict[str, str], report: Report
) -> dict[str, str]:
    """The user's own values: what .config holds that the last clean resolve did not give."""
    dotconfig = build_dir / DOTCONFIG
    if not dotconfig.is_file():
        return {}
    try:
        written = read_dotconfig("", dotconfig).values
    except (OSError, UnicodeDecodeError):
        report(f"note: {display_path(dotconfig)} is unreadable; starting from the inputs alone")
        return {}
    record = _read_record(build_dir / INPUTS_RECORD)
    baseline, old_edits, old_board = record if record is not None else (clean, {}, board)
    if old_board and old_board != board:
        report(
            f"note: {display_path(build_dir)} held board {old_board}; its configuration "
            f"(menuconfig edits included) is not carried over to board {board}"
        )
        return {}
    _report_changes(kconf, baseline, clean, display_path(dotconfig), report)
    edits: dict[str, str] = {}
    for name, value in written.items():
        sym = kconf.syms.get(name)
        if sym is None or not sym.nodes:
            if baseline.get(name) != value:
                report(
                    f"note: {display_path(dotconfig)}: CONFIG_{name} is no longer a Kconfig "
                    "option; your value for it is dropped"
                )
            continue
        if not has_prompt(sym) or (sym.choice is not None and value != "y"):
            continue
        if old_edits.get(name) == value or baseline.get(name, clean.get(name)) != value:
            edits[name] = value
    # An edit of a symbol whose dependency is off is not in .config: it is still the user's.
    for name, value in old_edits.items():
        sym = kconf.syms.get(name)
        if name not in written and sym is not None and sym.nodes and has_prompt(sym):
            edits[name] = value
    return edits


def _report_changes(
    kconf: kconfiglib.Kconfig, old: dict[str, str], new: dict[str, str], where: str, report: Report
) -> None:
    """Say which settable values the changed inputs moved since .config was written."""
    changed = [
        f"CONFIG_{n}={new[n]} (was {old[n]})"
        for n in new
        if n in old and old[n] != new[n] and has_prompt(kconf.syms[n])
    ]
    if not changed:
        return
    more = f" and {len(changed) - 8} more" if len(changed) > 8 else ""
    report(
        f"note: the defconfig, fragments, app.conf or Kconfig changed since {where} was made; "
        "now " + ", ".join(changed[:8]) + more
    )


def _reapply_edits(
    kconf: kconfiglib.Kconfig,
    board: str,
    build_dir: Path,
    clean: dict[str, str],
    set_by: dict[str, Assignment],
    identity: dict[str, str],
    report: Report,
) -> dict[str, str]:
    edits = _find_edits(kconf, board, build_dir, clean, report)
    dotconfig = display_path(build_dir / DOTCONFIG)
    for name in [n for n in edits if n in identity]:
        if edits.pop(name) != identity[name]:
            report(
                f"note: {dotconfig}: CONFIG_{name}=y chosen in menuconfig picks another port or "
                "board than this build directory's; dropped (build another board with -b BOARD)"
            )
    for name, value in edits.items():
        kconf.syms[name].set_value(value)
    kept: dict[str, str] = {}
    for name, value in edits.items():
        sym = kconf.syms[name]
        if (
            not same_value(sym, sym.str_value, value)
            and expr_value(sym.direct_dep) == 0
            and sym.str_value in ("n", "")
        ):
            kept[name] = value  # waits, unseen, until its dependency is on again
            continue
        if not same_value(sym, sym.str_value, value):
            report(
                f"note: {dotconfig}: your menuconfig edit CONFIG_{name}={value} no longer takes "
                f"effect ({why_not(sym, value)}); dropped"
            )
            if name in set_by:
                sym.set_value(set_by[name].value)
            else:
                sym.unset_value()
            continue
        check_string(name, value, f"{dotconfig} (edited in menuconfig)")
        kept[name] = value
        a = set_by.get(name)
        if a is not None and not same_value(sym, a.value, value):
            report(
                f"note: {a.where}: {a.text} is overridden by your menuconfig edit "
                f"CONFIG_{name}={value} in {dotconfig} (--pristine drops menuconfig edits)"
            )
    for name, a in set_by.items():
        sym = kconf.syms[name]
        if name not in kept and not same_value(sym, sym.str_value, a.value):
            report(
                f"note: {a.where}: {a.text} does not take effect with your menuconfig edits "
                f"in {dotconfig} ({why_not(sym, a.value)})"
            )
    return kept


def _write_outputs(
    kconf: kconfiglib.Kconfig,
    inputs: ConfigInputs,
    clean: dict[str, str],
    edits: dict[str, str],
) -> None:
    for rel in ("gen", DOTCONFIG, HEADER, INPUTS_RECORD):
        path = inputs.build_dir / rel
        kind_ok = path.is_dir() if rel == "gen" else path.is_file()
        if os.path.lexists(path) and not kind_ok:
            raise MpforgeError(
                f"{display_path(path)} is not a regular {'directory' if rel == 'gen' else 'file'}"
                " (something else was put there); remove it, or rebuild with --pristine"
            )
    (inputs.build_dir / "gen").mkdir(parents=True, exist_ok=True)
    header = (
        f"# mpforge configuration of board {inputs.board}.\n"
        f"# Edit with `mpforge menuconfig -b {inputs.board}`; edits survive rebuilds.\n"
    )
    # Each file is replaced atomically and only when its content changes: a build killed
    # here leaves the old file or the new one, never half of one (which would read as edits).
    contents = kconf._config_contents(header)
    write_if_changed(inputs.build_dir / DOTCONFIG, contents)
    write_if_changed(
        inputs.build_dir / HEADER,
        kconf._autoconf_contents(
            f"/* Generated by mpforge from the configuration of board {inputs.board}. */\n"
        ),
    )
    write_if_changed(
        inputs.build_dir / INPUTS_RECORD,
        json.dumps(
            {
                "board": inputs.board,
                "baseline": clean,
                "edits": edits,
                # What `savedefconfig` and `menuconfig` without -C describe (as a Zephyr
                # build directory remembers its EXTRA_CONF_FILE): the fragments and the app.
                "fragments": [str(f) for f in inputs.fragments],
                "app": str(inputs.app) if inputs.app is not None else None,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
    )


def recorded_inputs(build_dir: Path, board: str) -> tuple[list[Path], Path | None] | None:
    """The fragments (app.conf included) and the app `build_dir`'s .config was last made
    from, when it holds a configuration of `board` recorded with them."""
    try:
        data = json.loads((build_dir / INPUTS_RECORD).read_text(encoding="utf-8"))
        if data.get("board") != board or not (build_dir / DOTCONFIG).is_file():
            return None
        fragments = [Path(str(f)) for f in data["fragments"]]
        app = data.get("app")
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return None
    return fragments, Path(str(app)) if app else None


def build_first(build_dir: Path, board: str | None = None) -> str:
    """The command that builds what is missing in `build_dir`: with -b (inside an app a bare
    `mpforge build` builds the app's board, not the one asked for) and --build-dir unless
    it is the default `build/BOARD`. The board is the one the directory was configured
    for when not given."""
    if board is None:
        record = _read_record(build_dir / INPUTS_RECORD)
        board = record[2] if record is not None and record[2] else None
    cmd = "mpforge build" + (f" -b {board}" if board else "")
    if not (board and build_dir.name == board and build_dir.parent.name == "build"):
        cmd += f" --build-dir {display_path(build_dir)}"
    return f"`{cmd}`"


def require_config(build_dir: Path, board: str | None = None) -> Path:
    """The .config of `build_dir`, which must be `board`'s when given: `run -b rpi_pico`
    on a directory holding an nrf52840dk build ran the nrf52840dk image, -b ignored."""
    dotconfig = build_dir / DOTCONFIG
    if not dotconfig.is_file():
        raise MpforgeError(
            f"{display_path(dotconfig)} does not exist; build it first with "
            + build_first(build_dir, board)
        )
    record = _read_record(build_dir / INPUTS_RECORD)
    if board is not None and record is not None and record[2] and record[2] != board:
        raise MpforgeError(
            f"{display_path(build_dir)} holds a build of board {record[2]}, not {board}; "
            f"use -b {record[2]}, or build {board} there first (`mpforge build -b {board}`)"
        )
    return dotconfig
