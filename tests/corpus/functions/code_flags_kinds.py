# requires: COMPILER GENERATORS ASYNC COMPILER_INTROSPECTION
# co_flags as CPython 3.11 sets them: CO_NESTED (0x10) for code inside a function, lambda or
# comprehension (a method of a top-level class is not nested), CO_GENERATOR (0x20),
# CO_COROUTINE (0x80) for an async def, CO_ASYNC_GENERATOR (0x200) for one that yields
# (compiled here by exec: an .mpy does not tell an async def from a generator), and the
# checks inspect-style code makes of them.

CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR = 0x10, 0x20, 0x80, 0x200


def f():
    def g():
        pass

    class C:
        def m(self):
            pass

    return g, C, lambda: 0, [lambda: 0 for _ in "a"][0]


g, C, lam, in_comp = f()


class D:
    def m(self):
        pass

    class E:
        def n(self):
            pass


for fn in (f, g, C.m, lam, in_comp, D.m, D.E.n):
    print(fn.__name__, fn.__code__.co_flags, bool(fn.__code__.co_flags & CO_NESTED))

ns = {}
exec(
    "async def co():\n    pass\n"
    "async def aw(x):\n    await x\n"
    "async def agen():\n    yield 1\n"
    "def gen():\n    yield 1\n"
    "def outer():\n    async def inner():\n        pass\n    return inner\n",
    ns,
)
for name in ("co", "aw", "agen", "gen"):
    flags = ns[name].__code__.co_flags
    print(name, flags, bool(flags & CO_COROUTINE), bool(flags & CO_ASYNC_GENERATOR), bool(flags & CO_GENERATOR))
print(ns["outer"]().__code__.co_flags)
print(compile("x", "s", "eval").co_flags, compile("x = 1", "s", "exec").co_flags)
