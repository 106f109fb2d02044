import outer.inner.deep as d
print(d.WHERE)
import outer
print(outer.inner.deep.WHERE, outer.inner.LEVEL, outer.LEVEL)
from outer.inner import deep
print(deep is d)
