# requires: COMPILER COMPILER_ERROR_DETAIL
# The symbol-table SyntaxErrors name their identifier as CPython 3.11's texts do ("duplicate
# argument 'x' ...", "name 'x' is ...", "no binding for nonlocal 'y' found").
for src in ["def f(x, x): pass", "lambda a, b, a: 0", "def f(x):\n  global x", "def f():\n  x = 1\n  global x",
            "def f():\n  print(x)\n  global x", "def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x",
            "def f():\n  def g():\n    nonlocal y", "class C:\n  nonlocal z", "def f():\n  class C:\n    nonlocal w",
            "def f(x):\n  def g():\n    x = 1\n    nonlocal x", "def f():\n  print(v)\n  nonlocal v", "nonlocal q",
            "def f(longer_name, *, longer_name): pass"]:
    try:
        compile(src, "f", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg)
