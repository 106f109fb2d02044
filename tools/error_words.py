#!/usr/bin/env python3
"""Rewrite the packed table of the emitter's SyntaxError words in py/compile_emit.c (or, with
--check, say whether it is up to date).

The words are listed in the comment above `error_words` (between the BEGIN/END WORDS lines),
in the order error_texts numbers them (from 1); words that always go together are one, written
with `_` between them ("too_many"), which is a space in the text. The table holds each word's
characters and a 0 after it as 5-bit symbols (0 the end of a word, 1..26 a..z, then ' - ESC * and
the space; ESC n: the n-th character of ERROR_CHARS, from 1), least significant bits first, and one
byte of padding (the decoder reads two bytes at a time).

usage: tools/error_words.py [--check]
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "py" / "compile_emit.c"
ALPHABET = "abcdefghijklmnopqrstuvwxyz'-\x1b* "
ESC = ALPHABET.index("\x1b") + 1
# the characters after ESC: py/compile_emit.c's ERROR_CHARS (a C string of printable ASCII)
ERROR_CHARS = codecs.decode(
    re.search(r'#define ERROR_CHARS "(.*)"', SOURCE.read_text()).group(1), "unicode_escape"
)
TABLE = re.compile(r"(static const uint8_t error_words\[\] = \{\n)((?:    .*\n)*)(\};)")


def words_of(text: str) -> list[str]:
    block = text.split("// BEGIN WORDS\n", 1)[1].split("// END WORDS\n", 1)[0]
    # (a word of several, written with `_` between them, holds spaces)
    words = [w for line in block.splitlines() for w in line.removeprefix("//").split()]
    return [w.replace("_", " ") for w in words]


def symbols(ch: str) -> list[int]:
    if ch in ERROR_CHARS:
        return [ESC, ERROR_CHARS.index(ch) + 1]
    return [ALPHABET.index(ch) + 1]


def pack(words: list[str]) -> bytes:
    syms = [s for w in words for s in [x for ch in w for x in symbols(ch)] + [0]]
    bits = sum(s << (5 * i) for i, s in enumerate(syms))
    return bits.to_bytes((5 * len(syms) + 7) // 8 + 1, "little")


def table(words: list[str]) -> str:
    data = pack(words)
    rows = [", ".join(f"0x{b:02X}" for b in data[i : i + 14]) for i in range(0, len(data), 14)]
    return "".join(f"    {r},\n" for r in rows)


def main() -> int:
    ap = argparse.ArgumentParser(allow_abbrev=False, description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say whether the table is up to date")
    args = ap.parse_args()
    text = SOURCE.read_text()
    new = TABLE.sub(lambda m: m.group(1) + table(words_of(text)) + m.group(3), text, count=1)
    if args.check:
        if new != text:
            print(f"{SOURCE}: error_words is out of date (tools/error_words.py)", file=sys.stderr)
            return 1
        return 0
    SOURCE.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
