"""Stages 3-5 on the host port: progress output, per-symbol rebuilds, frozen modules, errors."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mpforge import paths
from mpforge.build import scons_command


def scons(
    build: Path, *extra: str, env: dict[str, str] | None = None, **kw
) -> subprocess.CompletedProcess:
    cmd = scons_command("host", build, **kw) + list(extra)
    return subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)


def compiled(output: str) -> list[str]:
    """The sources a build compiled, from its `[n/N] CC path` lines."""
    return re.findall(r"^\[\d+/\d+\] CC (\S+)$", output, re.M)


@pytest.fixture(scope="module")
def host_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = tmp_path_factory.mktemp("host") / "build"
    proc = scons(build)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return build


def test_progress_lines_and_compile_commands(host_build: Path) -> None:
    db = json.loads((host_build / "compile_commands.json").read_text())
    files = {Path(e["file"]).name for e in db}
    assert "vm.c" in files and "frozen.c" in files
    for entry in db:
        assert "-Werror" in entry["command"] and "-std=c11" in entry["command"]


def test_noop_rebuild_compiles_nothing(host_build: Path) -> None:
    proc = scons(host_build)
    assert proc.returncode == 0
    assert compiled(proc.stdout) == []
    assert "LINK" not in proc.stdout
    assert proc.stdout.splitlines()[-1].endswith(": up to date"), proc.stdout


def test_generate_is_a_stage_of_its_own(host_build: Path) -> None:
    """GENERATE's headers and data are targets of their own builders: made without compiling
    anything, remade when missing (and then nothing after them changes), and made before
    the object of a source that includes them."""
    gen = host_build / "gen"
    outputs = ["qstrdefs.h", "qstrpool.json", "moduletable.h", "modules.json"]
    before = {name: (gen / name).read_bytes() for name in outputs}
    for name in outputs:
        (gen / name).unlink()
    proc = scons(host_build, str(gen / "qstrpool.json"), str(gen / "modules.json"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.findall(r"^\[\d+/\d+\] (\w+) ", proc.stdout, re.M) == ["QSTR", "MODULES"], proc.stdout
    assert {name: (gen / name).read_bytes() for name in outputs} == before
    # remade with the same content: nothing that reads them (FREEZE, COMPILE) runs again
    proc = scons(host_build)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1].endswith(": up to date"), proc.stdout
    # a source's object names the generated header among its dependencies
    (gen / "qstrdefs.h").unlink()
    (host_build / "py" / "map.o").unlink()
    proc = scons(host_build, str(host_build / "py" / "map.o"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    steps = re.findall(r"^\[\d+/\d+\] (\w+ \S+)$", proc.stdout, re.M)
    assert steps == [f"QSTR {gen / 'qstrdefs.h'}", "CC py/map.c"], proc.stdout
    assert compiled(scons(host_build).stdout) == []


def test_toggling_one_symbol_rebuilds_only_its_users(host_build: Path, tmp_path: Path) -> None:
    """Objects depend on the CONFIG_ symbols their code mentions, not on all of config.h."""
    users = {
        os.path.relpath(p, paths.ROOT)
        for p in (*paths.ROOT.glob("py/*.c"), *paths.ROOT.glob("ports/host/*.c"))
        if "CONFIG_HEAP_SIZE" in p.read_text()
    }
    frag = tmp_path / "heap.conf"
    frag.write_text("CONFIG_HEAP_SIZE=1048576\n")
    proc = scons(host_build, fragments=[frag])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rebuilt = set(compiled(proc.stdout))
    assert "ports/host/port.c" in rebuilt and "py/vm.c" not in rebuilt
    # the counter ends at its own total, which every line shows
    counters = re.findall(r"^\[(\d+)/(\d+)\] ", proc.stdout, re.M)
    total = counters[-1][1]
    assert counters[-1][0] == total and {t for _, t in counters} == {total}
    assert re.search(rf"^\[{total}/{total}\] .*: \d+ steps ran, \d+ up to date$", proc.stdout, re.M)
    total = len(json.loads((host_build / "compile_commands.json").read_text()))
    assert len(rebuilt) < total / 4, (sorted(rebuilt), total)
    assert users <= rebuilt  # every user of the symbol was rebuilt
    # The qstr pool is made from the preprocessed sources, so a config change reruns QSTR
    # (the same pool: nothing rebuilt for it). The build after it compiles nothing: the
    # generated frozen.c's includes are recorded while the pool is being remade too
    # (mpf_configdeps scans what is on disk; before, frozen.o was recompiled once).
    assert compiled(scons(host_build, fragments=[frag]).stdout) == []
    scons(host_build)


def test_disabled_feature_is_not_compiled(host_build: Path, tmp_path: Path) -> None:
    frag = tmp_path / "noset.conf"
    frag.write_text("# CONFIG_BUILTIN_SET is not set\n")
    proc = scons(host_build, fragments=[frag])
    assert proc.returncode == 0, proc.stdout + proc.stderr

    def sources() -> set[str]:
        db = json.loads((host_build / "compile_commands.json").read_text())
        return {os.path.relpath(e["file"], paths.ROOT) for e in db}

    assert "py/obj_set.c" not in sources()
    assert scons(host_build).returncode == 0
    assert "py/obj_set.c" in sources()


def test_frozen_demo_runs_at_boot(host_build: Path) -> None:
    proc = subprocess.run([host_build / "firmware"], capture_output=True, text=True, timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert "mpforge: frozen main.py running on" in proc.stdout
    assert "sum of squares 1..10 = 385" in proc.stdout


def test_missing_compiler_names_the_package(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "SCons",
            "-Q",
            "-C",
            str(paths.ROOT),
            "BOARD=host",
            f"BUILD_DIR={tmp_path / 'b'}",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode != 0
    assert (
        "error: the compiler gcc not found: install Debian package gcc (tools/bootstrap.sh does)"
        in proc.stderr
    )
    assert "Traceback" not in proc.stderr


def test_unknown_build_variable_is_an_error(tmp_path: Path) -> None:
    proc = scons(tmp_path / "b", "BORAD=host")
    assert proc.returncode != 0 and "unknown build variable BORAD=" in proc.stderr


def test_extra_serial_port_needs_an_emulated_board() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mpforge", "run", "-b", "host", "--serial", "pty"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode != 0
    assert "--serial needs a board that runs in QEMU" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_frozen_code_is_checked_before_any_c_is_compiled(tmp_path: Path) -> None:
    app = tmp_path / "app"
    (app / "pkg").mkdir(parents=True)
    (app / "main.py").write_text("from pkg import tpyo\n")
    (app / "pkg" / "__init__.py").write_text("typo = 1\n")
    proc = scons(tmp_path / "build", app=app)
    assert proc.returncode != 0
    assert "from pkg import tpyo" in proc.stderr and "(did you mean typo?)" in proc.stderr
    assert compiled(proc.stdout) == []  # the FREEZE stage stopped the build first
    # One `error:` line, and SCons adds no `scons: *** [...] Error 1` of its own after it.
    errors = [line for line in proc.stderr.splitlines() if not line.startswith("note: ")]
    assert len(errors) == 1 and errors[0].startswith("error: "), proc.stderr


# One board a family (host, Cortex-M, RISC-V, WebAssembly), the smallest of each, and
# whether `verify` compares the finished build with a clean one: not on wasm, whose
# ASYNCIFY link alone took 10 minutes on the loaded machine (its next build must succeed).
INTERRUPTED = [
    ("host_minimal", True),
    ("microbit", True),
    ("esp32c3_devkitm", True),
    ("wasm_node", False),
]


def sigint_as_at_a_prompt() -> None:
    """SIGINT's default in the child, as a shell prompt starts a command: a suite started in
    the background (`cmd &` in a script) ignores SIGINT, and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(("board", "verify"), INTERRUPTED)
