"""Frozen-module manifests (YAML): which Python files go into the image, and how.

A manifest has three optional keys, each a list:

    modules:                      # what to freeze; paths are relative to the manifest
      - main.py                   # a module file (its import name is the file name)
      - package: mylib            # a package directory: every .py, recursively, sorted
      - glob: "drivers/*.py"      # matching files, each a top-level module
      - pypi: micropython-logging==0.5.2  # a library from PyPI, pinned in manifest.lock
        opt: 2                    # mpy-cross -O level 0..3 (default 0)
        emit: native              # bytecode (default) | native | viper
        check_imports: false      # skip the static import check for these modules
    include: [../common.yml]      # other manifests

    require: [logging]            # packages shipped in frozen/<name>/ (package.yml)

Paths may lead out of the manifest's directory (`../shared/util.py`, as MicroPython's
`module(..., base_path=...)` does); a module's import name is its file's name and a package's
its directory's (`package: ..` is the parent directory's name), never derived from the path,
so `..` never reaches a module name. A glob stays inside the manifest's directory.

Every mistake is one MpforgeError naming the manifest's file:line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from mpforge import paths
from mpforge.config.fragment import display_path
from mpforge.errors import MpforgeError, did_you_mean
from mpforge.frozen import pypi
from mpforge.frozen import yamlnodes as Y
from mpforge.frozen.pypi import PypiPackage
from mpforge.process import verbose

EMITS = ("bytecode", "native", "viper")
ENTRY_POINTS = ("boot", "main")
MANIFEST_KEYS = ("modules", "include", "require")
ENTRY_KINDS = ("file", "package", "glob", "pypi")
ENTRY_OPTIONS = ("opt", "emit", "check_imports")


@dataclass(frozen=True)
class FrozenModule:
    """One module to freeze: import name, source, compile options, and where it was listed."""

    name: str
    source: Path
    is_package: bool
    opt: int
    emit: str
    check_imports: bool
    origin: str  # manifest file:line of the entry

    @property
    def source_name(self) -> str:
        """The file name recorded in the .mpy (tracebacks): the module path, never absolute."""
        path = self.name.replace(".", "/")
        return f"{path}/__init__.py" if self.is_package else f"{path}.py"


PackageFinder = Callable[[str, str], Path]
"""(package name, origin file:line) -> the package's package.yml, or an MpforgeError."""

PACKAGE_KEYS = ("name", "version", "license", "description", "dependencies")


@dataclass(frozen=True)
class Options:
    opt: int = 0
    emit: str = "bytecode"
    check_imports: bool = True


