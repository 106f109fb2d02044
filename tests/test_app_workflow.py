"""The everyday workflow of an application outside the tree: `mpforge init` writes a skeleton
with mpforge.toml, and inside it `build`, `run`, `config`, `clean` need no -b and build into
APP/build/BOARD; the app freezes what it needs (not tests/, hidden directories or `exclude`).
Also the small commands: `boards FILTER --json`, `completion bash|zsh`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import cli as _cli
from helpers import mpforge, one_error

from mpforge import paths
from mpforge.cli import COMMANDS


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty directory outside the tree, the working directory of the test."""
    directory = tmp_path / "blinky"
    directory.mkdir()
    assert not directory.resolve().is_relative_to(paths.ROOT)
    monkeypatch.chdir(directory)
    monkeypatch.delenv("MPFORGE_BOARD", raising=False)
    return directory


def test_init_build_run_on_host(app: Path) -> None:
    proc = _cli(app, "init")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in app.iterdir()) == sorted(
        ["main.py", "app.conf", "mpforge.toml", ".gitignore"]
    )
    # What a real app holds besides its code: tests and scratch files that must not be frozen
    # (each imports a module that exists nowhere, which the import check would refuse).
    (app / "greet.py").write_text("def greet(who):\n    return 'hello ' + who\n")
    (app / "main.py").write_text("from greet import greet\nprint(greet('workflow'))\n")
    (app / "tests").mkdir()
    (app / "tests" / "test_greet.py").write_text("import nowhere_module\n")
    (app / ".venv").mkdir()
    (app / ".venv" / "site.py").write_text("import nowhere_module\n")
    (app / "scratch.py").write_text("import nowhere_module\n")
    with open(app / "mpforge.toml", "a") as toml:
        toml.write('exclude = ["scratch.py"]\n')

    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    note = next(line for line in proc.stderr.splitlines() if "not frozen" in line)
    assert ".venv/" in note and "scratch.py" in note and "tests/" in note
    assert (app / "build" / "host" / "firmware").is_file()
    # The app's main.py replacing the demo package's is what an app is for: not said on every
    # build (only with -v), as west and idf.py keep a normal build quiet.
    assert "replaces" not in proc.stderr, proc.stderr
    verbose = _cli(app, "-v", "config")
    assert "note: the application's main.py replaces " in verbose.stderr, verbose.stderr
    # Progress lines name paths as the errors do: relative to the working directory below it
    # (they were absolute: `[1/81] QSTR /home/me/blinky/build/host/gen/qstrdefs.h`).
    assert str(app) not in proc.stdout, proc.stdout
    assert re.search(r"^\[\d+/\d+\] QSTR build/host/gen/qstrdefs.h$", proc.stdout, re.M)
    assert re.search(r"^\[(\d+)/\1\] build/host: \d+ steps ran", proc.stdout, re.M), proc.stdout

    proc = _cli(app, "run", "--timeout", "60")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "hello workflow\n"

    # A script run with `mpforge run FILE.py` is itself, as with `firmware FILE.py` or
    # CPython: argv[0] is the path given and its directory is sys.path[0], so it imports the
    # modules beside it (it was a temporary .mpy, whose directory held nothing else).
    scripts = app.parent / "scripts"
    scripts.mkdir()
    (scripts / "beside_script.py").write_text("VALUE = 42\n")
    (scripts / "prog.py").write_text(
        "import sys\nimport beside_script\nprint(sys.argv, beside_script.VALUE)\n"
    )
    proc = _cli(app, "run", "--timeout", "60", "../scripts/prog.py", "x")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "['../scripts/prog.py', 'x'] 42\n"

    proc = _cli(app, "clean")
    assert proc.returncode == 0, proc.stderr
    assert not (app / "build" / "host" / "firmware").exists()
    assert (app / "build" / "host" / ".config").is_file()
    proc = _cli(app, "clean", "--pristine")
    assert proc.returncode == 0, proc.stderr
    assert not (app / "build" / "host").exists()
    assert (proc.stdout, proc.stderr) == ("clean: removed build/host\n", "")  # said once


