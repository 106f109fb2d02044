# requires: COMPILER
# `from m import *` is a SyntaxError inside a function or a class body (at any depth), found
# when compiling, before anything runs; at module level (also in exec) it imports.


def show(tag, src):
    try:
        exec(src, {})
        print(tag, "ran")
    except SyntaxError as e:
        print(tag, type(e).__name__, e.lineno)
    except Exception as e:
        print(tag, type(e).__name__)


show(1, "def foo():\n    from sys import *\n")
show(2, "class C:\n    from sys import *\n")
show(3, "print('before')\ndef f():\n    def g():\n        from sys import *\n")
show(4, "from sys import *\nprint('module level', 'path' in dir())\n")
show(5, "lambda: 1\nif True:\n    from sys import *\n")
show(6, "class C:\n    def m(self):\n        pass\n    from x import *\n")
show(7, "async def f():\n    from sys import *\n")
show(8, "from no_such_module_here import *\n")
