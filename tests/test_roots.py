"""Board roots and package roots: boards and frozen packages from directories outside the tree.

An out-of-tree STM32 board (netduinoplus2's facts under another name, in the app's own
boards/ directory) builds and boots in QEMU; packages from `package_roots` and
$MPFORGE_PACKAGE_PATH are offered in the frozen-packages menu and frozen; every bad root
is one `error:` line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import BOARD_KCONFIG, board_root, mpforge, one_error
from helpers import cli as _cli

from mpforge import roots

pytestmark = pytest.mark.usefixtures("no_roots")


def _package(root: Path, name: str, text: str) -> None:
    (root / name).mkdir(parents=True)
    (root / name / "package.yml").write_text(
        f"name: {name}\nversion: 0.1\nlicense: MIT\nmodules:\n  - {name}.py\n"
    )
    (root / name / f"{name}.py").write_text(text)


@pytest.mark.skipif(
    shutil.which("qemu-system-arm") is None or shutil.which("arm-none-eabi-gcc") is None,
    reason="needs qemu-system-arm and arm-none-eabi-gcc (tools/bootstrap.sh installs them)",
)
def test_out_of_tree_board_builds_and_boots_in_qemu(tmp_path: Path) -> None:
    app = tmp_path / "app"
    board_root(app / "boards")
    (app / "mpforge.toml").write_text('board = "mynetduino"\nboard_roots = ["boards"]\n')
    (app / "app.conf").write_text("CONFIG_SEMIHOSTING_EXIT=y\n")
    (app / "main.py").write_text(
        "import sys\nprint('hello from', sys.platform, eval('6*7'))\nsys.exit(3)\n"
    )
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    dotconfig = (app / "build/mynetduino/.config").read_text()
    assert "CONFIG_BOARD_MYNETDUINO=y" in dotconfig and 'CONFIG_CHIP="STM32F405RG"' in dotconfig
    proc = _cli(app, "run", "--timeout", "120")
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "hello from stm32 42" in proc.stdout


def test_boards_lists_out_of_tree_boards(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    root = board_root(tmp_path / "boards")
    r = mpforge(capsys, "boards", "mynet", "--json", "--board-root", root)
    assert r.code == 0, r.err
    (board,) = json.loads(r.out)
    assert board["board"] == "mynetduino" and board["chip"] == "STM32F405RG"
    assert board["emulator"].startswith("qemu") and "out of tree" in board["notes"]
    r = mpforge(capsys, "boards", "netduinoplus2", "--json", "--board-root", root)
    assert "out of tree" not in json.loads(r.out)[0]["notes"]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "--board-root: board root {tmp}/nowhere does not exist"),
        ("file", "is not a directory"),
        ("empty", "holds no <board>_defconfig file"),
        ("clash", "board 'host' of {tmp}/boards/host_defconfig clashes with the board in the tree"),
        ("unknown-chip", "mynetduino.Kconfig:7: CHIP_STM32F999 is not a Kconfig symbol"),
        ("no-port", "an out-of-tree board's defconfig chooses its port"),
        ("unknown-board-symbol", "unknown symbol CONFIG_BOARD_MYNETDUINO"),
    ],
)
def test_bad_board_roots(
    tmp_path: Path, capsys: pytest.CaptureFixture, setup: str, expected: str
) -> None:
    root = tmp_path / "boards"
    if setup == "missing":
        root = tmp_path / "nowhere"
    elif setup == "file":
        root.write_text("")
    elif setup == "empty":
        root.mkdir()
    elif setup == "clash":
        root.mkdir()
        (root / "host_defconfig").write_text("CONFIG_PORT_HOST=y\n")
    elif setup == "unknown-chip":
        board_root(root, kconfig=BOARD_KCONFIG.replace("CHIP_STM32F405RG", "CHIP_STM32F999"))
    elif setup == "no-port":
        board_root(root)
        (root / "mynetduino_defconfig").write_text("CONFIG_BOARD_MYNETDUINO=y\n")
    elif setup == "unknown-board-symbol":
        board_root(root)
        (root / "mynetduino.Kconfig").unlink()
    board = "host" if setup in ("missing", "file", "empty", "clash") else "mynetduino"
    r = mpforge(capsys, "config", "-b", board, "--board-root", root, "--build-dir", tmp_path / "b")
    assert r.code != 0
    assert expected.replace("{tmp}", str(tmp_path)) in one_error(r.err)


def test_board_root_in_the_project_file(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "app"
    board_root(app / "boards")
    (app / "main.py").write_text("print(1)\n")
    monkeypatch.chdir(app)
    (app / "mpforge.toml").write_text('board = "mynetduino"\nboard_roots = ["boards"]\n')
    r = mpforge(capsys, "config")
    assert r.code == 0, r.err
    assert "CONFIG_BOARD_MYNETDUINO=y" in (app / "build/mynetduino/.config").read_text()
    (app / "mpforge.toml").write_text('board = "mynetduino"\n\nboard_roots = ["bords"]\n')
    r = mpforge(capsys, "config")
    assert r.code != 0 and "mpforge.toml:3: board root" in one_error(r.err)
    assert "bords does not exist" in r.err


def test_packages_from_package_roots_are_frozen(tmp_path: Path) -> None:
    """One package from the project's package_roots, one from $MPFORGE_PACKAGE_PATH: both
    in the menu (CONFIG_FROZEN_PKG_*), both frozen into the host firmware and imported."""
    app = tmp_path / "app"
    _package(app / "libs", "greeting", "def text():\n    return 'hello'\n")
    _package(tmp_path / "shared", "punct", "MARK = '!'\n")
    (app / "mpforge.toml").write_text('board = "host"\npackage_roots = ["libs"]\n')
    (app / "app.conf").write_text("CONFIG_FROZEN_PKG_GREETING=y\nCONFIG_FROZEN_PKG_PUNCT=y\n")
    (app / "main.py").write_text("import greeting, punct\nprint(greeting.text() + punct.MARK)\n")
    env = {roots.PACKAGE_PATH_ENV: str(tmp_path / "shared")}
    proc = _cli(app, "build", "-j", "2", env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    proc = _cli(app, "run", "--timeout", "60", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "hello!\n"
    sbom = json.loads((app / "build/host/sbom.spdx.json").read_text())
    assert {"greeting", "punct"} <= {p["name"] for p in sbom["packages"]}


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("clash", "package 'demo' is found twice: "),
        ("env-missing", "$MPFORGE_PACKAGE_PATH: package root {tmp}/gone does not exist"),
        ("toml-missing", "mpforge.toml:2: package root"),
        ("not-offered", "unknown symbol CONFIG_FROZEN_PKG_ELSEWHERE"),
    ],
)
def test_bad_package_roots(
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    setup: str,
    expected: str,
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text("print(1)\n")
    toml = 'board = "host"\npackage_roots = ["libs"]\n'
    (app / "libs").mkdir()
    if setup == "clash":
        _package(app / "libs", "demo", "X = 1\n")
    elif setup == "env-missing":
        monkeypatch.setenv(roots.PACKAGE_PATH_ENV, str(tmp_path / "gone"))
    elif setup == "toml-missing":
        shutil.rmtree(app / "libs")
    elif setup == "not-offered":
        (app / "app.conf").write_text("CONFIG_FROZEN_PKG_ELSEWHERE=y\n")
    (app / "mpforge.toml").write_text(toml)
    monkeypatch.chdir(app)
    r = mpforge(capsys, "config")
    assert r.code != 0
    line = one_error(r.err)
    assert expected.replace("{tmp}", str(tmp_path)) in line
    if setup == "clash":
        assert "frozen/demo/package.yml" in line and "libs/demo/package.yml" in line


def test_init_with_aboard_root(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = board_root(tmp_path / "boards")
    monkeypatch.chdir(tmp_path)
    r = mpforge(capsys, "init", "--board", "mynetduino", "--board-root", root, "app")
    assert r.code == 0, r.err
    assert 'board_roots = ["../boards"]\n' in (tmp_path / "app/mpforge.toml").read_text()
    monkeypatch.chdir(tmp_path / "app")
    roots.configure()
    assert mpforge(capsys, "config").code == 0
    r = mpforge(capsys, "init", "--board", "mynetduino", str(tmp_path / "other"))
    assert r.code != 0 and "unknown board 'mynetduino'" in one_error(r.err)
    assert not (tmp_path / "other").exists()
