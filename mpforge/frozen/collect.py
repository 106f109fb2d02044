"""Which modules a build freezes: the board's packages and manifest, then the --app directory."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mpforge import paths
from mpforge.config.fragment import display_path
from mpforge.config.pathvalues import APP_PREFIX, locate
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.frozen.manifest import ENTRY_POINTS, FrozenModule, ManifestLoader
from mpforge.frozen.packages import Package, all_packages, find_package, read_package
from mpforge.frozen.pypi import PypiPackage
from mpforge.project import BUILD_SUBDIR, PROJECT_FILE, TESTS_DIR, load_project

APP_MANIFEST = "manifest.yml"


@dataclass(frozen=True)
class FrozenSet:
    modules: list[FrozenModule]  # sorted by import name
    packages: list[Package]  # the packages frozen, sorted by name
    inputs: list[Path]  # every manifest and package.yml read (for dependency tracking)
    notes: list[str]  # what the user should know (an app's main.py replacing a package's)
    pypi: list[PypiPackage] = field(default_factory=list)  # libraries from PyPI, by name


def collect(view: ConfigView, app_dir: Path | None, root: Path = paths.ROOT) -> FrozenSet:
    """The application first: its boot.py/main.py replace those of the board's packages."""
    loader = ManifestLoader(find_package)
    if app_dir is not None:
        _load_app(loader, app_dir)
        loader.app_entry_points = {n for n in ENTRY_POINTS if n in loader.modules}
    for package in all_packages():
        if view.enabled(package.symbol):
            loader.require(package.name, f"CONFIG_{package.symbol}")
    manifest = view.value("FROZEN_MANIFEST")
    if manifest:
        where = f'CONFIG_FROZEN_MANIFEST="{manifest}"'
        path = locate(manifest, app_dir, root, where)
        if not os.path.lexists(path):  # anything else there: the reader names what is wrong
            raise MpforgeError(
                f"{where}: {display_path(path)} does not exist (a value set in menuconfig is "
                f"relative to the mpforge tree, or {APP_PREFIX}... to the application)"
            )
        loader.load(path)
    packages = sorted(
        (read_package(find_package(name, "")) for name in loader.required), key=lambda p: p.name
    )
    modules = sorted(loader.modules.values(), key=lambda m: m.name)
    libraries = [loader.pypi[name] for name in sorted(loader.pypi)]
    return FrozenSet(modules, packages, sorted(loader.loaded), loader.notes, libraries)


def _load_app(loader: ManifestLoader, app_dir: Path) -> None:
    """An --app directory: its manifest.yml, or else the .py files it needs (packages kept).

    Left out, with a note: tests/, hidden directories (and `_`-prefixed ones), the build
    directory, and what the project file's `exclude` names.
    """
    if not app_dir.is_dir():
        raise MpforgeError(f"--app {app_dir}: not a directory")
    manifest = app_dir / APP_MANIFEST
    if os.path.lexists(manifest):  # the reader refuses what is not a readable file
        loader.load(manifest)
        return
    project_file = app_dir / PROJECT_FILE
    project = load_project(project_file) if os.path.lexists(project_file) else None
    excluded = {Path(os.path.normpath(e)) for e in (project.exclude if project else ())}
    # The project's board and package roots inside the app are not app code: their packages
    # are frozen when chosen in the packages menu.
    own_roots = {
        r.path.relative_to(app_dir.absolute())
        for r in ((*project.board_roots, *project.package_roots) if project else ())
        if r.path.is_relative_to(app_dir.absolute())
    }
    left_out: set[str] = set()

    def skip(source: Path) -> bool:
        parts = source.relative_to(app_dir).parts
        if project is not None and parts[0] == BUILD_SUBDIR and len(parts) > 1:
            return True  # the app's own build directory
        if any(Path(*parts[:depth]) in own_roots for depth in range(1, len(parts))):
            return True
        for depth in range(1, len(parts) + 1):
            head = Path(*parts[:depth])
            is_dir = depth < len(parts)
            hidden = is_dir and head.name.startswith((".", "_"))
            if head in excluded or hidden or (is_dir and head == Path(TESTS_DIR)):
                left_out.add(head.as_posix() + ("/" if is_dir else ""))
                return True
        return False

    files = [f for f in sorted(app_dir.glob("*.py")) if not skip(f)]
    packages = [
        d
        for d in sorted(app_dir.iterdir())
        if d.is_dir() and any(not skip(f) for f in d.rglob("*.py"))
    ]
    if not files and not packages:
        raise MpforgeError(f"--app {app_dir}: no .py files and no {APP_MANIFEST} to freeze")
    for directory in packages:
        if not (directory / "__init__.py").is_file():
            # Scripts, examples or another app in a subdirectory: "add __init__.py" was the
            # only fix offered.
            name = directory.name
            where = f'{PROJECT_FILE}: exclude = ["{name}"]' if project else APP_MANIFEST
            raise MpforgeError(
                f"--app {display_path(app_dir)}: {name}/ holds .py files but no __init__.py, "
                f"so it is no package; add {name}/__init__.py to freeze it as one, or leave "
                f"it out ({where}; or list what to freeze in {APP_MANIFEST})"
            )
    loader.add_files(files, packages, f"--app {display_path(app_dir)}", skip)
    if left_out:
        loader.notes.append(
            f"--app {display_path(app_dir)}: not frozen: {', '.join(sorted(left_out))} "
            f"(tests/, hidden directories and {PROJECT_FILE}'s exclude are left out; "
            f"list modules in {APP_MANIFEST} to choose yourself)"
        )
