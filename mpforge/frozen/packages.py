"""Packages shipped in frozen/<name>/, each described by a package.yml.

A package.yml is a manifest (see manifest.py) with metadata besides:

    name: logging            # must equal the directory name
    version: 1.0.0
    license: MIT
    description: Log records to the console
    dependencies: [other]    # packages it requires
    modules: [logging.py]

The Kconfig "Frozen packages" menu is generated from these files: one bool
FROZEN_PKG_<NAME> per package, so adding a package needs no Kconfig edit. A
package selects its dependencies and depends on the builtin modules its code
imports (found from its sources), so menuconfig cannot offer a package whose
imports would fail. Every field is checked here, naming package.yml:line,
before any of it reaches the generated Kconfig.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from mpforge import paths, roots
from mpforge.errors import MpforgeError, did_you_mean
from mpforge.frozen import yamlnodes as Y
from mpforge.textfile import read_bytes, show, write_if_changed

FROZEN_DIR = paths.ROOT / "frozen"
REQUIRED = ("name", "version", "license")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_FIELDS = {
    "version": (re.compile(r"[A-Za-z0-9][A-Za-z0-9.+~_-]*"), "letters, digits and . + ~ _ -"),
    "license": (
        re.compile(r"[A-Za-z0-9][A-Za-z0-9.+() -]*"),
        "an SPDX expression: letters, digits, spaces and . + ( ) -",
    ),
}


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    license: str
    description: str
    dependencies: tuple[str, ...]
    path: Path  # its package.yml
    dependency_lines: tuple[str, ...] = ()  # package.yml:line of each dependency

    @property
    def symbol(self) -> str:
        return symbol_of(self.name)


def symbol_of(name: str) -> str:
    return "FROZEN_PKG_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def _field(path: Path, keys: dict, key: str) -> str:
    node = keys[key][1]
    value = Y.scalar(path, node, key)
    rule = _FIELDS.get(key)
    if rule is not None and not rule[0].fullmatch(value):
        raise MpforgeError(
            f"{Y.where(path, node)}: {key} {value!r} may hold only {rule[1]} (one line, no quotes)"
        )
    if key == "description" and not value.isprintable():
        raise MpforgeError(
            f"{Y.where(path, node)}: description must be one line of printable text "
            "(no newline, tab or control character)"
        )
    return value


def read_package(package_yml: Path) -> Package:
    node = Y.load(package_yml)
    if node is None:
        raise MpforgeError(
            f"{show(package_yml)}: empty package.yml; it needs name, version, license"
        )
    keys = Y.mapping(package_yml, node, "package.yml")
    for key in REQUIRED:
        if key not in keys:
            raise MpforgeError(f"{Y.where(package_yml, node)}: package.yml lacks '{key}:'")
    name = Y.scalar(package_yml, keys["name"][1], "name")
    if name != package_yml.parent.name:
        raise MpforgeError(
            f"{Y.where(package_yml, keys['name'][1])}: package name '{name}' differs from its "
            f"directory '{package_yml.parent.name}'"
        )
    if not NAME.fullmatch(name):
        raise MpforgeError(
            f"{Y.where(package_yml, keys['name'][1])}: package name {name!r} may hold only "
            "letters, digits and _ . - (rename the directory)"
        )
    deps: list[str] = []
    lines: list[str] = []
    if "dependencies" in keys:
        for d in Y.sequence(package_yml, keys["dependencies"][1], "dependencies"):
            deps.append(Y.scalar(package_yml, d, "a dependency"))
            lines.append(Y.where(package_yml, d))
    return Package(
        name=name,
        version=_field(package_yml, keys, "version"),
        license=_field(package_yml, keys, "license"),
        description=_field(package_yml, keys, "description") if "description" in keys else "",
        dependencies=tuple(deps),
        path=package_yml,
        dependency_lines=tuple(lines),
    )


def package_dirs(frozen_dir: Path = FROZEN_DIR) -> list[Path]:
    """Where packages are looked for: frozen/, then the package roots (mpforge/roots.py)."""
    return [frozen_dir, *(r.path for r in roots.package_roots())]


def _package_files(frozen_dir: Path) -> list[Path]:
    """Every package.yml of every package directory; one name in two places is an error."""
    found: dict[str, Path] = {}
    for directory in package_dirs(frozen_dir):
        for path in sorted(directory.glob("*/package.yml")):
            other = found.setdefault(path.parent.name, path)
            if other != path and other.resolve() != path.resolve():
                raise MpforgeError(
                    f"package '{path.parent.name}' is found twice: {show(other)} and "
                    f"{show(path)}; rename one of them or remove a package root"
                )
    return sorted(found.values(), key=lambda p: p.parent.name)


def all_packages(frozen_dir: Path = FROZEN_DIR) -> list[Package]:
    """Every package, checked as a set: known dependencies, no cycle, one symbol per name."""
    packages = [read_package(p) for p in _package_files(frozen_dir)]
    by_name = {p.name: p for p in packages}
    by_symbol: dict[str, Package] = {}
    for p in packages:
        other = by_symbol.setdefault(p.symbol, p)
        if other is not p:
            raise MpforgeError(
                f"{show(p.path)}: package '{p.name}' and package '{other.name}' "
                f"({show(other.path)}) both map to CONFIG_{p.symbol}; rename one of them"
            )
        for dep, where in zip(p.dependencies, p.dependency_lines, strict=True):
            if dep not in by_name:
                raise MpforgeError(
                    f"{where}: dependency '{dep}' is not a package in frozen/ or a package root"
                    f"{did_you_mean(dep, list(by_name))}"
                )
    for p in packages:
        _check_cycle(p, by_name, [])
    return packages


def _check_cycle(p: Package, by_name: dict[str, Package], chain: list[Package]) -> None:
    if p in chain:
        cycle = [*chain[chain.index(p) :], p]
        first = cycle[0]
        where = first.dependency_lines[first.dependencies.index(cycle[1].name)]
        raise MpforgeError(
            f"{where}: package dependency cycle: "
            + " -> ".join(c.name for c in cycle)
            + "; remove one of these dependencies"
        )
    for dep in p.dependencies:
        _check_cycle(by_name[dep], by_name, [*chain, p])


def find_package(name: str, origin: str, frozen_dir: Path = FROZEN_DIR) -> Path:
    if not NAME.fullmatch(name):
        raise MpforgeError(
            f"{origin}: {name!r} is not a package name (a directory of frozen/ with a "
            "package.yml; no paths)"
        )
    files = _package_files(frozen_dir)
    for path in files:
        if path.parent.name == name:
            return path
    known = [p.parent.name for p in files]
    where = "frozen/" + (" or the package roots" if roots.package_roots() else "")
    raise MpforgeError(
        f"{origin}: no package '{name}' in {where}{did_you_mean(name, known)}; "
        f"packages are the directories frozen/<name>/ (and <root>/<name>/ of package_roots "
        f"or ${roots.PACKAGE_PATH_ENV}) with a package.yml"
    )


def imported_builtins(package: Package, py_dir: Path) -> set[str]:
    """The builtin modules (py/mod_<name>.c) the package's sources import unguarded."""
    found: set[str] = set()
    for source in sorted(package.path.parent.rglob("*.py")):
        try:
            tree = ast.parse(read_bytes(source, "frozen module"), str(source))
        except (SyntaxError, ValueError):
            continue  # the build reports it at file:line
        guarded = {
            id(n)
            for t in ast.walk(tree)
            if isinstance(t, ast.Try)
            for s in t.body
            for n in ast.walk(s)
        }
        for node in ast.walk(tree):
            if id(node) in guarded:
                continue
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if (py_dir / f"mod_{top}.c").is_file():
                    found.add(top)
    return found


