"""Path-valued Kconfig strings (CONFIG_FROZEN_MANIFEST): a relative path resolves against the
directory of the file that sets it (defconfig in a board root, -C fragment, app.conf, a
fragment of mpforge.toml), against the working directory on the command line (-C /dev/stdin),
wherever mpforge runs from; .config, savedefconfig and build-info.json name no machine
directory, and the same app built in two directories gives the same images."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import board_root, cli, mpforge, one_error
from kconfiglib import STRING

from mpforge import paths
from mpforge.config.pathvalues import PATH_SYMBOLS, absolute_in_stream
from mpforge.config.tree import load_kconfig
from mpforge.config.view import read_dotconfig
from mpforge.frozen.collect import collect

pytestmark = pytest.mark.usefixtures("no_roots")

WANTED = '"$APP/extra/more.yml"'
PROJECT = 'board = "host"\nexclude = ["extra"]\n'


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """An app outside the tree with a second manifest in extra/ (freezing extra/more.py)."""
    directory = tmp_path / "app"
    (directory / "extra").mkdir(parents=True)
    (directory / "conf").mkdir()
    (directory / "main.py").write_text("import more\nprint(more.WORD)\n")
    (directory / "extra" / "more.py").write_text("WORD = 'more'\n")
    (directory / "extra" / "more.yml").write_text("modules:\n  - more.py\n")
    (directory / "mpforge.toml").write_text(PROJECT)
    (tmp_path / "elsewhere").mkdir()
    assert not directory.resolve().is_relative_to(paths.ROOT)
    return directory


def _manifest(build_dir: Path) -> str:
    text = (build_dir / ".config").read_text()
    found = re.search(r"^CONFIG_FROZEN_MANIFEST=(.*)$", text, re.MULTILINE)
    assert found, text
    return found.group(1)


def _frozen(build_dir: Path, app: Path) -> set[str]:
    view = read_dotconfig("host", build_dir / ".config")
    return {m.name for m in collect(view, app).modules}


@pytest.mark.parametrize("inside", [True, False], ids=["from-the-app", "from-elsewhere"])
@pytest.mark.parametrize("kind", ["app.conf", "fragment", "mpforge.toml"])
def test_relative_to_the_file_that_sets_it(
    app: Path,
    kind: str,
    inside: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = 'CONFIG_FROZEN_MANIFEST="../extra/more.yml"\n'
    project = PROJECT
    argv = ["config"]
    if kind == "app.conf":
        (app / "app.conf").write_text(line.replace("../", ""))
    elif kind == "fragment":
        (app / "conf" / "f.conf").write_text(line)
        argv += ["-C", "conf/f.conf" if inside else str(app / "conf" / "f.conf")]
    else:
        (app / "conf" / "f.conf").write_text(line)
        project += 'fragments = ["conf/f.conf"]\n'
    (app / "mpforge.toml").write_text(project)
    monkeypatch.chdir(app if inside else app.parent / "elsewhere")
    if not inside:
        argv += ["--app", "../app"]
    r = mpforge(capsys, *argv)
    assert r.code == 0, r.err
    build = app / "build" / "host"
    assert _manifest(build) == WANTED
    assert {"main", "more"} <= _frozen(build, app)


def test_defconfig_in_a_board_root(
    app: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    board_root(app / "boards", extra='CONFIG_FROZEN_MANIFEST="../extra/more.yml"\n')
    for cwd, root in ((app, "boards"), (app.parent / "elsewhere", str(app / "boards"))):
        monkeypatch.chdir(cwd)
        build = app.parent / "b"
        r = mpforge(
            capsys, "config", "-b", "mynetduino", "--board-root", root, "--app", app,
            "--build-dir", build,
        )  # fmt: skip
        assert r.code == 0, r.err
        assert _manifest(build) == WANTED


def test_command_line_is_relative_to_the_working_directory(app: Path) -> None:
    """-C /dev/stdin: what the user types is read from where they stand."""
    stdin = app.parent / "typed.conf"
    stdin.write_text('CONFIG_FROZEN_MANIFEST="more.yml"\n')
    with stdin.open() as f:
        proc = cli(app / "extra", "config", "-C", "/dev/stdin", stdin=f.fileno())
    assert proc.returncode == 0, proc.stderr
    assert _manifest(app / "build" / "host") == WANTED
    # The build's copy of a stream (read again by SCons elsewhere) holds the absolute path.
    copied = absolute_in_stream('CONFIG_FROZEN_MANIFEST="more.yml"\n', app / "extra")
    assert copied == f'CONFIG_FROZEN_MANIFEST="{app / "extra" / "more.yml"}"\n'


def test_missing_file_names_the_setter_and_the_path_tried(
    app: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (app / "mpforge.toml").write_text(PROJECT + 'fragments = ["conf/f.conf"]\n')
    (app / "conf" / "f.conf").write_text('# a comment\nCONFIG_FROZEN_MANIFEST="more.yml"\n')
    monkeypatch.chdir(app.parent / "elsewhere")
    r = mpforge(capsys, "config", "--app", app)
    assert r.code != 0
    line = one_error(r.err)
    assert f'{app / "conf" / "f.conf"}:2: CONFIG_FROZEN_MANIFEST="more.yml"' in line, line
    assert f"{app / 'conf' / 'more.yml'} does not exist" in line, line


def test_savedefconfig_writes_paths_relative_to_its_output(
    app: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (app / "app.conf").write_text('CONFIG_FROZEN_MANIFEST="extra/more.yml"\n')
    monkeypatch.chdir(app)
    r = mpforge(capsys, "savedefconfig", "--fragment", "-o", "conf/f.conf")
    assert r.code == 0, r.err
    assert (app / "conf" / "f.conf").read_text() == 'CONFIG_FROZEN_MANIFEST="../extra/more.yml"\n'
    (app / "app.conf").unlink()
    r = mpforge(capsys, "savedefconfig", "-C", "conf/f.conf", "-o", "conf/saved_defconfig")
    assert r.code == 0, r.err
    saved = (app / "conf" / "saved_defconfig").read_text()
    assert 'CONFIG_FROZEN_MANIFEST="../extra/more.yml"' in saved
    # Fed back from elsewhere, both mean the same file again.
    monkeypatch.chdir(app.parent / "elsewhere")
    shutil.rmtree(app / "build")
    r = mpforge(capsys, "config", "--app", app, "-C", app / "conf" / "saved_defconfig")
    assert r.code == 0, r.err
    assert _manifest(app / "build" / "host") == WANTED


def test_every_path_symbol_is_anchored(tmp_path: Path) -> None:
    """The string symbols whose prompt or help speaks of a path or manifest are the ones
    pathvalues anchors (a new one must join PATH_SYMBOLS)."""
    kconf = load_kconfig(tmp_path, paths.ROOT, paths.ROOT / "configs" / "host_defconfig")
    pathlike = {
        s.name
        for s in kconf.unique_defined_syms
        if s.orig_type == STRING
        and any(
            re.search(r"\b(path|manifest|file|directory)\b", f"{n.prompt} {n.help}", re.I)
            for n in s.nodes
            if n.prompt
        )
    }
    assert pathlike == PATH_SYMBOLS


def test_same_image_and_records_from_two_directories(tmp_path: Path, app: Path) -> None:
    (app / "app.conf").write_text('CONFIG_FROZEN_MANIFEST="extra/more.yml"\n')
    other = tmp_path / "deeper" / "copy"
    shutil.copytree(app, other)
    results = []
    for directory in (app, other):
        proc = cli(directory, "build", "-j", "2")
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        run = cli(directory, "run", "--timeout", "60")
        assert run.returncode == 0 and run.stdout == "more\n", run.stdout + run.stderr
        build = directory / "build" / "host"
        info = json.loads((build / "build-info.json").read_text())
        assert info["config"]["FROZEN_MANIFEST"] == WANTED.strip('"')
        assert "$APP/extra/more.yml" in info["inputs"], sorted(info["inputs"])
        assert str(tmp_path) not in (build / "build-info.json").read_text()
        assert str(tmp_path) not in (build / ".config").read_text()
        results.append(((build / "firmware").read_bytes(), info))
    assert results[0] == results[1]
