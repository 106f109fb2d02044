# from-import of a package's submodule: one that is not there is an ImportError naming
# the name; one that is there but fails its own import raises that error unchanged.
try:
    from pkg import absent
except ImportError as e:
    print("absent:", type(e).__name__)
try:
    from pkg import broken
except ImportError as e:
    print("broken:", type(e).__name__)
from pkg import fine
print(fine.VALUE)
