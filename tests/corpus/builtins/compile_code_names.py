# requires: COMPILER COMPILER_INTROSPECTION
# co_names and co_flags of code compile() made: a module's code uses its stored, loaded,
# deleted and imported names (each once, in order), its functions' names stay in their code;
# a module's co_flags has none of a function's bits. co_nlocals, co_freevars.
code = compile("import sys\nx = len(y)\nx.attr = z\ndel y\n\ndef f():\n    return w\n", "m", "exec")
print(code.co_names)
print(code.co_flags & 0x2F)
print(compile("a.b.c + d", "e", "eval").co_names)
print(compile("lambda q: q + r", "e", "eval").co_names)
g = {}
exec("def h(*a, **k):\n    yield helper(a)\n", g)
c = g["h"].__code__
print(c.co_names, c.co_flags & 4, c.co_flags & 8, c.co_flags & 0x20, c.co_nlocals)
print(compile("pass", "m", "exec").co_names)
print(compile("def k(a, *b):\n    c = 1\n    def m():\n        return c\n    return m\n", "m", "exec").co_nlocals)
exec("def k(a, *b):\n    c = 1\n    def m():\n        return a\n    return m\n", g)
print(g["k"].__code__.co_nlocals, g["k"](1).__code__.co_nlocals, g["k"].__code__.co_varnames)
# co_freevars: the names of the cells a closure compiled here gets (mpy-cross's .mpy names
# them '*'); co_cellvars: the locals inner functions close over (in co_varnames and
# co_nlocals only when parameters)
exec("def make(a, d):\n    b = 2\n    e = 3\n    def inner(c):\n        return a + b + c\n    return inner\n", g)
for co in (g["make"].__code__, g["make"](1, 2).__code__):
    print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals, co.co_argcount)
