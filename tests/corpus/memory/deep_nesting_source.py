# requires: COMPILER
# Source nested 100,000 deep given to eval(), exec() and compile(): unary operators, not,
# lambdas, conditional expressions, elif chains, brackets, attribute, call and subscript
# trailers (loaded and assigned), ** chains. The compiler's recursion ends in an error
# (CPython: RecursionError, MemoryError or SyntaxError, whichever its parser meets first)
# or the right answer, never a crash, whatever the C frames' size.
N = 100000
cases = (
    ("unary -", lambda: eval("-" * N + "1"), 1),
    ("unary ~", lambda: eval("~" * N + "1"), 1),
    ("not", lambda: eval("not " * N + "1"), True),
    ("if not", lambda: exec("if " + "not " * N + "x: pass", {"x": 1}), None),
    ("lambda", lambda: eval("lambda: " * N + "1") is None, False),
    ("ifexp", lambda: eval("1 if 0 else " * N + "2"), 2),
    ("elif", lambda: exec("if x: pass\n" + "elif x: pass\n" * N, {"x": 0}), None),
    ("parens", lambda: eval("(" * N + "1" + ")" * N), 1),
    ("lists", lambda: eval("[" * N + "]" * N) == [], False),
    ("dicts", lambda: eval("{1: " * N + "1" + "}" * N) == 1, False),
    ("tuple const", lambda: compile("(" * N + "1," + ")" * N, "s", "eval") is None, False),
    ("attrs", lambda: eval("x" + ".real" * N, {"x": 1}), 1),
    ("calls", lambda: eval("f" + "()" * N, {"f": None}), None),
    ("subscripts", lambda: eval("x" + "[0]" * N, {"x": 1}), 1),
    ("attr target", lambda: exec("x" + ".a" * N + " = 1", {"x": 1}), None),
    ("subscript target", lambda: exec("x" + "[0]" * N + " = 1", {"x": 1}), None),
    ("power", lambda: eval("1" + " ** 1" * N), 1),
)
for name, f, answer in cases:
    try:
        ok = f() == answer
    except (RecursionError, MemoryError, SyntaxError):
        ok = True
    except TypeError:  # (calling None, subscripting 1, ...: the code compiled)
        ok = True
    except AttributeError:
        ok = True
    print(name, ok)
