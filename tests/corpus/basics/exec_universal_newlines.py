# requires: COMPILER
# Source text given to exec/eval/compile may end its lines with "\n", "\r\n" or a lone
# "\r": all three end a line, including after a backslash continuation.
for nl in ("\n", "\r\n", "\r"):
    src = "x = 1" + nl + "if x:" + nl + "    y = 'a' \\" + nl + "        'b'" + nl + "print(repr(y), x)" + nl
    exec(src)
    print(eval("(1 +" + nl + " 2)"))
    print(eval("'p' \\" + nl + "'q'"))
    code = compile("z = 3" + nl + "w = z * 2" + nl, "<nl>", "exec")
    ns = {}
    exec(code, ns)
    print(ns["w"])
exec("\r\rprint('blank lines')\r")
try:
    exec("a = (\r1 +\r)")
except SyntaxError:
    print("SyntaxError")
s = "'''one\r\ntwo\rthree'''"
print(repr(eval(s)))
