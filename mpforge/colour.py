"""Colour on a terminal: only when the stream is a terminal and NO_COLOR is not set.

NO_COLOR (no-color.org): any non-empty value turns colour off. Tests, pipes, CI logs and
files get plain text.
"""

from __future__ import annotations

import os
from typing import TextIO

# SGR codes used: the progress counter, errors, notes.
GREEN = "32"
RED = "1;31"
BOLD = "1"


def enabled(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR", ""):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def paint(text: str, code: str, stream: TextIO) -> str:
    """`text` in colour `code` when `stream` shows colour, else unchanged."""
    return f"\033[{code}m{text}\033[0m" if enabled(stream) else text
