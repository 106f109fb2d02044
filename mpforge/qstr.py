"""Qstr pool generator (stage 3, GENERATE): scans C sources for qstr macros and writes
gen/qstrdefs.h, and the same pool as data for later stages (gen/qstrpool.json).

Macro forms found in C sources:

* ``MPF_QSTR_name``  -- the string is ``name`` itself (characters ``[A-Za-z0-9_]``).
* ``MPF_QSTRE_xxx``  -- escaped form for strings that are not plain identifiers: every
  byte that is an ASCII letter or digit stands for itself, every other byte is written
  ``_hh`` (two lowercase hex digits).  ``MPF_QSTRE__3cmodule_3e`` is ``<module>``,
  ``MPF_QSTRE_utf_2d8`` is ``utf-8`` and ``MPF_QSTRE_`` is the empty string.

Output: one ``QDEF(macro, hash, length, offset, "bytes")`` line per string, ``offset``
being where the string starts in the pool's one block of bytes (``MPF_QSTRID_PACKED_BYTES``:
the strings one after the other, without NUL terminators: every reader takes the length
from py/qstr.c; the dunder names of one length, first among them when there are two or
more, share their ``__``), ids from 1 in ``pool`` order.
The 165 static strings of the .mpy ABI (mpy-format.md section 13.2) are pooled only when
the code uses ``MPF_QSTRID_ABI_IDS`` (py/qstr.c does with the .mpy loader and writer); then
that macro lists their ids in ABI order, for the loader to map the ABI's fixed ids onto the
pool's.  The output depends only on the set of strings found, so it is deterministic.
"""

from __future__ import annotations

import itertools
import pathlib
import re
from collections.abc import Callable, Iterable, Sequence

from mpforge.errors import MpforgeError

# The static pool, ids 1..165, in ABI order (mpy-format.md section 13.2).
STATIC_QSTRS: tuple[str, ...] = (
    "",
    "__dir__",
    "\n",
    " ",
    "*",
    "/",
    "<module>",
    "_",
    "__call__",
    "__class__",
    "__delitem__",
    "__enter__",
    "__exit__",
    "__getattr__",
    "__getitem__",
    "__hash__",
    "__init__",
    "__int__",
    "__iter__",
    "__len__",
    "__main__",
    "__module__",
    "__name__",
    "__new__",
    "__next__",
    "__qualname__",
    "__repr__",
    "__setitem__",
    "__str__",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "EOFError",
    "Ellipsis",
    "Exception",
    "GeneratorExit",
    "ImportError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "NameError",
    "NoneType",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "RuntimeError",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
    "abs",
    "all",
    "any",
    "append",
    "args",
    "bool",
    "builtins",
    "bytearray",
    "bytecode",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "clear",
    "close",
    "const",
    "copy",
    "count",
    "dict",
    "dir",
    "divmod",
    "end",
    "endswith",
    "eval",
    "exec",
    "extend",
    "find",
    "format",
    "from_bytes",
    "get",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "id",
    "index",
    "insert",
    "int",
    "isalpha",
    "isdigit",
    "isinstance",
    "islower",
    "isspace",
    "issubclass",
    "isupper",
    "items",
    "iter",
    "join",
    "key",
    "keys",
    "len",
    "list",
    "little",
    "locals",
    "lower",
    "lstrip",
    "main",
    "map",
    "micropython",
    "next",
    "object",
    "open",
    "ord",
    "pop",
    "popitem",
    "pow",
    "print",
    "range",
    "read",
    "readinto",
    "readline",
    "remove",
    "replace",
    "repr",
    "reverse",
    "rfind",
    "rindex",
    "round",
    "rsplit",
    "rstrip",
    "self",
    "send",
    "sep",
    "set",
    "setattr",
    "setdefault",
    "sort",
    "sorted",
    "split",
    "start",
    "startswith",
    "staticmethod",
    "step",
    "stop",
    "str",
    "strip",
    "sum",
    "super",
    "throw",
    "to_bytes",
    "tuple",
    "type",
    "update",
    "upper",
    "utf-8",
    "value",
    "values",
    "write",
    "zip",
)

