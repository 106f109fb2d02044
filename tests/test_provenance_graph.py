"""mpforge.provenance.graph and .record, the pieces the SCons provenance tool only calls:
the inputs are the files nothing builds, each once; a package's digest covers its files."""

from __future__ import annotations

from pathlib import Path

from mpforge.frozen.collect import FrozenSet
from mpforge.frozen.manifest import FrozenModule
from mpforge.frozen.packages import Package
from mpforge.provenance.graph import leaves
from mpforge.provenance.record import package_digest


class FakeNode:
    def __init__(self, name: str, children: list[FakeNode] | None = None, file: bool = True):
        self.name, self.kids, self.file = name, children, file

    def children(self) -> list[FakeNode]:
        return self.kids or []

    def has_builder(self) -> bool:
        return self.kids is not None


def _path(node: FakeNode) -> Path | None:
    return Path("/src") / node.name if node.file else None


def test_leaves_are_unbuilt_files_once() -> None:
    header = FakeNode("obj.h")
    value = FakeNode("CONFIG_X=y", [FakeNode("hidden.c")], file=False)
    a = FakeNode("a.o", [FakeNode("a.c"), header, value])
    b = FakeNode("b.o", [FakeNode("b.c"), header])
    gen = FakeNode("gen.c", [FakeNode("tool.py")])
    image = FakeNode("firmware", [a, b, FakeNode("c.o", [gen])])
    found = leaves([image], _path)
    assert sorted(p.name for p in found) == ["a.c", "b.c", "obj.h", "tool.py"]
    assert len(found) == len(set(found))  # the shared header once
    assert leaves([FakeNode("plain.c")], _path) == [Path("/src/plain.c")]
    assert leaves([value], _path) == []  # not a file: nothing below it counts


def test_package_digest_covers_names_and_contents(tmp_path: Path) -> None:
    pkg_dir = tmp_path / "pkg"
    pkg_dir.mkdir()
    (pkg_dir / "package.yml").write_text("name: pkg\n")
    (pkg_dir / "mod.py").write_text("x = 1\n")
    package = Package("pkg", "1.0", "MIT", "", (), pkg_dir / "package.yml")
    module = FrozenModule.__new__(FrozenModule)
    object.__setattr__(module, "source", pkg_dir / "mod.py")
    frozen = FrozenSet([module], [package], [], [])
    first = package_digest(package, frozen)
    assert first == package_digest(package, frozen) and len(first) == 64
    (pkg_dir / "mod.py").write_text("x = 2\n")
    assert package_digest(package, frozen) != first
    (pkg_dir / "mod.py").rename(pkg_dir / "other.py")
    object.__setattr__(module, "source", pkg_dir / "other.py")
    (pkg_dir / "other.py").write_text("x = 1\n")
    assert package_digest(package, frozen) != first  # same bytes, another name
