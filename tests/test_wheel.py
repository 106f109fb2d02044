"""`pip install mpforge` (a wheel, not editable) works anywhere: the wheel carries the source
tree (mpforge/_data), `mpforge boards` lists the boards, and an app outside the tree builds
into its own directory, never into site-packages. Offline: the wheel is built without build
isolation and installed with --no-deps --no-index into a fresh venv that sees this venv's
dependencies through a .pth file."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from mpforge import paths

TIMEOUT = 1200
_SOURCES = ("pyproject.toml", "setup.py", "README.md", "SConstruct", "Kconfig")
_DIRS = ("mpforge", "configs", "py", "ports", "frozen", "site_scons")


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


@pytest.mark.wheel
@pytest.mark.skipif(
    importlib.util.find_spec("wheel") is None or importlib.util.find_spec("setuptools") is None,
    reason="needs setuptools and wheel in the venv (the test extra; tools/bootstrap.sh)",
)
def test_installed_wheel_builds_an_app(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MPFORGE_BOARD", "PYTHONPATH")}
    src = tmp_path / "src"
    src.mkdir()
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "_data", "*.egg-info")
    for name in _SOURCES:
        shutil.copy2(paths.ROOT / name, src / name)
    for name in _DIRS:
        shutil.copytree(paths.ROOT / name, src / name, ignore=junk)
    proc = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(tmp_path / "dist"), str(src)],
        tmp_path, env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("mpforge-*.whl")

    venv = tmp_path / "venv"
    proc = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    assert proc.returncode == 0, proc.stderr
    python = venv / "bin" / "python"
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        tmp_path, env,
    ).stdout.strip()  # fmt: skip
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "mpforge-test-deps.pth").write_text("".join(f"{d}\n" for d in sorted(deps)))
    proc = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", str(wheel)],
        tmp_path, env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    where = _run([str(python), "-c", "import mpforge; print(mpforge.__file__)"], tmp_path, env)
    assert Path(where.stdout.strip()).is_relative_to(site), where.stdout + where.stderr

    mpforge = str(venv / "bin" / "mpforge")
    app = tmp_path / "app"
    app.mkdir()
    proc = _run([mpforge, "boards"], app, env)
    assert proc.returncode == 0, proc.stderr
    listed = {line.split()[0] for line in proc.stdout.splitlines()[1:]}
    assert {"host", "netduinoplus2", "rpi_pico", "microbit"} <= listed

    assert _run([mpforge, "init", "--board", "host"], app, env).returncode == 0
    # A manifest of the app's named in app.conf relative to it (not to the installed tree).
    (app / "lib").mkdir()
    (app / "lib" / "extra.yml").write_text("modules:\n  - helper.py\n")
    (app / "lib" / "helper.py").write_text("WORD = 'and its helper'\n")
    with (app / "app.conf").open("a") as f:
        f.write('CONFIG_FROZEN_MANIFEST="lib/extra.yml"\n')
    with (app / "mpforge.toml").open("a") as f:
        f.write('exclude = ["lib"]\n')
    (app / "main.py").write_text("import helper\nprint('hello from app', helper.WORD)\n")
    proc = _run([mpforge, "build", "-j", "2"], app, env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (app / "build" / "host" / "firmware").is_file()
    proc = _run([mpforge, "run", "--timeout", "60"], app, env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "hello from app and its helper\n"
    dotconfig = (app / "build" / "host" / ".config").read_text()
    assert 'CONFIG_FROZEN_MANIFEST="$APP/lib/extra.yml"' in dotconfig
    # Nothing was written into the installed package.
    data = Path(site) / "mpforge" / "_data"
    assert not (data / "build").exists()
    assert sorted(p.name for p in data.iterdir()) == sorted(
        ["Kconfig", "SConstruct", "configs", "frozen", "ports", "py", "site_scons"]
    )
