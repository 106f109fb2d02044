"""YAML with line numbers: every value of a manifest keeps the file:line it came from."""

from __future__ import annotations

from pathlib import Path

import yaml

from mpforge.config.fragment import display_path
from mpforge.errors import MpforgeError
from mpforge.textfile import read_text


def where(path: Path, node: yaml.Node) -> str:
    return f"{display_path(path)}:{node.start_mark.line + 1}"


def load(path: Path) -> yaml.Node | None:
    """Compose `path` into a node tree (None for an empty file); syntax errors name the line."""
    text = read_text(path, "manifest")
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        line = (e.problem_mark.line + 1) if e.problem_mark else 1
        raise MpforgeError(f"{display_path(path)}:{line}: YAML syntax error: {e.problem}") from None
    except yaml.YAMLError as e:  # e.g. a character YAML does not allow
        raise MpforgeError(f"{display_path(path)}: YAML error: {str(e).splitlines()[0]}") from None


def mapping(path: Path, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node as {key: (key node, value node)}; anything else is an error."""
    if not isinstance(node, yaml.MappingNode):
        raise MpforgeError(f"{where(path, node)}: {what} must be a mapping (key: value)")
    result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            raise MpforgeError(f"{where(path, k)}: keys must be plain words")
        if k.value in result:
            raise MpforgeError(f"{where(path, k)}: key '{k.value}' appears twice")
        result[k.value] = (k, v)
    return result


def sequence(path: Path, node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise MpforgeError(f"{where(path, node)}: {what} must be a list")
    return list(node.value)


def scalar(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.value == "":
        raise MpforgeError(f"{where(path, node)}: {what} must be a single value")
    return str(node.value)