class ManifestLoader:
    """Loads manifests, following `include` and `require`, detecting cycles and duplicates.

    A package.yml is a manifest with metadata keys (PACKAGE_KEYS) besides.
    """

    def __init__(self, find_package: PackageFinder) -> None:
        self.find_package = find_package
        self.modules: dict[str, FrozenModule] = {}
        self.stack: list[Path] = []
        self.loaded: set[Path] = set()
        self.required: list[str] = []
        # Entry points (boot, main) an application defines; a package's are dropped.
        self.app_entry_points: set[str] = set()
        self.notes: list[str] = []
        self.pypi: dict[str, PypiPackage] = {}  # libraries from PyPI, by name

    def load(self, path: Path, extra_keys: tuple[str, ...] = (), origin: str = "") -> None:
        """Load the manifest `path`; `origin` is the file:line of the include naming it."""
        path = Path(os.path.realpath(path))  # a symlink loop stays, for the reader to name
        if path in self.stack:
            chain = " -> ".join(display_path(p) for p in [*self.stack, path])
            at = f"{origin}: " if origin else ""
            raise MpforgeError(f"{at}manifest include cycle: {chain}; remove one of the includes")
        if path in self.loaded:
            return
        self.stack.append(path)
        try:
            node = Y.load(path)
            if node is None and not extra_keys:
                raise MpforgeError(
                    f"{display_path(path)}: the manifest is empty, so it freezes nothing; list "
                    "what to freeze under modules: (an application without a manifest.yml "
                    "freezes every .py file)"
                )
            if node is not None:
                self._manifest(path, node, extra_keys)
        finally:
            self.stack.pop()
        self.loaded.add(path)

    def add_files(
        self,
        files: list[Path],
        packages: list[Path],
        origin: str,
        skip: Callable[[Path], bool] = lambda _source: False,
    ) -> None:
        """Freeze these module files and package directories (an application's implicit list);
        sources inside the packages for which `skip` is true are left out."""
        for source in files:
            _check_source(source, display_path(source))
            self._add(_module(_file_module_name(source, origin), source, False, Options(), origin))
        for directory in packages:
            for module in _package(directory, Options(), origin, skip):
                self._add(module)

    def _manifest(self, path: Path, node: yaml.Node, extra_keys: tuple[str, ...]) -> None:
        keys = Y.mapping(path, node, "a manifest")
        _check_keys(path, keys, MANIFEST_KEYS + extra_keys, "manifest key")
        given = [keys[k][1] for k in MANIFEST_KEYS if k in keys]
        if not extra_keys and all(
            isinstance(v, yaml.SequenceNode) and not v.value for v in given
        ):  # no key, or only empty lists (`modules: []`)
            raise MpforgeError(
                f"{Y.where(path, node)}: the manifest freezes nothing; it needs modules:, "
                "include: or require: with at least one entry"
            )
        if "include" in keys:
            for item in Y.sequence(path, keys["include"][1], "include"):
                target = path.parent / Y.scalar(path, item, "an include")
                if not os.path.lexists(target):
                    raise MpforgeError(
                        f"{Y.where(path, item)}: included manifest {display_path(target)} "
                        "does not exist"
                    )
                if target.is_dir():
                    raise MpforgeError(
                        f"{Y.where(path, item)}: included manifest {display_path(target)} is a "
                        "directory; name the manifest file inside it"
                    )
                self.load(target, origin=Y.where(path, item))
        if "require" in keys:
            for item in Y.sequence(path, keys["require"][1], "require"):
                name = Y.scalar(path, item, "a package name")
                self.require(name, Y.where(path, item))
        if "modules" in keys:
            for item in Y.sequence(path, keys["modules"][1], "modules"):
                for module in self._entry(path, item):
                    self._add(module)

    def require(self, name: str, origin: str) -> None:
        """Freeze package `name` and, before it, the packages it depends on."""
        if name in self.required:
            return
        package_yml = self.find_package(name, origin)
        self.required.append(name)
        from mpforge.frozen.packages import read_package

        package = read_package(package_yml)
        for dep, where in zip(package.dependencies, package.dependency_lines, strict=True):
            self.require(dep, where)
        self.load(package_yml, extra_keys=PACKAGE_KEYS)

    def _entry(self, path: Path, node: yaml.Node) -> Iterator[FrozenModule]:
        at = Y.where(path, node)
        if isinstance(node, yaml.ScalarNode):
            kind, target, options = "file", Y.scalar(path, node, "a module"), Options()
            if (path.parent / target).is_dir():
                kind = "package"
        else:
            keys = Y.mapping(path, node, "a modules entry")
            kinds = [k for k in keys if k in ENTRY_KINDS]
            _check_keys(path, keys, ENTRY_KINDS + ENTRY_OPTIONS, "key in a modules entry")
            if len(kinds) != 1:
                raise MpforgeError(
                    f"{at}: a modules entry needs exactly one of file:, package:, glob:, pypi:"
                )
            kind = kinds[0]
            target = Y.scalar(path, keys[kind][1], kind)
            options = _options(path, keys)
        base = path.parent
        # `..` may lead out of the manifest's directory (a file beside the app): the path is
        # normalised, so a module is named for its file or directory (`sub/..` too).
        if kind == "file":
            source = Path(os.path.normpath(base / target))
            if source.is_dir() and not source.is_symlink():
                raise MpforgeError(
                    f"{at}: {display_path(source)} is a directory; write `package: {target}` "
                    "to freeze a package"
                )
            _check_source(source, at)
            yield _module(_file_module_name(source, at), source, False, options, at)
        elif kind == "package":
            yield from _package(Path(os.path.normpath(base / target)), options, at)
        elif kind == "pypi":
            library = pypi.fetch(target, path, at)
            other = self.pypi.setdefault(library.name, library)
            if other.version != library.version:
                raise MpforgeError(
                    f"{at}: pypi: {library.name} is listed twice, as {other.version} and "
                    f"{library.version}; keep one"
                )
            files, packages = pypi.top_level(library, at)
            for source in files:
                yield _module(_file_module_name(source, at), source, False, options, at)
            for directory in packages:
                yield from _package(directory, options, at)
        else:
            if Path(target).is_absolute() or ".." in Path(target).parts:
                raise MpforgeError(
                    f"{at}: glob '{target}' must be relative to the manifest's directory "
                    "(no leading / and no ..)"
                )
            try:
                found = sorted(base.glob(target))
            except (ValueError, NotImplementedError, OSError) as e:
                raise MpforgeError(f"{at}: glob '{target}' is not a valid pattern ({e})") from None
            matches = [p for p in found if p.suffix == ".py" and not p.is_dir()]
            if not matches:
                raise MpforgeError(f"{at}: glob '{target}' matches no .py file")
            for source in matches:
                _check_source(source, at)
                yield _module(_file_module_name(source, at), source, False, options, at)

    def _add(self, module: FrozenModule) -> None:
        if module.name in self.app_entry_points:
            # What an app is for when it replaces a package of the tree (the demo's main.py
            # of a default build): said with -v only; another of the user's own, always.
            if verbose() or not module.source.resolve().is_relative_to(paths.ROOT / "frozen"):
                self.notes.append(
                    f"the application's {module.name}.py replaces {display_path(module.source)} "
                    f"(listed at {module.origin})"
                )
            return
        other = self.modules.get(module.name)
        if other is not None and other.source.resolve() != module.source.resolve():
            raise MpforgeError(
                f"{module.origin}: two modules are named '{module.name}': "
                f"{display_path(module.source)} and {display_path(other.source)} "
                f"(listed at {other.origin}); rename one or drop one entry"
            )
        if other is not None:
            mine = (module.opt, module.emit, module.check_imports)
            if mine != (other.opt, other.emit, other.check_imports):
                raise MpforgeError(
                    f"{module.origin}: {display_path(module.source)} is listed twice with other "
                    f"options (opt/emit/check_imports) than at {other.origin}; drop one entry or "
                    "give both the same options"
                )
            return
        self.modules[module.name] = module


