import lib
print(hasattr(lib, "extra"))
import lib.extra
print(hasattr(lib, "extra"), lib.extra.VALUE)
from lib import core
print(core.VALUE, lib.core is core)
