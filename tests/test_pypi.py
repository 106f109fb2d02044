"""Libraries from PyPI in a manifest (`- pypi: NAME==VERSION`), served here from a local
directory of sdists built in the test (`MPFORGE_PIP_ARGS=--no-index --find-links DIR`): never
the network. The sdist is downloaded once into the cache, pinned in manifest.lock, frozen,
and named in the SBOM with its purl; offline rebuilds use the cache; a changed hash is an
error naming both hashes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import cli as _cli
from helpers import mpforge, one_error


def _sdist(work: Path, dist: Path, body: str, version: str = "0.1.0") -> Path:
    """A tiny sdist micropython-tinylib (module tinylib, package tinypkg), made with setuptools."""
    src = work / f"src-{hashlib.sha256(body.encode()).hexdigest()[:8]}"
    (src / "tinypkg").mkdir(parents=True)
    (src / "setup.py").write_text(
        "from setuptools import setup\n"
        f"setup(name='micropython-tinylib', version='{version}', py_modules=['tinylib'],\n"
        "      packages=['tinypkg'], license='MIT')\n"
    )
    (src / "tinylib.py").write_text(body)
    (src / "tinypkg" / "__init__.py").write_text("NAME = 'pkg'\n")
    subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "-d", str(dist)],
        cwd=src,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return dist / f"micropython-tinylib-{version}.tar.gz"


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_roots: None) -> dict[str, Path]:
    dist = tmp_path / "index"
    dist.mkdir()
    sdist = _sdist(tmp_path, dist, "def hello():\n    return 'tiny'\n")
    app = tmp_path / "app"
    app.mkdir()
    (app / "mpforge.toml").write_text('board = "host"\n')
    (app / "main.py").write_text("import tinylib, tinypkg\nprint(tinylib.hello(), tinypkg.NAME)\n")
    (app / "manifest.yml").write_text(
        "modules:\n  - main.py\n  - pypi: micropython-tinylib==0.1.0\n"
    )
    pip_args = f"--no-index --find-links {dist} --no-build-isolation"
    monkeypatch.setenv("MPFORGE_PIP_ARGS", pip_args)
    monkeypatch.setenv("MPFORGE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("MPFORGE_PYPI_CACHE", raising=False)
    monkeypatch.chdir(app)
    return {"app": app, "dist": dist, "sdist": sdist, "tmp": tmp_path}


def test_pypi_library_is_pinned_frozen_and_in_the_sbom(world: dict[str, Path]) -> None:
    app = world["app"]
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    digest = hashlib.sha256(world["sdist"].read_bytes()).hexdigest()
    lock = json.loads((app / "manifest.lock").read_text())
    assert lock == {"packages": {"micropython-tinylib": {"sha256": digest, "version": "0.1.0"}}}
    proc = _cli(app, "run", "--timeout", "60")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "tiny pkg\n"
    sbom = json.loads((app / "build/host/sbom.spdx.json").read_text())
    (entry,) = [p for p in sbom["packages"] if p["name"] == "micropython-tinylib"]
    assert entry["versionInfo"] == "0.1.0" and entry["licenseDeclared"] == "MIT"
    assert entry["checksums"] == [{"algorithm": "SHA256", "checksumValue": digest}]
    assert entry["externalRefs"][0]["referenceLocator"] == "pkg:pypi/micropython-tinylib@0.1.0"

    # Offline: the index is gone, the cache serves the rebuild (pip is never called).
    shutil.rmtree(world["dist"])
    os.environ["MPFORGE_PIP_ARGS"] = "--no-index --find-links /nonexistent-index"
    proc = _cli(app, "build", "-j", "2", "--pristine")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert _cli(app, "run", "--timeout", "60").stdout == "tiny pkg\n"


def test_bare_sdist_without_setup_py(world: dict[str, Path]) -> None:
    """Older MicroPython library uploads (micropython-logging 0.5.2, the README's example) are
    bare sdists: the modules and an egg-info, no setup.py or pyproject.toml. pip finds the file
    but will not prepare it; the archive it found is fetched as it is, frozen, and its
    licence read from the egg-info."""
    app, tmp = world["app"], world["tmp"]
    top = tmp / "bare" / "micropython-barelib-0.2.0"
    (top / "micropython_barelib.egg-info").mkdir(parents=True)
    (top / "barelib.py").write_text("import utime\ndef hi():\n    return 'bare'\n")
    (top / "micropython_barelib.egg-info" / "PKG-INFO").write_text(
        "Metadata-Version: 1.0\nName: micropython-barelib\nVersion: 0.2.0\nLicense: MIT\n"
    )
    archive = world["dist"] / "micropython-barelib-0.2.0.tar.gz"
    subprocess.run(["tar", "czf", str(archive), "-C", str(top.parent), top.name], check=True)
    (app / "manifest.yml").write_text(
        "modules:\n  - main.py\n  - pypi: micropython-barelib==0.2.0\n"
    )
    (app / "main.py").write_text("import barelib\nprint(barelib.hi())\n")
    proc = _cli(app, "build", "-j", "2")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    lock = json.loads((app / "manifest.lock").read_text())["packages"]
    assert lock["micropython-barelib"] == {"sha256": digest, "version": "0.2.0"}
    assert _cli(app, "run", "--timeout", "60").stdout == "bare\n"
    sbom = json.loads((app / "build/host/sbom.spdx.json").read_text())
    (entry,) = [p for p in sbom["packages"] if p["name"] == "micropython-barelib"]
    assert entry["licenseDeclared"] == "MIT"


def test_changed_hash_is_an_error(world: dict[str, Path], capsys: pytest.CaptureFixture) -> None:
    app = world["app"]
    assert mpforge(capsys, "config").code == 0
    old = json.loads((app / "manifest.lock").read_text())["packages"]["micropython-tinylib"]
    # The same version published again with other content; the cache is cold.
    world["sdist"].unlink()
    new = _sdist(world["tmp"], world["dist"], "def hello():\n    return 'evil'\n")
    shutil.rmtree(world["tmp"] / "cache")
    r = mpforge(capsys, "config")
    assert r.code != 0
    line = one_error(r.err, notes=True)
    new_digest = hashlib.sha256(new.read_bytes()).hexdigest()
    assert "micropython-tinylib==0.1.0" in line and "manifest.yml:3" in line
    assert old["sha256"] in line and new_digest in line and old["sha256"] != new_digest


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("pypi: micropython-tinylib", "must pin one version, as NAME==VERSION"),
        ("pypi: micropython-tinylib>=0.1", "must pin one version"),
        ("pypi: micropython-nothere==1.0", "cannot download micropython-nothere==1.0"),
        ("pypi: micropython-tinylib==0.1.0\n    file: x.py", "exactly one of file:, package:"),
    ],
)
def test_bad_pypi_entries(
    world: dict[str, Path], capsys: pytest.CaptureFixture, entry: str, expected: str
) -> None:
    (world["app"] / "manifest.yml").write_text(f"modules:\n  - main.py\n  - {entry}\n")
    r = mpforge(capsys, "config")
    assert r.code != 0
    line = one_error(r.err, notes=True)
    assert "manifest.yml:3" in line and expected in line


def test_damaged_lock_file(world: dict[str, Path], capsys: pytest.CaptureFixture) -> None:
    (world["app"] / "manifest.lock").write_text("{not json")
    r = mpforge(capsys, "config")
    assert r.code != 0
    assert "manifest.lock: the lock file is damaged" in one_error(r.err, notes=True)


def test_a_download_is_announced_and_shown_by_v(
    world: dict[str, Path], capsys: pytest.CaptureFixture
) -> None:
    """pip ran without a word (a download can take a while) and outside the one tool runner,
    so `mpforge -v` did not show it; the cache is then used without pip."""
    r = mpforge(capsys, "-v", "config")
    assert r.code == 0, r.err
    assert "note: manifest.yml:3: pypi: downloading micropython-tinylib==0.1.0 into " in r.err
    assert "-m pip download --no-deps --no-binary :all:" in r.err  # the `+ ...` line of -v
    r = mpforge(capsys, "-v", "config")
    assert r.code == 0, r.err
    assert "downloading" not in r.err and "pip download" not in r.err
