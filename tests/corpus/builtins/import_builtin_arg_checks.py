# requires: MODULE_SYS BUILTIN_HELPERS ERROR_MSG_NORMAL|ERROR_MSG_DETAILED
# __import__'s argument checks: the name must be a str and not empty (unless relative), the
# level not negative; then imports through it by keyword and position.
import sys


def show(tag, f):
    try:
        r = f()
        print(tag, getattr(r, "__name__", r))
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: __import__(1))
show(2, lambda: __import__(""))
show(3, lambda: __import__("sys", None, None, None, -1))
show(4, lambda: __import__("", None, None, None, -5))
show(5, lambda: __import__("sys"))
show(6, lambda: __import__("sys", globals(), None, ["path"], 0))
show(8, lambda: __import__("no_such_module_here"))
show(9, lambda: __import__("sys", None, None, (), 0) is sys)
