"""Small programs for the compiler's differential test: every statement and expression form.

Each entry is compiled by the pinned mpy-cross and by the firmware's own compiler
(tests/test_compiler.py) and the two .mpy files must be identical. The programs are
written to cover the grammar, not to be run (several would raise when run).
"""

from __future__ import annotations

PROGRAMS: dict[str, str] = {
    # chains of operators and trailers over several lines (the compiler walks them with a
    # loop: each node's line as one call per node would record it), method calls, super(),
    # assignment targets, an elif ladder with constants and a generator's
    "chains_and_elifs_over_lines": """\
x = (a
     + b
     * c
     - d)
y = (obj
     .m(1)
     .n(2)
     [3]
     .p
     (4))
z = obj.a(
    1).b(
    2)[
    3]
w = f(1)(
  2)(3
  )
if a:
    pass
elif (b
      and c):
    x = 1
elif d: x = 1
elif e:
    def g(self):
        return super().f(1).g(2)
else:
    pass
def h(s):
    if s == 1:
        return 1
    elif s == 2:
        yield 2
    elif s == 3:
        pass
    return (s.a
            .b.c(1)
            .d)
obj.a.b(
   1).c[
   2] = 5
s = "a" + str(1) + \\
    "b" + str(2)
k = x[1:2][::3].y(*a, **b)(k=1)
""",
    # a class body binding __class__ itself: mpy-cross makes it local slot 0 of the body,
    # a slot the body's frame does not count
    "class_defines_dunder_class": """\
class A:
    @property
    def __class__(self):
        return B
    __class__ = __class__
    def m(self):
        return 2
class C:
    def f(self):
        return super().f()
""",
    # ... and with a free variable of its own first: the slot after the free variables
    # (test_isinstance.py's shape)
    "class_defines_dunder_class_with_free": """\
def outer():
    def getclass(self):
        return AbstractClass
    class C:
        g = getclass
        __class__ = property(getclass)
    return C
""",
    # a comprehension's code starts at its element's first token, a '(' of its own included
    "comprehension_bracketed_elements": """\
def f(self):
    res = "".join(
        (
            g(
                text,
                style,
            )
            if style
            else text
        )
        for text, style, _ in h(self.b)
    )
    return [
        (
            a.b
        )
        for a in res
    ], {
        (
            k
        ): v for k, v in res
    }
""",
    # return of a conditional expression: two returns for the outermost only
    "return_nested_ternary": """\
def f(s, h, x):
    return 1 if s else 4 if h else 5
def g(s, h, x):
    return (
        1
        if (s.c == 2 and h)
        else 4
        if (s.c == 3 and x)
        else 5
    )
def k(s, h):
    return (1 if s else 2) if h else 5
""",
    # an index of several items over lines records its first item's line; := in any item
    # of parentheses
    "subscript_tuples_and_walrus_items": """\
A = typing.Union[
    str,
    tuple[str, A],
]
B = x[
    y, z
]
C = x[
    1, 2
]
f((a, b := 1, 2))
spans.append((index, index := index + 1, 0))
""",
    # an operand in brackets on a line of its own: the node built around it starts at the '('
    # (mpy-cross records that line, then the operand's own); (x.m)(...) is no method call
    "parenthesised_first_operands": """\
def f1(s):
    return bool(
        (
            s.a
        )
        & s.c
    )
def f2(s):
    return (
        (
            s.a
        )
        < s.c
    )
def f3(s):
    return g(
        (
            s.a
        )
        and s.c
        or s.d
    )
def f4(s):
    return g(
        (
            s.a
        ).b,
        (
            s.a
        )[0],
    )
def f5(s):
    return g(
        (
            s.a
        ) if s else 0
    )
def f6(s):
    return g(
        (
            s.a
        )(1), (s.b)(2), (s.c).d(3)
    )
""",
    # an and/or chain whose constant first operands are folded away still starts at its first
    # token (mpy-cross keeps the rule's line), in any context
    "folded_first_operands_over_lines": """\
x = ("a" and
 v5 and v6)
y = [("a" and
 v5 and v6), 1]
z = {("a" and
 v5 and v6): 17, 2: 3}
w = v[(0 or
 v5 or v6)]
def g():
    return ("a" and
     v5 and v6)
""",
    # an awaited chain whose object is on a line after the await (aiomysql's `await \`):
    # the object is evaluated at the await's line, each trailer at its own
    "await_chain_over_lines": """\
async def f(self):
    self.r, self.w = await \\
        asyncio.wait_for(
            _open(
                self.sock),
            timeout=self.t)
    x = 1 + await \\
        a[0]
    await \\
        g(c)
    y = (await
         h.i
         .j(k)(
             m))
    return await \\
        n ** \\
        o
""",
    # a dict item's line is its key's first token, a bracket on a line before the key's own
    # too: a name or a constant with no line of its own takes the item's
    "dict_keys_after_brackets": """\
a = {(
 v5): 1, 2: 3}
b = {("a" and
 v5): 17, (
 "ab" "cd"
 "ef"): 1, (
 None): 2, (
 -1): 3}
c = {(0 or
 v5): 17, 2: 3}
""",
    # mpy-cross interns a str literal longer than 10 characters when it is already a qstr:
    # an identifier met earlier in the source (also one in an earlier def, or inside an
    # f-string), but not one that only comes later
    "long_literals_met_or_not": """\
__all__ = ["defined_later_here", "seen_in_fstring_x"]
import collections_abc_like
msg = f"{collections_abc_like.attribute_name}"
def first_function_name(argument_name):
    return getattr(argument_name, "attribute_name"), "first_function_name"
def second_function(y):
    return "argument_name", "defined_later_here", "collections_abc_like", y
class defined_later_here:
    pass
t = "defined_later_here", "seen_in_fstring_x"
# built-in strings: mpy-cross's (interned) and this core's only (not interned), and the
# source's own name
u = "ZeroDivisionError", "heap_unlock", "implementation", "denominator", "OrderedDict"
v = "generated/long_literals_met_or_not.py", "long_literals_met_or_not.py"
""",
    "literals": """\
a = 0; b = -1; c = 47; d = -16; e = 48; f = -17; g = 1073741823; h = -1073741824
i = 1073741824; j = 10 ** 30; k = 0x7F; l = 0o17; m = 0b101; n = 1_000_000
o = 1.5; p = 1e100; q = -0.0; r = 2j; s = 'short'; t = "a longer string literal"
u = b'bytes'; v = b''; w = None; x = True; y = False; z = ...
aa = 'adjacent' "strings" '''joined'''; bb = r'raw\\n'; cc = '\\x41\\u00e9\\n\\t\\0'
""",
    "folding": """\
a = 1 + 2 * 3 - 4 // 3 % 2; b = -(2 ** 10); c = ~5 | 3 ^ 6 & 7; d = 1 << 40; e = 7 >> 1
f = 1.5 * 2; g = 2 ** -1; h = 5 / 2; i = 1 / 0; j = not 0; k = not None; l = 3 ** 0.5
m = 0 or x or 1; n = x and 1 and y; o = "" and "y"; p = 1 if 0 else 2; q = __debug__
""",
    "containers": """\
a = (1, 2, (3, "s", None, True, ...)); b = (); c = (x,); d = [1, x, 3]; e = []
f = {1: 2, "k": x}; g = {}; h = {1, 2, x}; i = x[1]; j = x[1:2]; k = x[::2]; l = x[1:2:3]
m = x[:]; n = x[1, 2]; o = x[a:b, c]
""",
    "operators": """\
a = x + y - z * w / v // u % t ** s @ r
b = x | y ^ z & w << 2 >> 3
c = -x, +x, ~x, not x
d = x < y, x > y, x == y, x <= y, x >= y, x != y, x in y, x not in y, x is y, x is not y
e = 1 < x < 10 > y
f = x and y or z and not w
g = x if y else z if w else v
""",
    "assignments": """\
a = b = c = 1
a, b = b, a
a, b, c = c, b, a
(a, b), c = [1, 2], 3
[a, *b, c] = range(9)
*a, b = x
x.y = 1
x.y.z = 2
x[0] = 3
x[1:2] = [4]
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 2; a **= 2; a @= b
a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1
x.y += 1
x[i] *= 2
x.f(1)[2] = 3
x.f(1).g = 4
a: int = 5
b: int
del a, x.y, x[0], x[1:2]
(n := 10)
""",
    # the shapes the emitter runs as scripts (seq): each child in turn (S_EACH), a child's
    # parts (S_ON), the links of a comparison chain (S_IFMORE, S_CMP), try with its handlers
    "script_shapes": """\
a, b = (b, a)
(a, b) = b, a
a, b, c = c, a, b
x.y, z[0] = z[0], x.y
a = b = x.y = z[0] = w
d = {
    k1: v1,
    k2:
        v2,
}
t = (1, a, [b, {c}], ())
r = a < b < c <= d != e not in f is not g
if not a < b or c is d < e:
    pass
s = [i for i in x if 0 < i < 9] and a or b and (c or d)
x.y.z[0] **= 2
f(a).b //= 3
from . import m
from .. import n as o, p
from .q.r import (s as t, u,)
import v.w.x as y, z
def g():
    for i in x:
        try:
            try:
                continue
            except E as e:
                break
            except:
                raise
            else:
                return 1
            finally:
                pass
        finally:
            i += 1
""",
    "calls": """\
f()
f(1, 2)
f(a, *c, b=1, **d)
f(*a, *b)
f(**kw)
x.m(1, k=2)
x.m(*a)
x.y.z(1)(2)(3)
print(*[1, 2], sep="-", end="!\\n")
g = (lambda: 0)()
""",
    "control": """\
if a:
    pass
elif b:
    x = 1
elif c:
    x = 2
else:
    x = 3
if 0:
    dead()
if 1:
    live()
while x:
    x -= 1
    if x == 5:
        continue
    if x == 2:
        break
else:
    done()
while True:
    break
for i in y:
    if i:
        break
else:
    none()
for i in range(10):
    pass
for i in range(n):
    continue
for i in range(1, n, 2):
    pass
for i in range(10, 0, -1):
    pass
for a, b in pairs:
    pass
for x.attr in items:
    pass
""",
    "functions": """\
def f(a, b=1, *args, c, d=2, **kw):
    return a + b + c + d
def g(x, y, *, z=3):
    return x, y, z
def h():
    pass
def gen(n):
    for i in range(n):
        yield i
    yield from range(3)
    x = yield
    return x
async def co(a):
    await a
    return 1
@dec
@dec2(1)
def decorated():
    return 1 if x else 2
lam = lambda x, *y, **z: (x, y, z)
def defaults(a=[], b={}, *, c=(1, 2)):
    return a
""",
    "closures": """\
def outer(a):
    b = 1
    def inner(c):
        nonlocal b
        b += c
        return a + b
    def other():
        return inner
    return inner, other
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def globs():
    global G
    G = 1
    return G
def deep():
    x = 1
    def l1():
        def l2():
            return x
        return l2
    return l1
""",
    "classes": """\
class A:
    pass
class B(A, metaclass=M):
    x = 1
    def __init__(self, v):
        self.v = v
    @property
    def p(self):
        return self.v
    @staticmethod
    def s():
        return 2
    @classmethod
    def c(cls):
        return cls
class C(B):
    def __init__(self):
        super().__init__(1)
    def m(self):
        return super().p
    def n(self):
        return __class__
@decorate
class D:
    y = [i for i in range(3)]
""",
    "comprehensions": """\
a = [x * 2 for x in range(10)]
b = [x for x in y if x if not x]
c = [(x, z) for x in y for z in x]
d = {k: v for k, v in items}
e = {x for x in y}
f = (x for x in y)
g = sum(x for x in y)
h = [[j for j in range(i)] for i in range(3)]
def scoped(n):
    return [i + n for i in range(n)]
""",
    "exceptions": """\
try:
    a()
except ValueError:
    b()
except (TypeError, KeyError) as e:
    c(e)
except Exception as e:
    raise RuntimeError("x") from e
except:
    raise
else:
    d()
finally:
    e()
try:
    pass
finally:
    pass
def f():
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            g()
    while 1:
        try:
            return 1
        except E:
            pass
assert x
assert x, "message"
raise E
""",
    "with": """\
with a:
    pass
with a as b:
    f(b)
with a as b, c as d:
    pass
with a() as (x, y):
    pass
def g():
    for i in y:
        with i:
            break
    with x:
        return 1
""",
    "imports": """\
import a
import a.b.c
import a.b as c
from a import b
from a import b as c, d
from . import x
from .. import y
from .m import (p, q,)
from m import *
""",
    "scopes": """\
x = 1
def f():
    print(x)
def g():
    x = 2
    def h():
        return x
    return h
def k():
    global x
    x = 3
class C:
    x = 4
    def m(self):
        return x
""",
    "strings": """\
a = f"{x}"
b = f"a{x!r}b{y:>10}c{z!s:{w}}"
c = f"{{literal}} {x + 1}"
d = f"{x}" "plain" f"{y}"
e = "%s %d" % (x, 1)
f = "{} {}".format(1, 2)
g = 'quote\\'s' + "dq\\"s"
h = '''triple
line'''
""",
    # number forms: underscores anywhere in the digits, the exponent's included
    "number_forms": "a = 1e1_0 + 1.5e-1_2j + 1_0.2_5 + .5 + 1. + 1.e5 + 5j\nb = 0x_1f, 0o1_7, 0B1_0, 1__0\n",
    # escapes in f-strings: decoded in the text and the format spec after the fields are
    # split off; an expression's own strings are the sub-lexer's
    "fstring_escapes": r'''
a = f"\x41{x}\t{y:\x3e5}\n"
b = f"\\{x}" rf"(\\{y})" fr"\d+{z}\w"
c = f"""{x}
\
{y}\101"""
d = f"{x!r:>{w}}\u00e9\U0001F600"
e = r"\N{x}" "\o\8" b"\x41\101\u"
f = f"{'\n'}{x:\\>4}"
g = f"{x:{y!r:.1}>{w}}{x!r:{y!s}}{x:{y:{w}}}{x:{y=}}{x=!s}{x}}}}{{{{{x}"
''',
    # an f-string field's expression ends where a sub-parser stops (as in brackets: a field
    # may span lines of a triple-quoted f-string), a trailing comma before '}', '!' or ':'
    "fstring_fields": '''
a = f"""{
x
}{ y
 :>{w}}"""
b = f"{x,}{x, y}{x,!r}{x,:>9}{x,=}{ {1: 2}[1] }{x if x else y}{x==y=}{x!=y}"
c = f"{[i for i in x]}{d['k']=}{f'{x}'}{x:=^10}{x:{'<'}{w}}{-x}{not x}"
''',
    # strings in a field's expression with the f-string's own quote (mpy-cross and CPython
    # 3.12 read them; micropython-phew's server.py `f"<Route {self.path} ({", ".join(m)})>"`):
    # the field ends at a '}' outside its brackets and strings, the literal at its quote
    # outside fields
    "fstring_same_quote_in_field": '''
a = f"<Route {x} ({", ".join(m)})>"
b = f'{d['k']}{'#'}{"a" if x else "b"}{(")")}'
c = f"{x:{"<"}{w}}{x!r:>{"9"}}{x:'^10}{", ".join(str(i) for i in m)}"
d = f"""{"""t"""}{'u'}"""
e = rf"\\d{"z"}{x:\\>{"4"}}"
''',
    # `@micropython.bytecode` (maybe called) chooses mpy-cross's emitter: no call compiled
    "micropython_bytecode_decorator": """import micropython
@micropython.bytecode
def f(x):
    return x
@dec
@micropython.bytecode(1)
async def g():
    pass
@micropython.bytecode()
class A:
    @micropython.bytecode
    def m(self):
        return f(1)
""",
    # a name declared nonlocal is closed over in the scopes in between before the names used
    # free (mpy-cross does it where it meets the declaration): the order of a closure's cells
    # (CPython 3.12's test_buffer.py)
    "nonlocal_closed_over_first": """def t(self, a, b):
    sm = None
    class C:
        def rel(s, buffer):
            with self.x():
                pass
            nonlocal sm
            sm = buffer
            return a
    def d():
        def e():
            b.f()
            nonlocal a
            a = 1
        return e
    return C, d
""",
    "long_function": "def big(x):\n"
    + "".join(f"    v{i} = x + {i}\n    if v{i} > {i * 3}:\n        x -= 1\n" for i in range(40))
    + "    return x\n",
    "many_lines": "".join(f"a{i} = {i}\n" + "\n" * (i % 7) for i in range(200)),
    "many_locals": "def f():\n"
    + "".join(f"    l{i} = {i}\n" for i in range(40))
    + "    return "
    + " + ".join(f"l{i}" for i in range(40))
    + "\n",
    "const_micropython": """\
from micropython import const
X = const(5)
_Y = const(X * 2)
def f():
    return X + _Y
""",
    # `const` is only a name: a call of it is micropython.const() only as NAME = const(x)
    # (twisted's test_roots.py has `c = const()` of a class named const: SyntaxError, as with
    # mpy-cross: REJECTED const_of_no_argument)
    "const_is_a_name": """class const:
    def put(self, a, b):
        return a == "x"


c = const
print(c().put("x", 1), const().put("y", 2), [const()][0].put("x", 3))


def const(*a):
    return a


print(const(), const(1, 2), const(x := 3), x)
x.y = const()
a, b = const(1, 2)
a = b = const(x)
""",
    # NAME = const(value) of every kind of constant: later uses load the value, a constant
    # object unless a small int (None, True and a short str too), with its line; a tuple
    # (an empty one is built where it is written, then loaded as a constant); annotated
    # (`_NAME: T = const(x)` is not stored either; a const's name annotated alone compiles
    # to nothing); in a class and a function; earlier consts
    # folded into later ones
    "const_every_kind": """\
from micropython import const
I = const(7)
BIG = const(2 ** 40)
HUGE = const(-(7 ** 40))
F = const(1.5)
C = const(2j)
S = const("abc")
LONG = const("abcdefghijklmnop")
B = const(b"xy")
N = const(None)
T = const(True)
FA = const(False)
E = const(...)
TU = const((1, "s", (2.5, b"b"), None))
EMPTY = const(())
ONE = const((I,))
A: int = const(3)
_P: int = const(4)
A: int
S: str
_Q = const(I * 2 + BIG)
print(I, BIG, HUGE,
    F, C, S, LONG, B,
    N, T, FA, E,
    TU, EMPTY, ONE, A, _P, _Q)
print({S: N, LONG: (TU, EMPTY)}, -F, not N, S * 2, I << 2, (S, I), [T,
    FA])
if TU:
    print(TU is TU, EMPTY == ())
for x in TU:
    pass
class K:
    KA = const(5)
    _KB = const("kb")
    def m(self, d=F):
        return KA + I, _KB, d
def f(a=S, *, b=TU):
    L = const(9)
    _M = const((1, 2))
    return L, _M, a, b, N
x = f"{S}{F:>5}"
""",
    # a private const first in a block of several statements, or first in a ';' list: it
    # compiles to nothing, but mpy-cross records the line of the block (its first statement's)
    # and of the list (line table entries at the same offset; one const alone records none)
    "const_private_first_in_block": """\
from micropython import const
import a
_A = const(1); _B = const(2)
x = 1
_C = const(3);
class K:
    _D = const(4)
    y = _D
class L:
    _E = const(5)
    _F = const(6)
class M:
    _G = const(7)
def f():
    # a comment first
    _H = const(8)


    return _H
if x:
    _I = const(9)
    x = 2
else:
    _J = const(1); z = 3
while x: _K = const(2); _L = const(3)
try:
    _M = const(4)
    _N: int = const(5)
    w = 1
finally:
    _O = const(6); v = _O
_P = const(7); Q = const('''two
lines'''); _R = const(8);
""",
    # `while` of a false constant: no body and no label before its else, so after a return
    # (dead code) the else is dropped as mpy-cross drops it, up to the loop's end label
    "while_false_after_return": """\
def f(x):
    raise
    while 127 % 127:
        pass
    else:
        return x
    y = 1
def g(x):
    for z in x:
        continue
        while False:
            y = 1
        else:
            y = 2
            break
        w = 1
    while 0:
        pass
    else:
        return 3
""",
    # a dict key in brackets opened on an earlier line (black's style for long keys): the
    # item's line is the bracket's (recorded before the value), the key's the first token in it
    "dict_key_bracket_on_earlier_line": """\
d = {
    (
        a + b
    ): c,
    (
        -e
    ): (f and
        g),
    (
        "a string"
    ): h, (
    i).j: k, (
    l)[0]: m, (
    n, o): p, (
    q): r,
}
s = {(
    t and u):
    v(1)}
w = {(
    x or y): z for x in y}
""",
    # zero-argument super() in a def: super(__class__, its first parameter, whichever kind);
    # in a lambda or a comprehension a plain call of super (as mpy-cross compiles them)
    "super_first_parameter_of_any_kind": """\
class A(B):
    def f(*a):
        return super().f()
    def g(**k):
        return super().g()
    def h(*a, c):
        return super().h(), (super)()
    def i(*, c, **k):
        return super()
    m = lambda self: super().m()
    def n(self):
        return [super().n(x) for x in self], (lambda: super())()
""",
    "const_tuple_truth": """\
a = () or x; b = (1,) or x; c = () and x; d = (1, "s") and x; e = x or () or y
f = x and ((),) and y; g = 1 if () else 2; h = [i for i in x if (1,)]
if (): f()
if (1, 2): g()
while (): h()
while (None,):
    break
assert (1,)
""",
    "generator_lambda_and_range_genexpr": """\
a = lambda: (yield)
b = lambda v: (yield v) + (yield from w)
def f():
    t = 1
    return lambda: (yield t)
for x in range(0 for i in y):
    pass
for x in range(a, (0 for i in y)):
    pass
""",
    "folding_chains": """\
a = 18 + 5 + len(x); b = 1 * 2 * x; c = x + 1 + 2; d = 1 - 2 + x; e = 1 | 2 | x
f = 1 + 2 * 3 + x; g = 1 + 2 + 3; h = 1 << -1 << 2; i = 1.5 + 2 + x; j = (1 + 2) + x
k = 1 + 2 ** 3 + 4; l = 2 * 3 * x * 4; m = 7 & 3 ^ 1 ^ x
""",
    "swap_in_brackets": """\
a, b = b, a
a, b = (b, a)
(a, b) = b, a
a, b, c = (c,
    b, a)
(a, b, c) = c, b, a
[a, b] = b, a
""",
    "scopes_declared": """\
x: int
y: list = []
def f():
    a: int
    b.c: int
    try:
        return a
    except NameError:
        return b
def g():
    def m():
        return 1
    class A:
        nonlocal m
        def m():
            return 2
    return m()
def h():
    global w
    return [w := i for i in range(3)], w
def k():
    def inner():
        nonlocal v
        return [v := i for i in range(2)]
    v = 0
    return inner(), v
""",
    # float and imaginary constants as mpy-cross prints them: 16 digits when they read back,
    # else 17; ties rounded half up; the double nearest a power of ten as that power
    "float_constant_text": """\
a = [69.49, 0.57735027, 1e126, 0.1, 1 / 3, 2.0, 1e16, 1e15, 123456789012345678.0, 1e-05]
b = [5.960464477539063e-08, 2.9802322387695312e-08, 890324341542749.25, 99.998809814453125]
c = [1e-20, 1e-11, 1e23, 1e-40, 1e259, 0.3, 5e-324, 2.2250738585072014e-308]
d = [69.49j, 1e-20j, 0.5j, 71625206.0401107j, 1e16j, 1000000000000000j, 0j, 1e400, 1e400j]
""",
    # a decorator called with no arguments is on its own line too
    "decorator_empty_call": """\
@f(1,
   2)
@g()
def h():
    pass
class C:
    @f(1)
    @g.h()
    @k
    def m(self):
        pass
""",
    # str literals equal to mpy-cross's static strings that the linker stored as the tail
    # of a longer string, or that hold spaces: interned, as mpy-cross does
    "static_qstr_tails": """\
a = ["classmethod", "difference_update", "templatelib"]
if e.args[0].startswith("maximum recursion depth exceeded"):
    pass
""",
    # an attribute/subscript chain as one target of several over lines: its object records
    # no line of its own, its trailers do
    "target_chain_lines": """\
def f(fds):
    (a.b,
     c.d.e,
     *g.h[0].i) = fds
    (x,
     y[1].z) = fds
""",
    # a method's free variables follow the class body's ids, whose first is __class__ (a
    # class body naming an outer variable itself before the method that uses super())
    "closure_order_class_cell_first": """\
def f():
    import doctest
    import re
    class L(B):
        _r = re.compile("x")
        def check(self, want):
            if super().check(want):
                return True
            return doctest.X, re.sub
    return L
""",
    # a constant tuple or bytes as a statement compiles to nothing, as a constant does (not
    # an empty tuple); test_email/test_message.py's stray `('content-shadow', 'Logrus'),`,
    # test_gettext.py's bytes
    "const_tuple_statement": """\
if x:
    ('content-shadow', 'Logrus'),
(b'a', 1.5, 1j, None, ..., (2, 3), -1, 1 + 2, 10 ** 30)
()
(x, 1)
b"a bytes statement"
def f():
    b"abc" b"d"
    return 1
""",
    # a power whose base is in brackets on lines of its own starts at the '(' (scipy's
    # cobyqa: `np.sum((a - b) ** 2.0, axis=0)` over lines)
    "paren_power_base": """\
def f(s):
    return g(
        (
            s.a
            - s.b
        )
        ** 2.0,
        (
            s.c
        )
        ** s.d,
    )
""",
    # a long name met first in an f-string's field takes its place in the order of names
    # met: a later literal equal to a name met only after it stays a str (test_readline.py)
    "fstring_name_order": """\
def setup():
    print(f"emulation? {is_editline}")
@skip_unless(hasattr(readline, "clear_history"), "clear_history is missing")
class TestHistory:
    def test(self):
        readline.clear_history()
        if is_editline:
            pass
""",
    # a left shift past the runtime's 1,000,000 bits is folded as mpy-cross folds it (any int
    # result its heap holds: sympy's `1 << 1000001`); small results here, to keep it quick
    "fold_long_shift": """\
x = 0 << 2000000
y = (5 << 1000001) >> 1000000
z = (-3 << 1500000) // (1 << 1499999)
w = 1 << 1000000000
v = True << 2000000
""",
    "star_arg_at_29": "def f(*a):\n    return len(a)\nprint(f(" + "0, " * 29 + "*(1, 2), 3))\n",
    # a chain of comparisons past 64 operators (the parser's own room for them; it refused more)
    "compare_chain_past_64": "a = 1\nprint("
    + " <= ".join(["a"] * 100)
    + ")\nprint("
    + " is not ".join(["None", "a"] * 40)
    + ", "
    + " < ".join(str(i) for i in range(300))
    + ")\n",
    # an `if` whose test is a constant: mpy-cross compiles the branch taken and still
    # places the statement's end label, so what follows a return, raise, break or continue
    # in it is written (tornado's `if True: return 42` before a `yield`, twisted's
    # `if False: yield None` / `else: raise`)
    "if_constant_then_unreachable": """\
def a(x):
    if x:
        return 1
    elif True:
        return 2
    else:
        return 3
    y = 4
def b(x):
    if False:
        return 1
    elif x:
        return 2
    return 5
def c(x):
    if 0:
        pass
    elif 1:
        raise X
    z = 1
def d(x):
    for i in x:
        if True:
            break
        print(i)
    else:
        if "":
            continue_ = 1
        else:
            return 9
def e():
    try:
        if True:
            return 1
    finally:
        pass
    if None:
        pass
    else:
        raise Y
if True:
    pass
else:
    q = 1
if False:
    q = 2
while 1:
    if True:
        continue
    w = 1
def g():
    if __debug__:
        return 1
    return 2
def h():
    if not __debug__:
        return 1
    yield 2
def k():
    if (1, 2):
        return 1
    return 2
""",
    "docstrings": '''\
"""Module docstring."""
def f():
    """Function docstring."""
    return 1
class C:
    """Class docstring."""
''',
    # a name declared global in a function is global in the scopes nested in it, even where
    # an enclosing function binds it (it was closed over as the outer function's local)
    "global_declared_between": """\
def f1():
    def f2():
        global g
        return lambda: g, [g for _ in "ab"], {k: g for k in "c"}
    g = 2
    class K:
        def m(self):
            global g
            class L:
                h = g
            return L
    return f2, K
""",
    # a big int's conversion to float as mpy-cross folds it: 32 bits at a time from the top,
    # each step rounded (2**79 + 2**26 + 1 then is 2**79 + 2**27; 16 bits at a time gave 2**79)
    "big_int_to_float_folding": """\
a = 604462909807314654461953 * 1.0
b = 39614081257132173194818486273 * 1.0
c = 986289281496605860061 ** -2
d = 986289281496605860061 / 3
e = -604462909807314654461953 / 1
""",
    # range() bounds and steps are constants only as small ints of 31 bits, as mpy-cross's
    # parser makes them (a host with wider small ints treated 2 ** 30 .. 2 ** 62 as constants)
    "range_wide_small_ints": """\
for a in range(1073741824):
    pass
for a in range(-1073741825, 0):
    pass
for a in range(0, 4611686018427387903, 1099511627776):
    pass
for a in range(0, 10, -1073741825):
    pass
for a in range(-1073741824, 1073741823, 1073741823):
    pass
""",
}

