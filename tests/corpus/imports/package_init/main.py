import pkg
print(pkg.INIT_VALUE, pkg.__name__)
import pkg.sub
print(pkg.sub.NAME, pkg.sub.helper())
from pkg import sub as s
print(s is pkg.sub)
from pkg.sub import helper
print(helper())
