# requires: COMPILER CLASS_DICT|CLASS_ADVANCED
# compile()'s filename may be an os.PathLike (its __fspath__(), a str or bytes), as CPython's.
class P:
    def __fspath__(self):
        return "pth.py"
class B:
    def __fspath__(self):
        return b"bytes.py"
class Bad:
    def __fspath__(self):
        return 5
for fn in (P(), B(), Bad(), 3, None):
    try:
        c = compile("1", fn, "exec")
        print(c.co_filename)
    except TypeError as e:
        print("TypeError", e)
try:
    compile("x = (", P(), "exec")
except SyntaxError as e:
    print(e.filename, e.lineno)
