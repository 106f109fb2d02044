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
from mpforge.textfile import read_text, show

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
    unset: bool = False  # written `# CONFIG_NAME is not set`

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
    return show(path)


def parse_fragment(path: Path) -> list[Assignment]:
    """Parse one defconfig/fragment file; malformed lines raise MpforgeError with file:line."""
    text = read_text(path, "config fragment")
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
            result.append(Assignment(m.group(1), "n", "n", path, number, unset=True))
        elif not line.strip() or line.lstrip().startswith("#"):
            continue
        else:
            raise MpforgeError(
                f"{display_path(path)}:{number}: malformed line '{_shown(line)}' "
                f"{_hint(line)}(expected CONFIG_NAME=value, '# CONFIG_NAME is not set', "
                "a comment or a blank)"
            )
    return result


def _shown(line: str) -> str:
    """The offending line, shortened and with control characters escaped, for one error line."""
    text = line if len(line) <= 80 else line[:77] + "..."
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _hint(line: str) -> str:
    """What a tired user most likely meant."""
    stripped = line.strip()
    if re.fullmatch(r"CONFIG_[A-Za-z0-9_]+\s*=\s*.*", stripped) and stripped != line:
        return "(remove the leading whitespace) "
    if re.fullmatch(r"CONFIG_[A-Za-z0-9_]+\s+=.*|CONFIG_[A-Za-z0-9_]+=\s.*", stripped):
        return "(no spaces around '=') "
    if re.match(r"config_", stripped, re.IGNORECASE) and not stripped.startswith("CONFIG_"):
        return "(the prefix is upper-case: CONFIG_) "
    if re.fullmatch(r"[A-Z][A-Z0-9_]*=.*", stripped):
        return "(names start with CONFIG_) "
    return ""