def _check_keys(
    path: Path, keys: dict[str, tuple[yaml.Node, yaml.Node]], allowed: tuple[str, ...], what: str
) -> None:
    """Every key must be one of `allowed`; the error names the line and the closest key."""
    for key, (knode, _v) in keys.items():
        if key not in allowed:
            raise MpforgeError(
                f"{Y.where(path, knode)}: unknown {what} '{key}'"
                f"{did_you_mean(key, allowed)}; allowed: {', '.join(allowed)}"
            )


def _options(path: Path, keys: dict[str, tuple[yaml.Node, yaml.Node]]) -> Options:
    opt, emit, check = 0, "bytecode", True
    if "opt" in keys:
        node = keys["opt"][1]
        value = Y.scalar(path, node, "opt")
        if value not in ("0", "1", "2", "3"):
            raise MpforgeError(f"{Y.where(path, node)}: opt must be 0, 1, 2 or 3, not '{value}'")
        if node.tag != "tag:yaml.org,2002:int":
            raise MpforgeError(
                f"{Y.where(path, node)}: opt must be a number, not the string '{value}'; "
                "drop the quotes"
            )
        opt = int(value)
    if "emit" in keys:
        node = keys["emit"][1]
        emit = Y.scalar(path, node, "emit")
        if emit not in EMITS:
            raise MpforgeError(
                f"{Y.where(path, node)}: emit must be one of {', '.join(EMITS)}, not '{emit}'"
            )
    if "check_imports" in keys:
        node = keys["check_imports"][1]
        value = Y.scalar(path, node, "check_imports").lower()
        if value not in ("true", "false"):
            raise MpforgeError(f"{Y.where(path, node)}: check_imports must be true or false")
        check = value == "true"
    return Options(opt, emit, check)


