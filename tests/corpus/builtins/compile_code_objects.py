# requires: COMPILER
# Code objects from compile(): the attributes tests read, running one several times in
# several namespaces, modes, keyword arguments.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


c = compile("result = value * 2", "my_file.py", "exec")
print(c.co_filename, c.co_name, c.co_firstlineno, c.co_argcount)
print(type(c).__name__)
print(repr(c).startswith("<code object <module> at "), repr(c).endswith('file "my_file.py", line 1>'))
for v in (1, 2):
    d = {"value": v}
    exec(c, d)
    print(d["result"])
e = compile("value + 1", "<expr>", "eval")
print(eval(e, {"value": 41}), e.co_filename)
show(1, lambda: eval(compile("x = 1", "f", "exec")))
show(2, lambda: exec(compile("1 + 1", "f", "eval")))
show(3, lambda: compile(source="2", filename="f", mode="eval", flags=0, dont_inherit=True, optimize=-1).co_name)
show(4, lambda: compile("1", "f", "exec", 0, False, 0).co_filename)
show(5, lambda: compile(b"b = 1", b"bytes_name", "exec").co_filename)
show(6, lambda: compile("1", "f", "bogus"))
show(7, lambda: compile("1", 5, "exec"))
show(8, lambda: compile("1", "f", 5))
show(9, lambda: compile(5, "f", "exec"))
show(10, lambda: compile("1", "f"))
show(11, lambda: compile(c, "f", "exec") is c)
show(12, lambda: c.co_filename.upper())
show(13, lambda: exec(compile("print('single')", "s", "single")))
show(15, lambda: compile("if 1:\n  a = 1\n", "s", "single") is not None)
show(16, lambda: exec(compile("assert 0", "f", "exec", optimize=1)))
show(17, lambda: exec(compile("assert 0", "f", "exec", optimize=0)))
show(18, lambda: eval(compile("__debug__", "f", "eval", 0, False, 1)))
show(19, lambda: eval(compile("__debug__", "f", "eval", 0, False, 0)))
show(20, lambda: compile("1", "f", "eval", optimize=7))
