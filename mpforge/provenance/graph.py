"""The inputs of a build: the leaves of its dependency graph (sources, headers, frozen modules).

Walked from the images down: a file that something builds is followed to what it is built
from; a file nothing builds is an input; anything that is not a file (a Value, an Alias)
is neither. Works on any graph whose nodes have children() and has_builder() (SCons's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol


class Node(Protocol):
    def children(self) -> Iterable[Node]: ...

    def has_builder(self) -> bool: ...


def leaves(roots: Iterable[Node], file_path: Callable[[Node], Path | None]) -> list[Path]:
    """The files reachable from `roots` that nothing builds, each once, in the order found.

    `file_path` gives a node's path, or None for a node that is not a file.
    """
    seen: set[int] = set()
    out: list[Path] = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        path = file_path(node)
        if path is None:
            continue
        if node.has_builder():
            stack.extend(node.children())
        else:
            out.append(path)
    return out
