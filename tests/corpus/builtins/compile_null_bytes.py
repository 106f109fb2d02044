# requires: COMPILER ERROR_MSG_DETAILED BUILTIN_BYTEARRAY
# A NUL byte anywhere in source given to eval/exec/compile (code, a str literal, a comment;
# str, bytes or bytearray) is a SyntaxError before anything compiles, as in CPython 3.11.4+;
# an escaped \0 in a literal is no NUL of the source.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except SyntaxError as e:
        print(tag, type(e).__name__, e)
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: eval("\0"))
show(2, lambda: eval("1\0"))
show(3, lambda: exec(b"x = 1\0"))
show(4, lambda: eval("'a\0b'"))
show(5, lambda: exec("# comment \0\nprint('not run')"))
show(6, lambda: compile(bytearray(b"1 +\0 1"), "f", "eval"))
show(7, lambda: compile("x = 1\n" * 3 + "\0", "f", "exec"))
show(8, lambda: eval("'a\\0b'"))
show(9, lambda: eval(b"len('\\x00')"))
