# requires: COMPILER STR_UNICODE COMPILER_ERROR_DETAIL
# A SyntaxError raised by exec/eval/compile of source carries the offending line as its text
# with the line's newline (one added to a last line that has none), as CPython's; a str whose
# first character is U+FEFF is a SyntaxError (only bytes may start with a UTF-8 byte order
# mark, which is skipped).


def report(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.lineno, e.offset, repr(e.text))


report("a b")
report("a b\n")
report("x = 1\ny = 2 3\nz = 4\n")
report("if x:\npass")
report("\r\nfoo bar\r\n")

try:
    exec("\ufeffx = 1")
    print("accepted")
except SyntaxError as e:
    print(type(e).__name__)
ns = {}
exec(b"\xef\xbb\xbfx = 1", ns)
print(ns["x"])
print(eval(b"\xef\xbb\xbf1 + 2"))
print(eval(compile(b"\xef\xbb\xbf3 * 4", "<test>", "eval")))
