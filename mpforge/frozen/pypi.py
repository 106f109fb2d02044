"""Libraries from PyPI in a manifest: `- pypi: micropython-logging==0.5.2`.

The source distribution is downloaded once with `pip download --no-deps --no-binary :all:`
(extra index options from $MPFORGE_PIP_ARGS, e.g. `--no-index --find-links DIR`) into the
cache ($MPFORGE_PYPI_CACHE, default $MPFORGE_CACHE/pypi), pinned by name, version and sha256
in the lock file next to the manifest (manifest.yml -> manifest.lock), and its top-level
modules and packages are frozen. Rebuilds read the cache and never call pip; a download or
cached file whose hash differs from the lock is an error naming both hashes.
"""

from __future__ import annotations

import email.parser
import hashlib
import json
import os
import re
import shlex
import shutil
import sys
import tarfile
import tempfile
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mpforge import process
from mpforge.errors import MpforgeError, note
from mpforge.paths import cache_root
from mpforge.textfile import read_text, show, write_if_changed

PIP_ARGS_ENV = "MPFORGE_PIP_ARGS"
CACHE_ENV = "MPFORGE_PYPI_CACHE"
LOCK_SUFFIX = ".lock"
_REQUIREMENT = re.compile(r"([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)==([A-Za-z0-9.+!_-]+)")
_NOT_FROZEN = {"setup", "conftest", "test", "tests", "docs", "examples"}


@dataclass(frozen=True)
class PypiPackage:
    """One library from PyPI, as pinned in the lock file."""

    name: str  # normalised (PEP 503)
    version: str
    sha256: str  # of the sdist
    license: str
    root: Path  # the unpacked sdist's directory whose modules are frozen

    @property
    def purl(self) -> str:
        return f"pkg:pypi/{self.name}@{self.version}"


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or cache_root() / "pypi")


def lock_path(manifest: Path) -> Path:
    return manifest.with_suffix(LOCK_SUFFIX)


def parse_requirement(text: str, at: str) -> tuple[str, str]:
    found = _REQUIREMENT.fullmatch(text.strip())
    if found is None:
        raise MpforgeError(
            f"{at}: pypi: '{text}' must pin one version, as NAME==VERSION "
            "(e.g. micropython-logging==0.5.2): builds are reproducible"
        )
    return normalise(found.group(1)), found.group(2)


def _read_lock(lock: Path) -> dict[str, dict[str, str]]:
    if not os.path.lexists(lock):
        return {}
    text = read_text(lock, "lock file")
    try:
        data = json.loads(text)
        packages = data["packages"]
        if not isinstance(packages, dict) or not all(
            isinstance(v, dict) and {"version", "sha256"} <= set(v) for v in packages.values()
        ):
            raise ValueError("packages must map a name to its version and sha256")
    except (ValueError, KeyError, TypeError) as e:
        raise MpforgeError(
            f"{show(lock)}: the lock file is damaged ({e}); remove it to pin the manifest's "
            "PyPI packages again"
        ) from None
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in packages.items()}


def _write_lock(lock: Path, packages: dict[str, dict[str, str]]) -> None:
    write_if_changed(lock, json.dumps({"packages": packages}, indent=1, sort_keys=True) + "\n")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _download(name: str, version: str, at: str) -> Path:
    """pip download the sdist into the cache; returns the file."""
    destination = cache_dir() / f"{name}-{version}"
    extra = shlex.split(os.environ.get(PIP_ARGS_ENV, ""))
    with tempfile.TemporaryDirectory(prefix="mpforge-pip-") as tmp:
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--disable-pip-version-check",
            "-d",
            tmp,
            *extra,
            f"{name}=={version}",
        ]
        # Through the one tool runner (`mpforge -v` shows it, Ctrl-C is one line), with a
        # note first: a download can take a while, and ran without a word.
        note(f"{at}: pypi: downloading {name}=={version} into {show(destination)}")
        proc = process.run(cmd)
        files = sorted(Path(tmp).iterdir())
        if proc.returncode != 0 and not files:
            files = _fetch_unbuildable(proc.stderr, name, version, Path(tmp), at)
        if len(files) != 1:
            last = [line for line in proc.stderr.splitlines() if line.strip()]
            reason = last[-1].strip() if last else f"pip exited with {proc.returncode}"
            raise MpforgeError(
                f"{at}: pypi: cannot download {name}=={version}: {reason} (index options "
                f"come from ${PIP_ARGS_ENV})"
            )
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / files[0].name
        shutil.move(str(files[0]), target)
    return target


# pip's refusal of an sdist it cannot build metadata for, naming the archive it found:
# "ERROR: NAME==VERSION from URL does not appear to be a Python project: ..."
_NOT_A_PROJECT = re.compile(r"from (\S+) does not appear to be a Python project")


