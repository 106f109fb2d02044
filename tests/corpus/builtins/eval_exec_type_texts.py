# requires: COMPILER ERROR_MSG_DETAILED
# The TypeErrors of eval/exec/compile/__import__ for arguments of the wrong type, in CPython
# 3.11's words: exec's globals (naming the type), eval's (a "real dict" when locals are given),
# the locals of each, compile's mode that is no str, __import__'s name that is no str.

cases = [
    "exec('x', [], {})",
    "exec('x', 1)",
    "eval('x', [], {})",
    "eval('x', [])",
    "eval(b'x', 1)",
    "exec('x', {}, 1)",
    "eval('x', {}, 1)",
    "eval('x', None, 1)",
    "compile('x', 'f', 1)",
    "compile('x', 'f', 'bad')",
    "compile(1, 'f', 'exec')",
    "compile('x', 1, 'exec')",
    "exec(1)",
    "eval(None)",
    "__import__(1)",
    "__import__('')",
    "__import__('os', level=-1)",
]
for c in cases:
    try:
        eval(c)
        print(c, "no error")
    except (TypeError, ValueError) as e:
        print(c, type(e).__name__, e)
