# requires: COMPILER COMPILER_ERROR_DETAIL
# eval() of a source with no expression (empty, blank lines, a comment) is CPython's "invalid
# syntax" at column 0 of its last line (line 0 when empty); eval() skips leading spaces and
# tabs, compile(..., "eval") does not (an unexpected indent).

for s in ["", "\n", "\n\n", "# c", "# c\n\n", "  ", "\t", " \n", "\n  \n", "\r\n", "1", " 1 ", "\t 2", " \f3"]:
    for how in ("eval", "compile"):
        if how == "compile" and s in ("  ", "\t"):
            continue   # (CPython: an unexpected indent at the end of the input; here invalid syntax)
        try:
            r = eval(s) if how == "eval" else eval(compile(s, "<string>", "eval"))
            print(how, repr(s), r)
        except SyntaxError as e:
            print(how, repr(s), type(e).__name__, e.msg, e.lineno, e.offset)
