"""Language corpus: every program in tests/corpus, compiled with mpy-cross and run on
the host firmware, must behave exactly as CPython 3.11 does on its source.

See tests/README.md and tests/corpus_runner.py (which also defines the fixtures).
"""

from __future__ import annotations

import os
from pathlib import Path

import corpus_runner
import pytest
from corpus_runner import (
    CORPUS_DIR,
    HostBuild,
    Program,
    check_program,
    corpus_params,
    discover,
    load_known_failures,
    undeclared_features,
)

# The fixtures live in the runner module.
host_build = corpus_runner.host_build
cpython = corpus_runner.cpython
mpy_cross = corpus_runner.mpy_cross


@pytest.mark.parametrize("program", corpus_params())
def test_corpus(
    program: Program, host_build: HostBuild, cpython: str, mpy_cross: str, tmp_path: Path
) -> None:
    reason = host_build.skip_reason(program)
    if reason:
        pytest.skip(reason)
    known = load_known_failures().get(f"{host_build.board}:{program.id}")
    if known is None:
        check_program(program, tmp_path, host_build, cpython, mpy_cross)
        return
    # A failure this build is known for (a documented platform difference): it must
    # still fail, or the entry goes.
    with pytest.raises(AssertionError):
        check_program(program, tmp_path, host_build, cpython, mpy_cross)
    pytest.xfail(known)


def test_known_failures_name_programs() -> None:
    ids = {p.id for p in discover(CORPUS_DIR)}
    unknown = sorted({k.split(":")[-1] for k in load_known_failures()} - ids)
    assert not unknown, f"known_failures.txt names programs that do not exist: {unknown}"


# --- the runner's own logic (no firmware needed) ---------------------------------------------

AREAS = (
    "basics", "types", "strings", "numbers", "functions", "classes", "exceptions",
    "generators", "imports", "builtins", "formatting", "errors", "memory",
)  # fmt: skip


def test_every_area_has_programs() -> None:
    programs = discover(CORPUS_DIR)
    for area in AREAS:
        assert any(p.id.startswith(area + "/") for p in programs), f"no programs in {area}/"
    assert any(p.is_dir for p in programs), "no multi-file (directory) programs"


def test_parse_headers() -> None:
    text = "# requires: FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG\n# mpy-cross: -O2\n# requires: ASYNC\n"
    requires, opt = corpus_runner.parse_headers(text + "print(1)\n# requires: IGNORED\n")
    assert requires == (("FLOAT",), ("INT_BIG_MPZ", "INT_BIG_LONGLONG"), ("ASYNC",))
    assert opt == 2
    assert corpus_runner.parse_headers("print(1)\n") == ((), None)
    with pytest.raises(corpus_runner.CorpusError):
        corpus_runner.parse_headers("# requires: CONFIG_FLOAT\n")
    with pytest.raises(corpus_runner.CorpusError):
        corpus_runner.parse_headers("# mpy-cross: -O7\n")


def test_kconfig_and_skip_reason(tmp_path: Path) -> None:
    (tmp_path / ".config").write_text(
        "# comment\nCONFIG_FLOAT=y\n# CONFIG_FLOAT_DOUBLE is not set\nCONFIG_INT_BIG_LONGLONG=y\n"
        'CONFIG_PORT="host"\nCONFIG_MPY_SMALL_INT_BITS=63\n'
    )
    build = HostBuild(
        tmp_path, tmp_path / "firmware", corpus_runner.read_kconfig(tmp_path / ".config")
    )
    assert build.enabled("FLOAT") and not build.enabled("FLOAT_DOUBLE")
    assert not build.enabled("NEVER_MENTIONED")
    assert build.mpy_cross_flags == ["-msmall-int-bits=63"]

    def prog(*groups: tuple[str, ...]) -> Program:
        return Program(id="x/y.py", path=tmp_path, main=tmp_path / "y.py", requires=groups)

    assert build.skip_reason(prog(("FLOAT",), ("INT_BIG_MPZ", "INT_BIG_LONGLONG"))) is None
    reason = build.skip_reason(prog(("FLOAT_DOUBLE",), ("FLOAT",)))
    assert reason == f"requires CONFIG_FLOAT_DOUBLE (off in {tmp_path.name})"


def test_compare() -> None:
    def res(code: int, out: bytes, err: bytes = b"") -> corpus_runner.RunResult:
        return corpus_runner.RunResult(("x",), code, out, err)

    tb = b"Traceback (most recent call last):\n  File ...\nValueError: bad\n"
    assert corpus_runner.compare(res(0, b"a\n"), res(0, b"a\n", b"noise")) == []
    assert corpus_runner.compare(res(1, b"", tb), res(1, b"", b"other\nValueError: bad\n")) == []
    assert corpus_runner.compare(res(0, b"a\n"), res(0, b"a"))  # byte for byte
    assert corpus_runner.compare(res(1, b"", tb), res(1, b"", b"ValueError: good\n"))
    assert corpus_runner.compare(res(3, b""), res(0, b""))


def test_programs_declare_the_features_they_use() -> None:
    # What `corpus_runner.py --check` infers from the source (float literals, sets,
    # generators, imports...) must be in each program's `# requires:` header, or the
    # program would fail instead of being skipped on a build without the feature.
    missing = {p.id: undeclared_features(p) for p in discover(CORPUS_DIR)}
    assert not {k: v for k, v in missing.items() if v}


def test_every_program_runs_on_some_host_build() -> None:
    # A skip says why, but a program skipped on every build tests nothing: its feature
    # would go unchecked (as hashlib's sha1/md5 did while off in every host config).
    if os.environ.get("MPFORGE_HOST_BUILD"):
        pytest.skip("checks the default host builds; MPFORGE_HOST_BUILD names others")
    builds = [corpus_runner.load_host_build(d) for d in corpus_runner.host_build_dirs()]
    never = [p.id for p in discover(CORPUS_DIR) if all(b.skip_reason(p) for b in builds)]
    assert not never, f"skipped on every host build: {never}"
