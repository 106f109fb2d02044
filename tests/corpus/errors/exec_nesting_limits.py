# requires: COMPILER COMPILER_ERROR_DETAIL
# Source nested too deeply for the compiler: brackets nest 200 deep at most (the 201st is
# SyntaxError "too many nested parentheses", as CPython's tokenizer), blocks 99 levels below
# the module (then IndentationError); long flat sources compile.


def attempt(label, src, mode="eval"):
    try:
        compile(src, "<nest>", mode)
        print(label, "ok")
    except SyntaxError as e:
        print(label, type(e).__name__, e.msg, e.lineno)


for n in (1, 199, 200, 201, 500):
    attempt(("paren", n), "(" * n + "1" + ")" * n)
    attempt(("list", n), "[" * n + "]" * n)
    attempt(("dict", n), "{1: " * n + "2" + "}" * n)
    attempt(("call", n), "f(" * n + ")" * n)
    attempt(("mixed", n), "([{" * (n // 3) + "(" * (n % 3) + ")" * (n % 3) + "}])" * (n // 3))
# the count is of brackets open at once, not of all brackets
attempt("siblings", "[" + "(1), " * 1000 + "]")
attempt("sequence", "x = 1\n" + "y = ((((1))))\n" * 300, "exec")
# a later line, with statements before it
attempt("late", "a = 1\nb = 2\nc = " + "[" * 201 + "]" * 201 + "\n", "exec")
for n in (98, 99, 100, 101):
    src = "".join([" " * i + "if 1:\n" for i in range(n)]) + " " * n + "x = 1\n"
    attempt(("blocks", n), src, "exec")
attempt("long", "x = " + " + ".join(["1"] * 500) + "\n", "exec")
attempt("many lines", "a = 1\n" * 20000, "exec")
g = {}
exec("x = " + "(" * 200 + "7" + ")" * 200, g)
print(g["x"])