_MACRO_RE = re.compile(rb"\bMPF_QSTR(E?)_(\w*)")
# C comments, and the string and character literals that may contain what looks like one.
_COMMENT_RE = re.compile(rb'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
_ABI_RE = re.compile(rb"\bMPF_QSTRID_ABI_IDS\b")
_HEX = "0123456789abcdef"


def qstr_hash(data: bytes, bytes_in_hash: int = 2) -> int:
    """Hash of mpy-format.md section 13.1 (djb2 variant with XOR), never 0."""
    h = 5381
    for b in data:
        h = ((h * 33) ^ b) & 0xFFFFFFFF
    h &= (1 << (8 * bytes_in_hash)) - 1
    return h or 1


def decode_escaped(body: str) -> bytes:
    """Decode the part after ``MPF_QSTRE_`` into the string's bytes."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "_":
            hexpart = body[i + 1 : i + 3]
            if len(hexpart) != 2 or any(h not in _HEX for h in hexpart):
                raise MpforgeError(
                    f"bad qstr escape in MPF_QSTRE_{body}: '_' must be followed by two "
                    "lowercase hex digits (MPF_QSTRE_utf_2d8 is utf-8)"
                )
            out.append(int(hexpart, 16))
            i += 3
        else:
            out.append(ord(c))
            i += 1
    return bytes(out)


def macro_name(data: bytes) -> str:
    """The C macro that names the string ``data`` (inverse of the scan)."""
    if data and all(chr(b).isascii() and (chr(b).isalnum() or b == 0x5F) for b in data):
        return "MPF_QSTR_" + data.decode("ascii")
    parts = []
    for b in data:
        ch = chr(b)
        if ch.isascii() and ch.isalnum():
            parts.append(ch)
        else:
            parts.append(f"_{b:02x}")
    return "MPF_QSTRE_" + "".join(parts)


def _c_literal(data: bytes) -> str:
    out = []
    for b in data:
        ch = chr(b)
        if 0x20 <= b < 0x7F and ch not in '"\\?':
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    return '"' + "".join(out) + '"'


def _code(text: bytes) -> bytes:
    """`text` with its C comments blanked: a name only a comment mentions costs no pool entry."""
    return _COMMENT_RE.sub(lambda m: m.group(0) if m.group(0)[:1] in b"\"'" else b" ", text)


def scan(texts: Iterable[bytes]) -> set[bytes]:
    """Every string named by a qstr macro in the code (not the comments) of the source texts."""
    found: set[bytes] = set()
    for text in texts:
        for m in _MACRO_RE.finditer(_code(text)):
            body = m.group(2).decode("ascii")
            if m.group(1):
                found.add(decode_escaped(body))
            else:
                found.add(body.encode("ascii"))
    return found


def uses_abi(texts: Iterable[bytes]) -> bool:
    """Whether the code (not the comments) of the source texts uses MPF_QSTRID_ABI_IDS: the
    build reads or writes .mpy files, whose static qstrs are the ABI's fixed ids."""
    return any(_ABI_RE.search(_code(text)) for text in texts)


def is_dunder(data: bytes) -> bool:
    """Whether ``data`` is a dunder name (``__x__``) as py/qstr.c find_static tells one."""
    return len(data) >= 5 and data.startswith(b"__") and data.endswith(b"__")


def pool_order(data: bytes) -> tuple[int, bytes]:
    """The order of the core's qstr pool: by length, then bytewise (py/qstr.c finds where a
    string is from its length; without CONFIG_QSTR_POOL_HASH it binary-searches the
    strings of that length), but for a length with two or more dunder names: those first
    (``pool``)."""
    return (len(data), data)


def shared_counts(strings: Sequence[bytes]) -> list[int]:
    """For each length (0 to the longest) of the pool ``strings`` (in id order): how many of
    its strings start with the ``__`` that the one before ends with in the block of bytes:
    the dunder names after the first when they come first (two or more, and no other
    string of that length starts with ``__``), else 0. String k
    of length n then starts k * n - 2 * min(k, shared) bytes after the first of its length
    (py/qstr.c in_length)."""
    longest = max((len(s) for s in strings), default=0)
    dunders = [0] * (longest + 1)
    for data in strings:
        dunders[len(data)] += is_dunder(data)
    for data in strings:
        if data.startswith(b"__") and not is_dunder(data):
            dunders[len(data)] = 0  # (a lookup tells a dunder name by its "__" start alone)
    return [d - 1 if d > 1 else 0 for d in dunders]


def frozen_order(data: bytes) -> tuple[int, int, bytes]:
    """The order of the frozen modules' pool: by hash (section 13.1, 2 bytes), then length,
    then bytewise. py/qstr.c's binary search there compares the hash of the string it
    looks for (which it has computed anyway) first, so most of its steps need no memcmp."""
    return (qstr_hash(data), len(data), data)


def length_starts(lengths: Sequence[int], base: int) -> list[int]:
    """For entries sorted by length: starts[n] = base + how many are shorter than n, for n
    from 0 to the longest + 1, so entries of length n are [starts[n], starts[n + 1])."""
    longest = max(lengths, default=0)
    return [base + sum(1 for x in lengths if x < n) for n in range(longest + 2)]


def pool(used: set[bytes], abi: bool = False) -> list[bytes]:
    """The whole pool in id order (id 1 first): the strings used (and with ``abi`` the
    .mpy ABI's static strings too) sorted by ``pool_order``."""
    strings = set(used)
    if abi:
        strings.update(s.encode("utf-8") for s in STATIC_QSTRS)
    ordered = sorted(strings, key=pool_order)
    shared = shared_counts(ordered)
    # a length's dunder names first where they share their "__" (a sort is stable)
    return sorted(ordered, key=lambda s: (len(s), not (shared[len(s)] and is_dunder(s))))


def render(used: set[bytes], abi: bool = False) -> str:
    """The text of qstrdefs.h for the given set of used strings; with ``abi`` (a build that
    reads or writes .mpy files: ``uses_abi``), the ABI's static strings are pooled too and
    MPF_QSTRID_ABI_IDS lists their ids in ABI order."""
    strings = pool(used, abi)
    lines = [
        "// Generated by mpforge/qstr.py; do not edit.",
        "// QDEF(macro, hash, length, offset, bytes): the strings used by the C sources (and",
        "// with the .mpy loader the ABI's static ones), sorted by length, dunder names first,",
        "// then bytewise.",
    ]
    # the strings one after the other in id order, no NUL after each (id 0, no string, has
    # no bytes); a dunder name that follows one of its length without its leading "__"
    # (the one before ends with it). [pieces]: the bytes each string adds.
    shared = shared_counts(strings)
    offset = 0
    pieces = []
    for q, data in enumerate(strings):
        if len(data) > 255:
            raise MpforgeError(f"qstr {data!r} is {len(data)} bytes long (max 255): shorten it")
        before = strings[q - 1] if q > 0 else b""
        follows = len(before) == len(data) and is_dunder(before)
        skip = 2 if shared[len(data)] and is_dunder(data) and follows else 0
        offset -= skip
        name, literal = macro_name(data), _c_literal(data)
        lines.append(f"QDEF({name}, {qstr_hash(data)}, {len(data)}, {offset}, {literal})")
        offset += len(data)
        pieces.append(data[skip:])
    if offset > 0x10000:
        raise MpforgeError(
            f"the qstr pool's strings take {offset} bytes (max 65536): turn modules off"
        )
    if abi:
        ids = {s: i for i, s in enumerate(strings, start=1)}
        lines.append(f"#define MPF_QSTRID_ABI_COUNT {len(STATIC_QSTRS)}")
        lines.append(
            "#define MPF_QSTRID_ABI_IDS "
            + ", ".join(str(ids[s.encode("utf-8")]) for s in STATIC_QSTRS)
        )
    # Where each length starts among the ids, and in the block of bytes: a string's place
    # follows from its length, and a lookup searches only the strings of its own length.
    by_len = length_starts([len(s) for s in strings], 1)
    off_by_len = [
        sum(len(s) for s in strings if len(s) < n) - 2 * sum(shared[:n]) for n in range(len(by_len))
    ]
    lines.append(f"#define MPF_QSTRID_BY_LEN_T {'uint8_t' if by_len[-1] < 256 else 'uint16_t'}")
    lines.append("#define MPF_QSTRID_BY_LEN " + ", ".join(map(str, by_len)))
    lines.append("#define MPF_QSTRID_OFF_BY_LEN " + ", ".join(map(str, off_by_len)))
    # or only how many strings each length has (without CONFIG_QSTR_POOL_LENGTHS: the
    # starts are summed up when needed)
    counts = [b - a for a, b in itertools.pairwise(by_len)]
    lines.append(f"#define MPF_QSTRID_LEN_COUNT_T {'uint8_t' if max(counts) < 256 else 'uint16_t'}")
    lines.append("#define MPF_QSTRID_LEN_COUNTS " + ", ".join(map(str, counts)))
    # and how many of each length's strings share their "__" with the one before (in the
    # same type)
    lines.append("#define MPF_QSTRID_SHARED " + ", ".join(map(str, shared)))
    lines.append(
        "#define MPF_QSTRID_PACKED_BYTES \\\n    "
        + (" \\\n    ".join(_c_literal(s) for s in pieces if s) or '""')
    )
    lines += _hash_index_lines(strings)
    return "\n".join(lines) + "\n"


def _hash_index_lines(strings: list[bytes]) -> list[str]:
    """The pool's ids grouped by the low bits of their hash (CONFIG_QSTR_POOL_HASH: a lookup
    hashes the string once and compares only the few of its bucket, instead of binary
    searches through the strings of its length): a power of two of buckets, one for about
    four strings, where each bucket starts in the list of ids (one more entry: the end),
    and the ids, bucket by bucket, in id order."""
    buckets = 1
    while buckets * 4 < len(strings):
        buckets *= 2
    by_bucket: list[list[int]] = [[] for _ in range(buckets)]
    for i, data in enumerate(strings, start=1):
        by_bucket[qstr_hash(data) & (buckets - 1)].append(i)
    starts = [0]
    for ids in by_bucket:
        starts.append(starts[-1] + len(ids))
    return [
        f"#define MPF_QSTRID_HASH_BUCKETS {buckets}",
        "#define MPF_QSTRID_HASH_STARTS " + ", ".join(map(str, starts)),
        "#define MPF_QSTRID_HASH_IDS " + ", ".join(str(i) for ids in by_bucket for i in ids),
    ]


def generate(
    sources: Sequence[pathlib.Path],
    output: pathlib.Path,
    data_output: pathlib.Path | None = None,
    text_of: Callable[[pathlib.Path], bytes] | None = None,
) -> None:
    """Scan ``sources`` for qstr macros and write the pool header to ``output`` and, for the
    later stages, the pool as data to ``data_output`` (mpforge/generated.py). ``text_of``
    gives the text scanned for a source (the build passes the preprocessor's output, so a
    name only ``#if``-disabled code uses costs no pool entry); by default, the file itself."""
    from mpforge.generated import write_pool
    from mpforge.textfile import write_if_changed

    read = text_of if text_of is not None else lambda p: pathlib.Path(p).read_bytes()
    texts = [read(p) for p in sorted(sources, key=str)]
    used: set[bytes] = set()
    for path, text in zip(sorted(sources, key=str), texts, strict=True):
        try:
            used |= scan([text])
        except MpforgeError as e:
            raise MpforgeError(f"{path}: {e.message}") from None
    abi = uses_abi(texts)
    write_if_changed(output, render(used, abi))
    if data_output is not None:
        write_pool(pool(used, abi), data_output)
