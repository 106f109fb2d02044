# requires: EXC_ATTRS ERROR_MSG_DETAILED
# The keyword arguments the builtin exceptions take (ImportError name/path, NameError name,
# AttributeError name/obj) and the TypeError of every other keyword, for the builtin types and
# for classes derived from them with and without an __init__ of their own.


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", repr(r))
    except TypeError as e:
        print(label, "TypeError", e)


for t in (BaseException, Exception, ValueError, KeyError, SystemExit, StopIteration, RuntimeError, ZeroDivisionError):
    attempt(t.__name__, lambda: t(1, x=2))
attempt("OSError", lambda: OSError(x=2))

e = ImportError("msg", name="mod", path="/p/mod.py")
print(e.args, e.name, e.path, str(e), repr(e))
e = ImportError("only")
print(e.args, e.name, e.path)
e = ModuleNotFoundError(name="m")
print(e.args, e.name, e.path, repr(str(e)))
attempt("ImportError foo", lambda: ImportError("m", foo=1))
attempt("ModuleNotFoundError foo", lambda: ModuleNotFoundError(foo=1))
e = NameError("n", name="x")
print(e.name, e.args)
attempt("NameError path", lambda: NameError(path="x"))
e = AttributeError("a", name="nm", obj=[1])
print(e.name, e.obj, e.args)
print(NameError().name, AttributeError().name, AttributeError().obj, ImportError().path)
e.name = "changed"
print(e.name)


class Plain(Exception):
    pass


class Mine(Exception):
    def __init__(self, a, extra=0):
        super().__init__(a)
        self.extra = extra


class ImpSub(ImportError):
    pass


attempt("Plain", lambda: Plain(1, k=2))
m = Mine(5, extra=6)
print(m.args, m.extra)
i = ImpSub("s", path="pp")
print(i.args, i.name, i.path)
attempt("ImpSub bad", lambda: ImpSub(bad=1))