# Sources both compilers must reject (mpy-cross's limits are the compiler's too).
REJECTED: dict[str, str] = {
    "star_after_keyword": "f(a, b=1, *c)\n",
    # native code, which mpy-cross makes only with an -march and this core does not run
    # ("invalid arch"), and any other micropython decorator
    "micropython_native_decorator": "@micropython.native\ndef f():\n    pass\n",
    "micropython_viper_decorator": "class A:\n    @micropython.viper\n    def f(self, x: int):\n        pass\n",
    "micropython_asm_decorator": "@micropython.asm_thumb()\ndef f(r0):\n    add(r0, r0, 1)\n",
    "micropython_unknown_decorator": "@micropython.fast\ndef f():\n    pass\n",
    "micropython_dotted_decorator": "@micropython.native.x\ndef f():\n    pass\n",
    "star_in_list": "x = [*a, *b]\n",
    "positional_only": "def g(x, /, y):\n    pass\n",
    "dict_unpack": "d = {**a}\n",
    "bad_indent": "if x:\npass\n",
    "unclosed": "f(1, 2\n",
    "return_outside": "return 1\n",
    "assign_to_call": "f() = 1\n",
    "break_outside": "break\n",
    "bad_token": "x = $\n",
    "two_stars": "def f(x, *a, *):\n    pass\n",
    "lambda_two_stars": "lambda x, *a, *: 1\n",
    "param_after_kwargs": "def f(x, *a, **kw, r):\n    pass\n",
    "lambda_param_after_kwargs": "lambda **kw, r: 1\n",
    "unicode_name_escape": 'x = "\\N{EM DASH}"\n',
    "fstring_bad_conversion": 'a = f"{x!z}"\nb = f"{x!r }"\n',
    # a function between declares the name global: no binding for the nonlocal (CPython too)
    "nonlocal_past_global": "def a():\n    x = 1\n    def b():\n        global x\n        def c():\n"
    "            nonlocal x\n        return c\n",
    "nonlocal_and_global": "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n",
    # a yield expression only where the grammar has one (a statement, an assignment's right
    # side, alone in parentheses): never an item, an argument, a subscript or a return value
    "yield_genexp": "def f(y):\n    return (yield x for x in y)\n",
    "yield_tuple_item": "def f():\n    return (yield, 1)\n",
    "yield_list_item": "def f():\n    return [yield 1]\n",
    "yield_set_item": "def f():\n    return {yield 1}\n",
    "yield_argument": "def f():\n    return g(yield 1)\n",
    "yield_subscript": "def f():\n    a[yield 1]\n",
    "yield_return_value": "def f():\n    return yield 1\n",
    # NAME = const(x) whose x is not one constant (mpy-cross: SyntaxError: not a constant):
    # a name, an operation mpy-cross does not fold, several or no arguments, a trailing
    # comma, a star, a keyword, a list, an f-string; in a function and annotated too
    "const_of_a_name": "a = const(x)\n",
    "const_of_matmul": "A = const(1 @ 2)\n",
    "const_of_negative_shift": "A = const(1 << -2)\nB = const(1 >> -2)\n",
    "const_of_zero_division": "A = const(1 // 0)\n",
    "const_of_two_arguments": "A = const(1, 2)\n",
    "const_of_no_argument": "A = const()\n",
    "const_of_trailing_comma": "A = const(1,)\n",
    "const_of_star": "A = const(*x)\n",
    "const_of_keyword": "A = const(x=1)\n",
    "const_of_tuple_with_name": "A = const((1, x))\n",
    "const_of_list": "A = const([1])\n",
    "const_of_comparison": "A = const(1 < 2)\n",
    "const_of_str_operation": 'A = const("a" * 2)\n',
    "const_of_bool_arithmetic": "A = const(True + 1)\n",
    "const_of_fstring": 'A = const(f"a")\n',
    "const_of_conditional": "A = const(1 if x else 2)\n",
    "const_in_function": "def f():\n    A = const(x)\n",
    "const_annotated": "A: int = const(x)\n",
    # a const's name is its value afterwards: it cannot be assigned to or deleted
    "const_reassigned": "A = const(1)\nA = const(2)\n",
    "const_deleted": "A = const(1)\ndel A\n",
    # a zero-argument super() in a def without parameters (mpy-cross: super() can't find self;
    # CPython raises RuntimeError when it runs; ours called super() with no argument)
    "super_without_self": "class A:\n    def f():\n        return super().f()\n",
    "super_without_self_nested": "class A:\n    def f(self):\n        def g():\n            return super()\n        return g\n",
    # a name used before its global or nonlocal declaration (mpy-cross: identifier redefined
    # as global; CPython: name 'x' is used prior to global declaration)
    "used_before_global": "def f():\n    print(x)\n    global x\n",
    "used_before_global_in_class": "class A:\n    x.y = 1\n    global x\n",
    "used_before_nonlocal": "def f():\n    x = 1\n    def g():\n        x[0] = 1\n        nonlocal x\n",
    # a lambda first in an f-string field (its ':' would start the format spec)
    "fstring_field_lambda": 'x = f"{lambda x: 1}"\n',
    # a comprehension's iterable is an or_test: no lambda (its condition may be one)
    "comprehension_iterable_lambda": "x = [a for a in lambda: b]\n",
    "generator_iterable_lambda": "x = (a for a in b if c for d in lambda: e)\n",
    # string prefixes: one letter, or r with b or f (no u in two, none twice)
    "string_prefix_ub": 'x = ub"a"\n',
    "string_prefix_bu": 'x = bu"a"\n',
    "string_prefix_ur": 'x = ur"a"\n',
    "string_prefix_rr": 'x = rr"a"\n',
    # an empty bracketed import list (a comma may end a list: `from a import (b,)`)
    "import_from_nothing": "from a import ()\n",
    # del with no target (a comma may follow the last one: `del a,`)
    "del_nothing": "if x:\n    del\n",
    # a starred item alone in parentheses: no tuple (it was taken for `(*a,)`)
    "star_alone_in_parentheses": "(*a) = b\n",
    "star_alone_in_parentheses_for": "for (*a) in b:\n    pass\n",
    # a starred target alone, without a comma (`*a, = x` unpacks)
    "star_target_alone": "*a = 1\n",
    # a call's * argument at position 30 or later: its bit in the star bitmap (a small int of
    # 31 bits) would not fit; at 29 it does (the program "star_arg_at_29" compiles it)
    "star_arg_at_30": "f(" + "0, " * 30 + "*a)\n",
    "star_arg_at_62": "f(" + "0, " * 62 + "*a, 1)\n",
    # a jump past 15 bits of offset (an if/while/for body of ~16 KB of code, a try body of
    # ~32 KB): mpy-cross raises RuntimeError: bytecode overflow (the offset was cut before)
    "jump_past_15_bits": "def f(a, b):\n    if a:\n"
    + "        a = b + 1\n" * 4100
    + "    return a\n",
    "loop_past_15_bits": "def f(a, b):\n    for a in b:\n"
    + "        a = b + 1\n" * 4100
    + "    return a\n",
    # no async comprehension, no await in a comprehension's code (mpy-cross: invalid syntax,
    # 'await' outside function; this VM cannot run them as CPython does: they are refused,
    # not compiled into a plain loop or a list of coroutines); jinja2, django, sqlalchemy
    "async_comprehension": "async def f(y):\n    return [x async for x in y]\n",
    "async_comprehension_nested": "async def f(y):\n    return {x: [1 async for z in x] for x in y}\n",
    "await_in_comprehension": "async def f(y):\n    return [await g(x) for x in y]\n",
    "await_in_generator_expression": "async def f(y):\n    return (await g(x) for x in y)\n",
    # := never binds a comprehension's own variable (nor, in nested ones, the variable of one
    # around it: CPython; mpy-cross refuses the first two) nor from a class body's comprehension
    "walrus_rebinds_iteration_variable": "x = [i := i + 1 for i in range(4)]\n",
    "walrus_rebinds_unpacked_variable": "def f():\n    return [i := -1 for i, j in [(1, 2)]]\n",
    "walrus_in_class_comprehension": "class A:\n    y = [(x := 1) for i in range(2)]\n",
    # a cell in a local slot past 255 (a byte of the code's prelude): mpy-cross fails an
    # assertion; SyntaxError here (it was a RuntimeError "slot is not a cell" at run time)
    "cell_slot_past_a_byte": "def f():\n"
    + "".join(f"    v{i} = {i}\n" for i in range(256))
    + "    def g():\n        return "
    + " + ".join(f"v{i}" for i in range(256))
    + "\n",
}