def kconfig_text(packages: list[Package], py_dir: Path = paths.ROOT / "py") -> str:
    """The generated "Frozen packages" menu."""
    lines = ["# Generated by mpforge from frozen/*/package.yml; do not edit.", ""]
    by_name = {p.name: p for p in packages}
    own = {p.name: imported_builtins(p, py_dir) for p in packages}

    def needs(p: Package, seen: set[str]) -> set[str]:
        result = set(own[p.name])
        for dep in p.dependencies:
            if dep in by_name and dep not in seen:
                result |= needs(by_name[dep], seen | {dep})
        return result

    for p in packages:
        lines += [f"config {p.symbol}", f'\tbool "{p.name} {p.version} ({p.license})"']
        for module in sorted(needs(p, {p.name})):
            lines.append(f"\tdepends on MODULE_{module.upper()}")
        for dep in p.dependencies:
            if dep not in by_name:
                raise MpforgeError(
                    f"{show(p.path)}: dependency '{dep}' is not a package in frozen/"
                    f"{did_you_mean(dep, list(by_name))}"
                )
            lines.append(f"\tselect {by_name[dep].symbol}")
        lines += [
            "\thelp",
            f"\t  {p.description or p.name}",
            f"\t  ({_shown(p.path)})",
            "",
        ]
    return "\n".join(lines)


def _shown(package_yml: Path) -> str:
    """frozen/<name>/package.yml for the tree's packages, else the path (for the help)."""
    if package_yml.parent.parent == FROZEN_DIR:
        return f"frozen/{package_yml.parent.name}/package.yml"
    return str(package_yml).replace('"', "'")


def write_kconfig(destination: Path, frozen_dir: Path = FROZEN_DIR) -> None:
    """(Re)write the generated menu, only when it changes."""
    write_if_changed(destination, kconfig_text(all_packages(frozen_dir), frozen_dir.parent / "py"))
