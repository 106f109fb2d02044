# requires: BUILTIN_HELPERS
from tools import *
print(sorted([n for n in dir() if not n.startswith("_")]))
print(hammer(), saw())