@pytest.mark.skipif(
    shutil.which("qemu-system-arm") is None or shutil.which("arm-none-eabi-gcc") is None,
    reason="needs qemu-system-arm and arm-none-eabi-gcc (tools/bootstrap.sh installs them)",
)
def test_init_build_run_on_netduinoplus2_in_qemu(app: Path) -> None:
    assert _cli(app, "init", "--board", "netduinoplus2").returncode == 0
    with open(app / "app.conf", "a") as conf:
        conf.write("CONFIG_SEMIHOSTING_EXIT=y\n")  # main.py's exit status leaves QEMU
    (app / "main.py").write_text("import sys\nprint('hello from qemu')\nsys.exit(3)\n")
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (app / "build" / "netduinoplus2" / "firmware.elf").is_file()
    proc = _cli(app, "run", "--timeout", "120")
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "hello from qemu" in proc.stdout


def test_init_refuses_a_non_empty_directory(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (app / "main.py").write_text("print('mine')\n")
    r = mpforge(capsys, "init")
    assert r.code != 0
    assert "not empty (main.py)" in one_error(r.err)
    assert (app / "main.py").read_text() == "print('mine')\n"
    assert sorted(p.name for p in app.iterdir()) == ["main.py"]


def test_init_refuses_an_unknown_board(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = mpforge(capsys, "init", "--board", "hots")
    assert r.code != 0 and "did you mean host?" in one_error(r.err)
    r = mpforge(capsys, "init", "-b", "hots")  # -b as every other command spells it
    assert r.code != 0 and "did you mean host?" in one_error(r.err)
    assert list(app.iterdir()) == []


def test_init_refuses_a_directory_inside_the_tree(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mpforge init py/myapp` made an app whose every build was then refused (its build
    directory, py/myapp/build/host, lies inside the tree): refused before writing anything."""
    target = paths.ROOT / "py" / "userwalk_app_never_made"
    r = mpforge(capsys, "init", str(target))
    assert r.code != 0
    assert "lies inside the mpforge tree (py/userwalk_app_never_made)" in one_error(r.err)
    assert not target.exists()


def test_a_subdirectory_without_init_names_both_fixes(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Scripts (or another app) in a subdirectory without __init__.py: the error offered
    only `add one to make it a package`, not leaving the directory out."""
    assert mpforge(capsys, "init").code == 0
    (app / "scripts").mkdir()
    (app / "scripts" / "flash_all.py").write_text("print(1)\n")
    r = mpforge(capsys, "config")
    assert r.code != 0
    error = one_error(r.err)
    assert "scripts/ holds .py files but no __init__.py" in error
    assert 'mpforge.toml: exclude = ["scripts"]' in error and "scripts/__init__.py" in error
    with open(app / "mpforge.toml", "a") as toml:
        toml.write('exclude = ["scripts"]\n')
    r = mpforge(capsys, "config")
    assert r.code == 0, r.err


def test_build_errors_name_files_as_the_user_sees_them(app: Path) -> None:
    """The build's checks run in SCons, whose working directory is the tree: their errors
    named every file of the app by its absolute path. They are relative to where the user
    typed the command, as a compiler's are (absolute only when outside it)."""
    assert _cli(app, "init").returncode == 0
    (app / "lib").mkdir()
    (app / "lib" / "__init__.py").write_text("")
    (app / "lib" / "helpers.py").write_text("x = 1\nimport nowhere_module\n")
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode != 0
    assert one_error(proc.stderr, notes=True).startswith(
        "error: lib/helpers.py:2: import of 'nowhere_module'"
    ), proc.stderr
    (app / "docs").mkdir()
    proc = _cli(app / "docs", "build", "-j", "2")  # mpforge.toml found above: outside the cwd
    assert one_error(proc.stderr, notes=True).startswith(f"error: {app / 'lib' / 'helpers.py'}:2:")
    # A name a builtin module lacks: the build's generated module data knows its names.
    (app / "lib" / "helpers.py").write_text(
        "try:\n    import nowhere_module\nexcept ImportError:\n    pass\nfrom time import tiem\n"
    )
    proc = _cli(app, "build", "-j", "2")
    assert one_error(proc.stderr, notes=True).startswith(
        "error: lib/helpers.py:5: from time import tiem: the builtin module time has no 'tiem' "
        "(did you mean time"
    ), proc.stderr
    # A name an `#if` of its C source leaves out of this build's configuration passed (the
    # check counted it in every configuration) and failed on the board: the option is named.
    (app / "lib" / "helpers.py").write_text("from os import statvfs\n")
    (app / "novfs.conf").write_text("# CONFIG_MODULE_VFS is not set\n")
    proc = _cli(app, "build", "-j", "2", "-C", "novfs.conf")
    assert one_error(proc.stderr, notes=True).startswith(
        "error: lib/helpers.py:1: os has no 'statvfs' in this configuration "
        "(CONFIG_MODULE_VFS is off); a configuration with CONFIG_MODULE_VFS adds it"
    ), proc.stderr
    # MicroPython's old names of builtin modules (utime, ujson: CONFIG_IMPORT_U_ALIASES, on by
    # default) import the module itself, as at run time: micropython-logging's `import utime`
    # failed the check. A name the module lacks is still refused.
    (app / "lib" / "helpers.py").write_text("import utime\nfrom ujson import dumps\n")
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    (app / "lib" / "helpers.py").write_text("import utime\nfrom ujson import dump_s\n")
    proc = _cli(app, "build", "-j", "2")
    error = one_error(proc.stderr, notes=True)
    assert error.startswith("error: lib/helpers.py:2: ") and "'dump_s'" in error, proc.stderr


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('board = "host"\nfragments = ["a.conf"\n', "mpforge.toml:2: "),
        ('board = "host"\nfragmnts = []\n', "mpforge.toml:2: unknown key 'fragmnts' (did you mean"),
        ('board = "hots"\n', "mpforge.toml:1: unknown board 'hots' (did you mean host?)"),
        ("board = 3\n", "mpforge.toml:1: board must be a string"),
        ('\nboard = "host"\nfragments = ["gone.conf"]\n', "mpforge.toml:3: config fragment"),
        ('board = "host"\nexclude = ["../x"]\n', "mpforge.toml:2: exclude '../x' must be a path"),
        ('board = "host"\nexclude = ["tols"]\n', "mpforge.toml:2: exclude 'tols' names nothing"),
        # A directory as a fragment was named without the line that lists it.
        ('board = "host"\nfragments = ["."]\n', "mpforge.toml:2: config fragment . is a directory"),
        # The example was fragments' for every list (`exclude = ["a.conf"]`).
        ('board = "host"\nexclude = "tools"\n', 'e.g. exclude = ["tools"]'),
        ('board = "host"\nboard_roots = [1]\n', 'e.g. board_roots = ["boards"]'),
    ],
)
def test_bad_project_file(
    app: Path, capsys: pytest.CaptureFixture[str], toml: str, expected: str
) -> None:
    (app / "mpforge.toml").write_text(toml)
    (app / "main.py").write_text("print(1)\n")
    r = mpforge(capsys, "config")
    assert r.code != 0
    assert expected in one_error(r.err)
    assert not (app / "build").exists()


def test_no_board_anywhere(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = mpforge(capsys, "build")
    assert r.code != 0 and "no board: give -b BOARD, set $MPFORGE_BOARD" in one_error(r.err)


def test_project_settings_apply_from_a_subdirectory(
    app: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """mpforge.toml is found above the working directory; its fragments resolve against it
    and apply before app.conf; MPFORGE_BOARD overrides its board."""
    assert mpforge(capsys, "init", "--board", "netduinoplus2").code == 0
    (app / "conf").mkdir()
    (app / "conf" / "heap.conf").write_text(
        "CONFIG_HEAP_SIZE=40960\n# CONFIG_BUILTIN_SET is not set\n"
    )
    (app / "app.conf").write_text("CONFIG_HEAP_SIZE=49152\n")
    with open(app / "mpforge.toml", "a") as toml:
        toml.write('fragments = ["conf/heap.conf"]\n')
    (app / "lib").mkdir()
    (app / "lib" / "__init__.py").write_text("")
    (app / "lib" / "debug_only.py").write_text("import nowhere_module\n")
    with open(app / "mpforge.toml", "a") as toml:
        toml.write('exclude = ["lib/debug_only.py"]\n')
    monkeypatch.chdir(app / "conf")
    monkeypatch.setenv("MPFORGE_BOARD", "host")
    r = mpforge(capsys, "config")
    assert r.code == 0, r.err
    assert "not frozen: lib/debug_only.py" in r.err
    dotconfig = (app / "build" / "host" / ".config").read_text()
    assert "CONFIG_HEAP_SIZE=49152" in dotconfig  # app.conf last
    assert "# CONFIG_BUILTIN_SET is not set" in dotconfig  # the project's fragment
    monkeypatch.delenv("MPFORGE_BOARD")
    r = mpforge(capsys, "config")
    assert r.code == 0, r.err
    assert (app / "build" / "netduinoplus2" / ".config").is_file()


def test_clean_keeps_the_configuration(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mpforge(capsys, "init").code == 0
    assert mpforge(capsys, "config").code == 0
    build = app / "build" / "host"
    assert (build / "gen" / "config.h").is_file()
    r = mpforge(capsys, "clean")
    assert r.code == 0
    assert (build / ".config").is_file() and not (build / "gen").exists()
    # It named a `streams` directory that only a `-C /dev/stdin` build makes.
    assert (
        r.out
        == "clean: removed objects and images in build/host (kept .config, config-inputs.json)\n"
    )
    assert mpforge(capsys, "clean", "--pristine").code == 0
    assert not build.exists()
    # Not a build directory: left alone.
    stranger = app / "build" / "host"
    stranger.mkdir(parents=True)
    (stranger / "notes.txt").write_text("mine\n")
    r = mpforge(capsys, "clean")
    assert r.code != 0 and "does not look like an mpforge build" in one_error(r.err)
    r = mpforge(capsys, "clean", "--pristine")
    assert r.code != 0 and (stranger / "notes.txt").is_file()
    # A typo in --build-dir: nothing to clean, and the close directory is named.
    r = mpforge(capsys, "clean", "--build-dir", "buidl/host")
    assert r.code == 0
    assert r.out == "clean: nothing to do: buidl/host does not exist (did you mean build/host?)\n"


def test_boards_filter_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    r = mpforge(capsys, "boards", "stm32", "--json")
    assert r.code == 0, r.err
    boards = json.loads(r.out)
    assert boards and all(b["port"] == "stm32" for b in boards)
    assert {"netduinoplus2", "pyboard_v11"} <= {b["board"] for b in boards}
    (nd,) = (b for b in boards if b["board"] == "netduinoplus2")
    # numbers for a program to compare: bytes, not the table's "1024 KiB"
    assert (nd["flash"], nd["ram"], nd["repl"]) == (1024 * 1024, 128 * 1024, True)
    assert isinstance(nd["heap"], int) and nd["heap"] > 0
    r = mpforge(capsys, "boards", "netduino")
    assert r.code == 0
    assert [line.split()[0] for line in r.out.splitlines()] == ["BOARD", "netduinoplus2"]
    r = mpforge(capsys, "boards", "no-such-thing")
    assert r.code == 1
    assert one_error(r.err) == (
        "error: no board matches 'no-such-thing' (a part of a board's name, port or chip); "
        "`mpforge boards` lists them all"
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to check the script")
def test_completion_scripts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = mpforge(capsys, "completion", "bash")
    assert r.code == 0
    for name in COMMANDS:
        assert name in r.out
    assert "--pristine" in r.out and "netduinoplus2" in r.out
    # The script is valid bash, and completing `mpforge cl` offers `clean`.
    probe = (
        r.out + 'COMP_WORDS=(mpforge cl); COMP_CWORD=1; _mpforge; echo "${COMPREPLY[*]}"\n'
        'COMP_WORDS=(mpforge build --pri); COMP_CWORD=2; _mpforge; echo "${COMPREPLY[*]}"\n'
    )
    out = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["clean", "--pristine"]
    # An option's choices and directories (files were offered after --method and --build-dir).
    (tmp_path / "builds").mkdir()
    (tmp_path / "build.log").write_text("")
    probe = (
        f"cd {tmp_path}\n" + r.out + "COMP_WORDS=(mpforge flash --method d); COMP_CWORD=3; "
        '_mpforge; echo "${COMPREPLY[*]}"\n'
        'COMP_WORDS=(mpforge build --build-dir buil); COMP_CWORD=3; _mpforge; echo "${COMPREPLY[*]}"\n'
    )
    out = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["daplink dfu", "builds"]
    r = mpforge(capsys, "completion", "zsh")
    assert r.code == 0 and "bashcompinit" in r.out and "complete -F _mpforge mpforge" in r.out


@pytest.mark.parametrize("command", ["run", "flash", "debug", "verify", "size"])
def test_a_board_not_built_in_an_app_names_the_build_with_its_board(
    command: str, app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Inside an app of board host, `mpforge run -b netduinoplus2` said to run a bare
    `mpforge build` first, which builds host again; the fix names the board."""
    assert mpforge(capsys, "init", "--board", "host").code == 0
    r = mpforge(capsys, command, "-b", "netduinoplus2", *(["-n"] if command == "flash" else []))
    assert r.code == 1
    missing = (
        "build/netduinoplus2: no built image (firmware.elf or firmware)"
        if command == "size"
        else "build/netduinoplus2/.config does not exist"
    )
    # (size named the directory by its absolute path, the others as build/netduinoplus2)
    assert one_error(r.err) == (
        f"error: {missing}; build it first with `mpforge build -b netduinoplus2`"
    )