def _fetch_unbuildable(stderr: str, name: str, version: str, into: Path, at: str) -> list[Path]:
    """The archive pip found but would not take: older MicroPython library uploads are bare
    sdists (the modules and an egg-info, no setup.py or pyproject.toml), which pip refuses
    to prepare. The URL is the one pip resolved from its configured indexes and links, so
    the same sources are used; its sha256 fragment, when the index gives one, is checked.
    Nothing (an empty list) when pip failed for another reason."""
    found = _NOT_A_PROJECT.search(stderr)
    if found is None:
        return []
    url, _, fragment = found.group(1).partition("#")
    filename = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name
    if not filename:
        return []
    target = into / filename
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            target.write_bytes(response.read())
    except (OSError, ValueError) as e:
        raise MpforgeError(
            f"{at}: pypi: cannot download {filename} for {name}=={version}: {e}"
        ) from None
    kind, _, expected = fragment.partition("=")
    if kind == "sha256" and _sha256(target) != expected:
        target.unlink()
        raise MpforgeError(
            f"{at}: pypi: {filename} does not match the sha256 its index gives; try again later"
        )
    return [target]


def _cached(name: str, version: str) -> Path | None:
    directory = cache_dir() / f"{name}-{version}"
    if not directory.is_dir():
        return None
    found = sorted(p for p in directory.iterdir() if p.is_file())
    return found[0] if found else None


def fetch(requirement: str, manifest: Path, at: str) -> PypiPackage:
    """The pinned, unpacked sdist of `requirement`, downloading it only if not cached."""
    name, version = parse_requirement(requirement, at)
    lock = lock_path(manifest)
    locked = _read_lock(lock)
    pin = locked.get(name)
    if pin is not None and pin["version"] != version:
        pin = None  # the manifest moved to another version: pin that one
    sdist = _cached(name, version)
    if sdist is not None and pin is not None and _sha256(sdist) != pin["sha256"]:
        sdist = None  # a stale or damaged cache entry: fetch again and compare
    if sdist is None:
        sdist = _download(name, version, at)
    digest = _sha256(sdist)
    if pin is not None and digest != pin["sha256"]:
        raise MpforgeError(
            f"{at}: pypi: {name}=={version} has sha256 {digest}, but {show(lock)} pins "
            f"{pin['sha256']}; the published file changed. Check it, then remove its entry "
            "from the lock file to pin the new one"
        )
    if pin is None:
        locked[name] = {"version": version, "sha256": digest}
        _write_lock(lock, locked)
    root, license_ = _unpack(sdist, digest, at)
    return PypiPackage(name, version, digest, license_, root)


def _unpack(sdist: Path, digest: str, at: str) -> tuple[Path, str]:
    """The sdist's top directory (unpacked once per hash) and its declared licence."""
    target = cache_dir() / "unpacked" / digest
    if not target.is_dir():
        partial = Path(tempfile.mkdtemp(prefix="unpack-", dir=cache_dir()))
        try:
            if sdist.name.endswith((".tar.gz", ".tgz", ".tar")):
                with tarfile.open(sdist) as archive:
                    archive.extractall(partial, filter="data")
            elif sdist.suffix == ".zip":
                with zipfile.ZipFile(sdist) as archive:
                    for member in archive.namelist():
                        if member.startswith("/") or ".." in Path(member).parts:
                            raise MpforgeError(f"{at}: pypi: {sdist.name}: unsafe path {member}")
                    archive.extractall(partial)
            else:
                raise MpforgeError(f"{at}: pypi: {sdist.name} is not a source distribution")
        except (tarfile.TarError, zipfile.BadZipFile, OSError) as e:
            shutil.rmtree(partial, ignore_errors=True)
            raise MpforgeError(f"{at}: pypi: cannot unpack {sdist.name}: {e}") from None
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            partial.rename(target)
        except OSError:  # another build unpacked it meanwhile
            shutil.rmtree(partial, ignore_errors=True)
    tops = [p for p in sorted(target.iterdir()) if p.is_dir()]
    if len(tops) != 1:
        raise MpforgeError(f"{at}: pypi: {sdist.name} has no single top directory")
    top = tops[0]
    return top, _license(top)


def _license(top: Path) -> str:
    infos = [top / "PKG-INFO", *sorted(top.glob("*.egg-info/PKG-INFO"))]
    info = next((p for p in infos if p.is_file()), None)
    if info is None:
        return "NOASSERTION"
    message = email.parser.Parser().parsestr(info.read_text(encoding="utf-8", errors="replace"))
    value = (message.get("License-Expression") or message.get("License") or "").strip()
    if not value or value.upper() == "UNKNOWN" or not re.fullmatch(r"[A-Za-z0-9.+() -]+", value):
        return "NOASSERTION"
    return value


def top_level(package: PypiPackage, at: str) -> tuple[list[Path], list[Path]]:
    """The sdist's top-level modules (.py files) and packages (directories with __init__.py),
    in src/ when it has a src layout; setup.py, tests and docs are not frozen."""
    base = package.root / "src" if (package.root / "src").is_dir() else package.root
    files = [
        p
        for p in sorted(base.glob("*.py"))
        if p.stem not in _NOT_FROZEN and not p.stem.startswith(("_", "test_"))
    ]
    packages = [
        d
        for d in sorted(base.iterdir())
        if d.is_dir() and (d / "__init__.py").is_file() and d.name not in _NOT_FROZEN
    ]
    if not files and not packages:
        raise MpforgeError(
            f"{at}: pypi: {package.name}=={package.version} has no Python module or package "
            "at its top level to freeze"
        )
    return files, packages