def _module(
    name: str, source: Path, is_package: bool, options: Options, origin: str
) -> FrozenModule:
    for part in name.split("."):
        if not part.isidentifier():
            raise MpforgeError(
                f"{origin}: {display_path(source)} cannot be imported: '{part}' is not a valid "
                "Python name; rename the file"
            )
    return FrozenModule(
        name, source, is_package, options.opt, options.emit, options.check_imports, origin
    )


def _check_source(source: Path, at: str) -> None:
    """A listed module: a .py file that exists and is a regular file."""
    if source.suffix != ".py":
        raise MpforgeError(
            f"{at}: {display_path(source)} is not a Python source (.py); only .py files are frozen"
        )
    try:
        mode = source.stat().st_mode
    except FileNotFoundError:
        try:
            near = [p.name for p in source.parent.iterdir() if p.suffix == ".py"]
        except OSError:
            near = []
        raise MpforgeError(
            f"{at}: module file {display_path(source)} does not exist"
            + did_you_mean(source.name, near)
        ) from None
    except OSError as e:
        raise MpforgeError(f"{at}: module file {display_path(source)}: {e.strerror}") from None
    if not stat.S_ISREG(mode):
        raise MpforgeError(f"{at}: module file {display_path(source)} is not a regular file")


def _file_module_name(source: Path, at: str) -> str:
    name = source.name[: -len(".py")]
    if not name.isidentifier():
        raise MpforgeError(
            f"{at}: {display_path(source)} cannot be imported: '{name}' is not a valid Python "
            "name (a module file name has no dots or dashes); rename the file"
        )
    return name


def _package(
    directory: Path,
    options: Options,
    origin: str,
    skip: Callable[[Path], bool] = lambda _source: False,
) -> Iterator[FrozenModule]:
    if not directory.is_dir():
        if directory.exists():
            fix = f"write `file: {directory.name}`" if directory.suffix == ".py" else "name one"
            raise MpforgeError(
                f"{origin}: package {display_path(directory)} is a file, not a directory "
                f"(a package is a directory with an __init__.py); {fix}"
            )
        raise MpforgeError(f"{origin}: package directory {display_path(directory)} does not exist")
    if not directory.name.isidentifier():
        raise MpforgeError(
            f"{origin}: package {display_path(directory)} cannot be imported: its directory's "
            f"name '{directory.name}' is the package's name and is not a valid Python name; "
            "rename the directory, or freeze a package directory inside it"
        )
    if not (directory / "__init__.py").is_file():
        raise MpforgeError(
            f"{origin}: {display_path(directory)} has no __init__.py; add one to make it a package"
        )
    for source in sorted(directory.rglob("*.py")):
        if skip(source):
            continue
        rel = source.relative_to(directory.parent)
        parts = list(rel.with_suffix("").parts)
        for depth in range(1, len(parts)):
            init = directory.parent.joinpath(*parts[:depth], "__init__.py")
            if not init.is_file():
                raise MpforgeError(
                    f"{origin}: {display_path(source)} is inside {display_path(init.parent)}, "
                    "which has no __init__.py; add one to make it a package"
                )
        _check_source(source, origin)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        yield _module(".".join(parts), source, is_package, options, origin)