# Sources whose .mpy differs from mpy-cross's on purpose: what mpy-cross makes does not do
# what CPython does (a str.format template that fails, a str that is not UTF-8); ours runs
# as CPython runs them. Each prints what CPython prints.
DEPARTS_FROM_MPY_CROSS: dict[str, str] = {
    # a brace after a backslash in an f-string is the f-string's (mpy-cross: text, so the
    # field stays in the template and str.format raises KeyError); SCons's MSVC/Kind.py
    "fstring_backslash_brace": r'''x, y = 1, 2
print(fr"a\{x}b", f"\{y}", fr"\{{x}}", fr"{y}\{x!r:>3}", fr"""\{x}""")
''',
    # a brace an escape makes is text (mpy-cross leaves it single: str.format rejects it)
    "fstring_escaped_brace": r"""x = 1
print(f"\x7b", f"\173{x}\x7d", f"\u007b\U0000007d{x}")
""",
    # a plain string literal next to an f-string keeps its braces as text (mpy-cross joins
    # it into the f-string's str.format template unescaped: KeyError, or a wrong text; a
    # limitation MicroPython documents); jinja2/compiler.py, awscli/shorthand.py, moto
    "fstring_concat_plain_braces": """x, y = 1, 2
print("a{b}" f"{x}", "{{}}" f"{x}", f"{x}" "{y}}}" "{", "{:.2f}" f"-{y:.1f}")
""",
    # := in a comprehension nested in a comprehension binds in the enclosing function, as
    # in CPython (mpy-cross binds it in the outer comprehension: the function's `d` is then
    # an unbound global); hypothesis/extra/_patching.py, networkx's bipartitions.py
    "walrus_in_nested_comprehension": """def f():
    r = [[(d := n) for n in ns] for ns in [[1, 2], [3]]]
    return r, d
print(f())
""",
    # a float power or an int's conversion that overflows is left to run time, where it
    # raises OverflowError as in CPython (mpy-cross folds it to inf, -inf or nan)
    "float_overflow_not_folded": """def attempt(f):
    try:
        return f()
    except OverflowError as e:
        return "OverflowError"
print(attempt(lambda: 2.0 ** 1024), attempt(lambda: (-2.0) ** 1025), attempt(lambda: 1e200 ** 2.5))
print(attempt(lambda: 10 ** 400 * 1.0), attempt(lambda: 10.0 ** 400), 1e308 * 10)
""",
    # a backslash before a non-ASCII character stays with it (mpy-cross re-encodes the
    # character's first byte as a code point: not UTF-8); pygments's lexers/bqn.py
    "backslash_non_ascii": 's = r"[+\\-÷\\⋆√]"\nprint(s, len(s), r"\\é"[1], len("a\\é"))\n',
}

