"""Reading defconfig and fragment files line by line, with file:line for every assignment.

The format is the .config format of the Linux kernel: `CONFIG_NAME=value`,
`# CONFIG_NAME is not set`, comments and blank lines. Anything else is an
error naming the line, never silently skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mpforge.errors import MpforgeError

_SET = re.compile(r"CONFIG_([A-Za-z0-9_]+)=(.*)")
_UNSET = re.compile(r"# CONFIG_([A-Za-z0-9_]+) is not set")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class Assignment:
    """One `CONFIG_NAME=value` line. `value` is unquoted for strings; `raw` is as written."""

    symbol: str
    value: str
    raw: str
    file: Path
    line: int
    quoted: bool = False

    @property
    def where(self) -> str:
        return f"{display_path(self.file)}:{self.line}"

    @property
    def text(self) -> str:
        if self.value == "n" and not self.quoted and self.raw == "n":
            return f"CONFIG_{self.symbol}=n"
        return f"CONFIG_{self.symbol}={self.raw}"


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_fragment(path: Path) -> list[Assignment]:
    """Parse one defconfig/fragment file; malformed lines raise MpforgeError with file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MpforgeError(f"config fragment {display_path(path)} does not exist") from None
    except UnicodeDecodeError as e:
        raise MpforgeError(f"{display_path(path)}: not UTF-8 text ({e.reason})") from None
    result = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip()
        if m := _SET.fullmatch(line):
            name, raw = m.groups()
            value, quoted = raw, False
            if raw.startswith('"'):
                s = _STRING.fullmatch(raw)
                if not s:
                    raise MpforgeError(
                        f"{display_path(path)}:{number}: malformed string for CONFIG_{name}: "
                        f'{raw} (write CONFIG_{name}="text", escaping " and \\ with \\)'
                    )
                value, quoted = re.sub(r"\\(.)", r"\1", s.group(1)), True
            result.append(Assignment(name, value, raw, path, number, quoted))
        elif m := _UNSET.fullmatch(line):
            result.append(Assignment(m.group(1), "n", "n", path, number))
        elif not line.strip() or line.lstrip().startswith("#"):
            continue
        else:
            raise MpforgeError(
                f"{display_path(path)}:{number}: malformed line '{line}' "
                "(expected CONFIG_NAME=value, '# CONFIG_NAME is not set', a comment or a blank)"
            )
    return result