def test_ctrl_c_is_one_line_and_the_next_build_is_clean(
    board: str, verify: bool, tmp_path: Path
) -> None:
    """Ctrl-C at a terminal sends SIGINT to the whole foreground group (mpforge, SCons, the
    compilers): SCons printed `scons: *** [x.o] Error -2` (a tool it lost) or `Build
    interrupted.`, an action its tool's `error:` line. Now: one `interrupted` line after the
    progress lines, exit 130; built again, the image is a clean build's (`mpforge verify`
    rebuilds from scratch elsewhere and compares)."""
    build = tmp_path / "b"
    cmd = [sys.executable, "-m", "mpforge", "build", "-b", board, "--build-dir", build, "-j2"]
    env = {k: v for k, v in os.environ.items() if k != "MPFORGE_BOARD"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        cwd=tmp_path, start_new_session=True, preexec_fn=sigint_as_at_a_prompt,
    )  # fmt: skip
    assert proc.stdout is not None
    before = []
    for line in proc.stdout:
        before.append(line)
        if len(compiled("".join(before))) >= 3:
            os.killpg(proc.pid, signal.SIGINT)
            break
    after = proc.stdout.read().splitlines()
    assert proc.wait(timeout=600) == 130, "".join(before) + "\n".join(after)
    assert after[-1:] == ["interrupted"], after
    # Progress lines of steps already under way; emcc (a Python program) says it was
    # stopped itself, a word no option of its turns off, or, stopped while it was still
    # starting (before it handles SIGINT), Python prints its KeyboardInterrupt traceback.
    emcc_own = re.compile(
        r"emcc:WARNING: KeyboardInterrupt|KeyboardInterrupt|Traceback \(most recent call last\):"
        r'|  File "/usr/share/emscripten/[^"]+", line \d+, in .*|    .*'
    )
    tool_lines = [line for line in after[:-1] if not re.match(r"\[\d+/\d+\] ", line)]
    assert all(board.startswith("wasm") and emcc_own.fullmatch(line) for line in tool_lines), after
    for argv in (["build"], ["verify"]) if verify else (["build"],):
        done = subprocess.run(
            [sys.executable, "-m", "mpforge", *argv, "-b", board, "--build-dir", build, "-j2"],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=1200, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    assert "identical" in done.stdout if verify else "steps ran" in done.stdout


class _Node:
    """What an SCons action reads of a target or source node."""

    def __init__(self, path: Path) -> None:
        self.abspath = str(path)

    def __str__(self) -> str:
        return self.abspath


def test_an_action_error_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Espressif linker-script and image actions, the rp2040 boot2 and the GENERATE
    actions printed their `error:` (some on stdout) and returned 1, after which SCons added
    `scons: *** [target] Error 1`: they now return the reported failure SCons keeps quiet
    about, with the one line on stderr."""
    sys.path.insert(0, str(paths.ROOT / "site_scons" / "site_tools"))
    import mpf_esp

    template = tmp_path / "firmware.ld.in"
    template.write_text("MEMORY { ${iram} ${nope} }\n")
    action = mpf_esp._LinkerScriptAction({"iram": "x"})
    failure = action([_Node(tmp_path / "firmware.ld")], [_Node(template)], None)
    assert getattr(failure, "mpf_reported", False) and failure.exitstatus == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"error: {template}: unknown field ${{nope}}; known: iram\n"


def test_a_second_build_in_one_directory_waits_and_clean_refuses(tmp_path: Path) -> None:
    """Two builds into one build directory deleted each other's files (the first failed on a
    missing qstrdefs.h, the second 'succeeded'): the build holds BUILD_DIR/.lock; a second
    waits, saying for whom, and `clean` refuses while it is held."""
    import fcntl

    build = tmp_path / "b"
    build.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MPFORGE_BOARD"}
    with open(build / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242\n")
        held.flush()
        clean = subprocess.run(
            [sys.executable, "-m", "mpforge", "clean", "-b", "host", "--build-dir", build],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert clean.returncode == 1
        assert (
            clean.stderr
            == f"error: {build} is in use by another build (pid 4242); wait for it to finish\n"
        )
        cmd = [sys.executable, "-m", "mpforge", "build", "-b", "host", "--build-dir", build]
        proc = subprocess.Popen(
            cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
            start_new_session=True, preexec_fn=sigint_as_at_a_prompt,
        )  # fmt: skip
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert (
            line
            == f"note: {build} is in use by another build (pid 4242); waiting for it to finish\n"
        )
        assert not (build / ".config").exists()  # it waits before the CONFIG stage
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=120) == 130
        assert proc.stderr.read() == "interrupted\n"


def test_scons_starts_with_sigint_held_and_mpforge_keeps_its_own(tmp_path: Path) -> None:
    """A Ctrl-C while the SCons child was still starting up landed in its interpreter's
    start-up (`Fatal Python error: init_import_site` and a traceback) or in SCons's own
    (`scons: Build interrupted.`) beside mpforge's `interrupted`: the child now starts with
    SIGINT blocked (the mask survives exec) and mpforge's own mask is as it was."""
    from mpforge.build import run_scons

    probe = (
        "import signal as s, sys; "
        "sys.exit(7 if s.SIGINT in s.pthread_sigmask(s.SIG_BLOCK, []) else 0)"
    )
    assert run_scons([sys.executable, "-c", probe]) == 7
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_a_ctrl_c_pending_while_scons_starts_leaves_quietly(tmp_path: Path) -> None:
    """The SConstruct unblocks SIGINT once its handler is in place: a Ctrl-C that came while
    Python and SCons started ends the build there, silently (exit 2, before the CONFIG
    stage reads anything: the missing fragment is never reported), as one arriving later."""
    build = tmp_path / "b"
    cmd = scons_command("host", build, fragments=[tmp_path / "missing.conf"])
    start = (
        "import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}); "
        "os.kill(os.getpid(), signal.SIGINT); os.execv(sys.argv[1], sys.argv[1:])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", start, *cmd], capture_output=True, text=True, cwd=paths.ROOT,
        env=dict(os.environ, LC_ALL="C"), timeout=300, check=False,
        preexec_fn=sigint_as_at_a_prompt,
    )  # fmt: skip
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", "")
    assert not (build / ".config").exists()


def test_a_ctrl_c_while_mpforge_starts_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing the command's module is most of mpforge's start-up; a Ctrl-C there was a
    traceback out of the import system."""
    import importlib

    from mpforge import cli

    def interrupted(name: str) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib, "import_module", interrupted)
    try:
        code = cli.main(["build", "-b", "host"])
    except KeyboardInterrupt:  # not out of this test: it would stop the whole session
        pytest.fail("the KeyboardInterrupt left mpforge (a traceback)")
    assert code == 130
    assert capsys.readouterr().err == "interrupted\n"
