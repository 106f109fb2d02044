"""Every builtin module can be switched off on its own (issue 4).

For each ``CONFIG_MODULE_*`` symbol of py/Kconfig.modules (found there, so a new
module is covered without editing this file), the host port is built with just that
symbol off: the build must link, the module must be gone (``import`` raises
ImportError; a sub-option such as MODULE_HASHLIB_SHA1 leaves its parent importable),
and every corpus program that imports anything must still pass on that build, skipping
only the programs that declare the symbol (``# requires:``) — so a program that uses a
module without declaring it fails here. Programs without an import cannot reach a
module, so they are left to tests/test_corpus.py.

Each pytest worker keeps one build directory for every symbol: the configuration is
resolved afresh from the fragment, and the build recompiles only the objects that
mention a switched symbol (the per-symbol dependencies), instead of a from-scratch
build per module. The builds use
-O0 and one job each (pytest-xdist runs two at once); expected outputs and compiled
programs are made once per worker and shared by every build.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import corpus_runner
import pytest
from corpus_runner import (
    CORPUS_DIR,
    REPO_ROOT,
    HostBuild,
    PreparedProgram,
    Program,
    discover,
    load_host_build,
    load_known_failures,
    prepare_program,
    run_prepared,
)

from mpforge.build import scons_command
from mpforge.modtable import registered_name

cpython = corpus_runner.cpython
mpy_cross = corpus_runner.mpy_cross

KCONFIG_MODULES = REPO_ROOT / "py" / "Kconfig.modules"
MODULE_SYMBOLS = sorted(re.findall(r"^config (MODULE_\w+)$", KCONFIG_MODULES.read_text(), re.M))


def module_source(symbol: str) -> Path:
    return REPO_ROOT / "py" / f"mod_{symbol[len('MODULE_') :].lower()}.c"


IMPORT_RE = re.compile(r"^\s*(import|from)\s|__import__", re.M)


def imports_something(program: Program) -> bool:
    base = program.path if program.is_dir else program.main.parent
    return any(IMPORT_RE.search((base / rel).read_text()) for rel in program.sources())


class PreparedCorpus:
    """Each corpus program compiled and its expected output found, once per worker."""

    def __init__(self, workdir: Path, python: str, mpy_cross: str, flags: list[str]) -> None:
        self._workdir = workdir
        self._python = python
        self._mpy_cross = mpy_cross
        self._flags = flags
        self._done: dict[str, PreparedProgram] = {}

    def get(self, program: Program) -> PreparedProgram:
        if program.id not in self._done:
            dest = self._workdir / re.sub(r"\W", "_", program.id)
            self._done[program.id] = prepare_program(
                program, dest, self._python, self._mpy_cross, self._flags
            )
        return self._done[program.id]


@pytest.fixture(scope="session")
def prepared_corpus(
    tmp_path_factory: pytest.TempPathFactory, cpython: str, mpy_cross: str
) -> PreparedCorpus:
    flags = load_host_build(REPO_ROOT / "build" / "host").mpy_cross_flags
    return PreparedCorpus(tmp_path_factory.mktemp("corpus"), cpython, mpy_cross, flags)


@pytest.fixture(scope="session")
def worker_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build directory this worker reuses for every symbol (a session per worker)."""
    return tmp_path_factory.mktemp("modules_off") / "build"


def build_without(symbol: str, build_dir: Path) -> HostBuild:
    # The module's own line only: its sub-options the defconfig sets (host enables
    # hashlib's sha1/md5) go off with it, with a note.
    lines = [f"# CONFIG_{symbol} is not set"]
    lines += ["# CONFIG_FROZEN_PKG_DEMO is not set", "# CONFIG_FROZEN_PKG_UNITTEST is not set"]
    lines += ["# CONFIG_FROZEN_PKG_TYPING is not set"]
    lines += ['CONFIG_HOST_OPT_LEVEL="-O0"']
    fragment = build_dir.parent / "modules_off.conf"
    # A fresh .config each time (the objects stay): each symbol's configuration comes from
    # its fragment alone, never from the previous symbol's (re-applying only changed lines
    # once left MODULE_MATH_SPECIAL on after a MODULE_MATH build had hidden it).
    (build_dir / ".config").unlink(missing_ok=True)
    fragment.write_text("\n".join(lines) + "\n")
    cmd = scons_command("host", build_dir, fragments=[fragment], jobs=1)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"host build without {symbol} failed:\n{proc.stdout}{proc.stderr}"
    return load_host_build(build_dir)


def import_outcome(build: HostBuild, module: str, workdir: Path, mpy_cross: str) -> str:
    src = workdir / "probe.py"
    src.write_text(
        f"try:\n    import {module}\n    print('imported')\nexcept ImportError:\n    print('ImportError')\n"
    )
    subprocess.run([mpy_cross, "-o", str(src.with_suffix(".mpy")), str(src)], check=True)
    proc = subprocess.run(
        [str(build.firmware), str(src.with_suffix(".mpy"))], capture_output=True, text=True
    )
    return proc.stdout.strip() or proc.stderr.strip()


@pytest.mark.parametrize("symbol", MODULE_SYMBOLS)
def test_module_switched_off(
    symbol: str,
    tmp_path: Path,
    worker_build_dir: Path,
    prepared_corpus: PreparedCorpus,
    mpy_cross: str,
) -> None:
    build = build_without(symbol, worker_build_dir)
    assert not build.enabled(symbol), f"CONFIG_{symbol} is still on in the resolved config"

    if module_source(symbol).is_file():
        # (the name the source registers: mod_os_path.c is the submodule os.path)
        name = registered_name(module_source(symbol))
        assert import_outcome(build, name, tmp_path, mpy_cross) == "ImportError"
    else:  # a sub-option: MODULE_<PARENT>_<OPTION>
        parent = next(
            s for s in MODULE_SYMBOLS if symbol.startswith(s + "_") and module_source(s).is_file()
        )
        assert build.enabled(parent)
        assert (
            import_outcome(build, parent[len("MODULE_") :].lower(), tmp_path, mpy_cross)
            == "imported"
        )

    known = load_known_failures()
    programs = [
        p
        for p in discover(CORPUS_DIR)
        if p.id not in known and build.skip_reason(p) is None and imports_something(p)
    ]
    failures = []
    for program in programs:
        try:
            run_prepared(prepared_corpus.get(program), build)
        except AssertionError as e:
            failures.append(str(e).splitlines()[0] + "\n" + "\n".join(str(e).splitlines()[1:8]))
    assert not failures, (
        f"{len(failures)} corpus programs fail without CONFIG_{symbol}:\n" + "\n".join(failures)
    )
