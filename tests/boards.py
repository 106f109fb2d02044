"""What the firmware tests of every port share: building a board into a test build
directory (under a lock, so pytest-xdist workers never race on one), the semihosting
fragment that makes a board leave its emulator with main.py's status, and the frozen
corpus sample whose output a board must print exactly as the host port does.

    build_dir, output = build_firmware("feather_m0", "corpus", (semihosting_fragment(),), app=app)
    names = write_corpus_app(app, config_of("feather_m0"))   # frozen corpus programs + main.py
    expected = host_output(app, tmp_path / "host")            # what the host prints for it
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from corpus_runner import CORPUS_DIR, HostBuild, discover, read_kconfig

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.build import scons_command
from mpforge.config.resolve import ConfigInputs, resolve


def build_firmware(
    board: str,
    name: str,
    fragments: tuple[Path, ...] = (),
    app: Path | None = None,
    copy_to: Path | None = None,
) -> tuple[Path, str]:
    """Build `board` into build/test_<board>_<name> (inside the tree: SCons builds only
    targets under it by default); return the build dir and the build's output. A lock
    file keeps two pytest-xdist workers from building the same directory at once; with
    `copy_to`, what the runners read (.config, firmware.elf) is copied there under the
    lock and that directory returned, so another worker's rebuild cannot change the image
    under a running test."""
    build_dir = paths.ROOT / "build" / f"test_{board}_{name}"
    cmd = scons_command(board, build_dir, fragments, app=app)
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(build_dir.with_name(build_dir.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        output = proc.stdout + proc.stderr
        assert proc.returncode == 0, output
        if copy_to is not None:
            for file in (".config", "firmware.elf"):
                shutil.copy2(build_dir / file, copy_to / file)
            build_dir = copy_to
    return build_dir, output


def _fragment(name: str, text: str) -> Path:
    """A config fragment build/test_NAME.conf holding [text], written atomically (a parallel
    worker may be reading it)."""
    path = paths.ROOT / "build" / f"test_{name}.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(text)
    os.replace(tmp, path)
    return path


def semihosting_fragment() -> Path:
    """The config fragment turning on CONFIG_SEMIHOSTING_EXIT."""
    return _fragment("semihosting", "CONFIG_SEMIHOSTING_EXIT=y\n")


def no_compiler_fragment() -> Path:
    """The config fragment turning the compiler (and the REPL) off: the frozen corpus sample
    of the 256 KiB boards needs the flash their REPL takes."""
    return _fragment("no_compiler", "# CONFIG_COMPILER is not set\n")


def config_of(build_dir: Path) -> HostBuild:
    """A build's configuration, to ask which corpus programs its features allow."""
    return HostBuild(build_dir, build_dir / "firmware.elf", read_kconfig(build_dir / ".config"))


def board_config(board: str, fragments: tuple[Path, ...] = ()) -> HostBuild:
    """A board's configuration as its defconfig (and [fragments]) resolve (no build needed),
    to ask which corpus programs its features allow."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = ConfigInputs(board, find_defconfig(board), fragments, Path(tmp) / board)
        values = dict(resolve(inputs, lambda _line: None).view.values)
    return HostBuild(Path(board), Path(board) / "firmware.elf", values)


# Programs whose output shows the last bit of libm results (a rounded residue's sign, a
# last digit): the boards' newlib and the host's glibc may differ there by one ulp.
LIBM_LAST_BIT = {"cmath_funcs", "complex_arith"}


def corpus_sample(board: HostBuild | str | None = None, every: int = 4) -> list[Path]:
    """Single-file corpus programs that run as imported modules: no stdin, no exit, no
    `__main__` test, no stderr (a board's console carries both streams), none of the
    memory-hungry or exiting areas or libm-last-bit programs, only those whose
    `# requires:` the board's config meets (when given); about one in `every`, chosen by a
    hash of the name, so that adding a program does not reshuffle the sample."""
    skip_areas = {"errors", "memory", "imports", "modules_mp"}
    if isinstance(board, str):
        board = board_config(board)
    chosen = []
    for program in discover(CORPUS_DIR):
        path = program.path
        if (
            path.is_dir()
            or path.parent.name in skip_areas
            or path.stem in LIBM_LAST_BIT
            or zlib.crc32(program.id.encode()) % every
        ):
            continue
        text = path.read_text()
        if (
            path.with_suffix(".stdin").exists()
            or path.with_suffix(".exp").exists()
            or "__name__" in text
            or "sys.exit" in text
            or "stderr" in text
            or "input(" in text
            or "# mpy-cross:" in text
            or (board is not None and board.missing(program))
        ):
            continue
        chosen.append(path)
    return chosen


CORPUS_MAIN = """\
import gc
import sys
for name in {names!r}:
    print("==", name)
    try:
        __import__(name)
    except Exception as e:
        print("!!", type(e).__name__, e)
    sys.modules.pop(name, None)
    gc.collect()
print("== end")
"""


def write_corpus_app(app: Path, programs: list[Path], epilogue: str = "") -> list[str]:
    """An app freezing `programs` as modules and a main.py importing each in turn (a
    `== name` line before each) then running `epilogue`; the module names."""
    app.mkdir(parents=True, exist_ok=True)
    names = []
    for program in programs:
        name = f"c_{program.parent.name}_{program.stem}"
        names.append(name)
        (app / f"{name}.py").write_text(program.read_text())
    (app / "main.py").write_text(CORPUS_MAIN.format(names=names) + epilogue)
    (app / "manifest.yml").write_text(
        "modules:\n  - file: main.py\n  - glob: 'c_*.py'\n    check_imports: false\n"
    )
    return names


def host_output(app: Path, build_dir: Path) -> str:
    """What the host port prints when it boots `app` (built into `build_dir`)."""
    proc = subprocess.run(
        scons_command("host", build_dir, app=app), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    host = subprocess.run([build_dir / "firmware"], capture_output=True, text=True, timeout=60)
    assert "== end" in host.stdout, host.stdout[-2000:] + host.stderr[-2000:]
    return host.stdout


# A board's smaller heap and shallower call limit may stop a program that runs on the
# host: such a program's section ends in one of these, after output equal to the host's.
RESOURCE_LIMITS = ("!! MemoryError", "!! RecursionError")


def assert_same_as_host(board_out: str, host_out: str, max_limited: int = 3) -> None:
    """Each program's section of the board's output equals the host's, except that at most
    `max_limited` may stop early at a board resource limit (RESOURCE_LIMITS) after
    printing a prefix of the host's output for it."""
    board, host = _sections(board_out), _sections(host_out)
    assert list(board) == list(host), "the board ran other programs than the host"
    limited = []
    for name, text in host.items():
        got = board[name]
        if got == text:
            continue
        last = got.rstrip("\n").rsplit("\n", 1)[-1]
        kept = got[: len(got) - len(last) - 1] if "\n" in got.rstrip("\n") else ""
        assert last.startswith(RESOURCE_LIMITS) and text.startswith(kept), (
            f"{name}: board printed\n{got}\nhost printed\n{text}"
        )
        limited.append(name)
    assert len(limited) <= max_limited, f"too many programs hit a board limit: {limited}"


def _sections(out: str) -> dict[str, str]:
    """Each program's output: the text after its "== name" line up to the next."""
    out = board_transcript(out)
    parts = re.split(r"^== (\S+)\n", out, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def board_transcript(transcript: str) -> str:
    """A board's console output from the first corpus marker on, with "\\r\\n" as "\\n"."""
    out = transcript.replace("\r\n", "\n")
    return out[out.index("== ") :] if "== " in out else out
