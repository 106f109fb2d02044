# requires: COMPILER MODULE_SYS GENERATORS
# type(sys)(name[, doc]) makes an empty module: exec code into its __dict__, put it in
# sys.modules and import it.
import sys
M = type(sys)
m = M("made")
print(m.__name__, m.__doc__, repr(m))
exec("def hello():\n    return 'hi from ' + __name__\nvalue = 5", m.__dict__)
print(m.hello(), m.value)
sys.modules["made"] = m
import made
print(made is m, made.hello())
from made import value
print(value)
m2 = M("doc_mod", "the doc")
print(m2.__doc__)
m2.x = 1
print(m2.x, sorted(k for k in m2.__dict__ if not k.startswith("__")))
for bad in [(), (1,), ("a", "b", "c")]:
    try:
        M(*bad)
    except TypeError:
        print("TypeError")
print(type(m).__name__, isinstance(m, M))