# Sources CPython 3.11 accepts and mpy-cross rejects: the compiler follows CPython (an empty
# target unpacks nothing, `del ()` deletes nothing). Each prints what CPython prints.
BEYOND_MPY_CROSS: dict[str, str] = {
    # a dotted name of any length (mpy-cross: RuntimeError: name too long, past 255 characters;
    # we cut it short there before)
    "dotted_name_past_255_chars": "import builtins\n"
    + "class M:\n    x = 5\n"
    + "def imp(name, *args):\n    print(len(name), name.count('.'), sorted(set(name.split('.'))))\n"
    + "    return M\n"
    + "builtins.__import__ = imp\n"
    + "import "
    + ".".join(["abcdefghij"] * 30)
    + "\n"
    + "from "
    + ".".join(["k" * 200, "m" * 200])
    + " import x\n"
    + "print(x)\n",
    # a decorator may be any expression (CPython 3.9; mpy-cross takes a dotted name and one
    # call only): trio's _core/_tests/test_ki.py `@_core.enable_ki_protection if e else _id`
    # `:=` in parentheses in an f-string's field is an assignment (mpy-cross ends the field's
    # expression at the ':': invalid syntax); pip's vendored platformdirs/unix.py
    "fstring_walrus_in_field": """x = 0
def f(g):
    s = f"{x}, {(fb := g())!r:>6}|{(y := 2) + fb}"
    return s, fb, y
print(f(lambda: 7), f"{(x := 5)}", x, f"{x:=^7}")
""",
    "decorator_any_expression": """decos = [lambda f: f.__name__ + "!", lambda f: 2]
@decos[0]
def f():
    pass
@(lambda f: 1) if len(decos) > 5 else decos[1]
def g():
    pass
@decos[0] if g else None
class C:
    pass
print(f, g, C)
""",
    "assign_empty_tuple": "() = []\n[] = ()\nprint('ok')\n",
    "assign_nested_empty_tuple": "for ((), a) in [([], 1), ((), 2)]:\n    print(a)\n",
    # bytes have no \N escape (mpy-cross rejects it); an octal escape above 0o377 wraps
    "bytes_backslash_n_octal": 'print(b"\\N{x}", b"\\400", b"\\777", "\\777")\n',
    "fstring_ascii_conversion": 'x = "é"\nprint(f"{x!a}", f"{x!a:>{len(x) + 8}}")\n',
    "del_empty_tuple": "del ()\nprint('ok')\n",
    "del_empty_list": "a = 1\ndel a, []\nprint('a' in globals())\n",
    # a list of targets in del (mpy-cross: can't delete expression), as CPython deletes each
    "del_list_of_targets": """a = 1
b = 2
c = {1: 2}
class O: pass
o = O()
o.x = 1
del [a, b]
del [c[1]], [o.x]
print("a" in globals(), "b" in globals(), c, hasattr(o, "x"))
def f():
    x = y = 1
    del [x], (y,)
    try:
        x
    except NameError:
        print("unbound")
f()
""",
    "assign_empty_tuple_too_many": "try:\n    () = [1]\nexcept ValueError:\n    print('ValueError')\n",
    "assign_empty_tuple_not_iterable": "try:\n    () = 1\nexcept TypeError:\n    print('TypeError')\n",
    # a quote, bracket, brace or colon inside a string literal in an f-string's field is the
    # literal's (mpy-cross counts brackets and ends the expression at ':' regardless):
    # astroid's as_string.py, sqlalchemy's asyncpg.py and strategy_options.py
    "fstring_quoted_brackets": """x, empty, rest = 5, False, ["a", "b"]
print(f"{'{'}{', '.join(rest)}{'}'}")
print(f"{'[' if empty or x else '('}" f"{']' if not empty else ')'}")
print(f"{'a:b'.split(':')[0]}:{x}", f"{ {'k': 1}['k'] }", f"{'}'}{'('}")
print(f"{x:{'>'}4}|", f"{'!'}", f"{x!r:{'^'}5}")
""",
    # `\{{` in a raw f-string is a backslash and a brace (mpy-cross takes the field from the
    # second brace on: invalid syntax); pygments's templates.py and int_fiction.py
    "fstring_raw_backslash_double_brace": r"""_ident_inner = "ID"
_squote = "'"
print(rf'(\{{%)(-?\s*)(filter)(\s+)({_ident_inner})')
print(rf'([{_squote}])(@\{{[0-9a-fA-F]*\}})([{_squote}])')
""",
    # an attribute of a float literal (mpy-cross's lexer reads `1.0.` as one number)
    "float_literal_attribute": "print(1.0.real, 1.5.imag, 2.5.is_integer(), 1e3.real)\n",
    # a parenthesized del target (mpy-cross: can't delete expression)
    "del_parenthesized_target": """a, b, c = 1, 2, 3
del (a), [b, c]
print("a" in globals(), "b" in globals(), "c" in globals())
d = [1, 2]
del (d[0]), (d)
print("d" in globals())
""",
    # f-string self-documenting fields with spaces around `=` and a conversion or spec
    "fstring_self_documenting_spaced": """x, y = 5, "s"
print(f"{x = !r:>10}|", f"{ y = !s}", f"{x = :>4}")
""",
    # upper-case string prefixes (R, Rf, fR, RB, Br, rB, F, U, B); sympy's test_latex.py,
    # twisted's ckeygen.py
    "upper_string_prefixes": r"""k = "rsa"
print(R"a^{12}\left", Rf"%HOME%\.ssh\id_{k}", fR"\{k}", RB"\x00", Br"\n", rB"a", F"{k}", U"u", B"b")
""",
    "positional_only": """def f(a, b=10, /, c=100, *, d=0):
    return a + b + c + d


def rejects(call):
    try:
        call()
    except TypeError:
        return "TypeError"
    return "no error"


print(f(1), f(1, 2), f(1, 2, 3), f(1, c=2), f(1, 2, d=5), f(*[1, 2]))
print(rejects(lambda: f(a=1)), rejects(lambda: f(1, b=2)), rejects(lambda: f()))
print(rejects(lambda: f(1, 2, 3, 4)), rejects(lambda: f(**{"a": 1})))


def g(a, /, **kw):
    return a, sorted(kw.items())


print(g(1, a=2, b=3))


def outer(x):
    def inner(a, /, b):
        return x + a + b

    return inner


print(outer(1)(2, b=3), rejects(lambda: outer(1)(a=2, b=3)))
h = lambda a, b, /, : a * b
print(h(3, 4), rejects(lambda: h(3, b=4)), (lambda a, /, b=2: a + b)(1))


class C:
    def m(self, a, /):
        return a

    async def am(self, a, /):
        return a


print(C().m(5), C.m(C(), 6), rejects(lambda: C().m(a=1)), rejects(lambda: C.m(1)))
for src in ["def f(/, a): pass", "def f(*, a, /): pass", "def f(a, /, b, /): pass",
            "def f(**k, /): pass", "def f(a=1, /, b): pass", "def f(a, /, a): pass",
            "lambda /: 0", "def f(a, b/2): pass", "async def f(*a, /): pass"]:
    try:
        exec(src)
        print("accepted", src)
    except SyntaxError:
        print("SyntaxError", src)
""",
}
