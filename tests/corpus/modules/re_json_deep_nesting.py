# requires: MODULE_RE MODULE_JSON
# Patterns and JSON nested 100,000 deep: re.compile's parser and json's encoder and
# decoder recurse in C; each ends in an error (CPython: RecursionError) or the right
# answer, never a crash, whatever the C frames' size.
import json
import re

N = 100000
x = 0
for i in range(N // 4):
    x = [x]
cases = (
    ("re groups", lambda: re.compile("(?:" * N + "a" + ")" * N).match("a") is None, False),
    ("re alternatives", lambda: re.compile("(?:a|" * N + "b" + ")" * N).match("b") is None, False),
    ("json loads lists", lambda: json.loads("[" * N + "]" * N) == [], False),
    ("json loads dicts", lambda: json.loads('{"a": ' * N + "1" + "}" * N) == 1, False),
    ("json dumps", lambda: len(json.dumps(x)), 2 * (N // 4) + 1),
)
for name, f, answer in cases:
    try:
        ok = f() == answer
    except (RecursionError, MemoryError):
        ok = True
    print(name, ok)
