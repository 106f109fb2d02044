"""The one exception type for user mistakes, and how messages are printed.

A user mistake (a typo in a defconfig, an unknown board, a missing
toolchain) raises MpforgeError; the CLI and the SCons front end print its
message on one line prefixed with `error:` and exit non-zero, never with a
Python traceback.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable


class MpforgeError(Exception):
    """A user-facing error: the message names the file, line or symbol and the fix."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3) -> str:
    """Return ' (did you mean X?)' for the closest candidates, or '' if none is close."""
    pool = list(candidates)
    same_case = [c for c in pool if c.lower() == word.lower() and c != word]
    if same_case:
        return " (did you mean " + same_case[0] + "? names are case-sensitive)"
    by_lower = {c.lower(): c for c in pool}
    close = [by_lower[c] for c in difflib.get_close_matches(word.lower(), list(by_lower), n=n)]
    if not close:
        return ""
    return " (did you mean " + " or ".join(close) + "?)"


def note(message: str) -> None:
    """Print an informational line for the user on stderr."""
    print(f"note: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
