# requires: MODULE_OS PORT_HAS_FILESYSTEM BUILTIN_SET GENERATORS
# os.getenv (a variable that is not set: None or the default; a key that is not a str:
# TypeError) and os.urandom (bytes of the length asked; a negative one: ValueError).
import os

print(os.getenv("MPFORGE_SURELY_UNSET_VARIABLE"), os.getenv("MPFORGE_SURELY_UNSET_VARIABLE", "dflt"))
print(isinstance(os.getenv("PATH", ""), str))
b = os.urandom(32)
print(type(b).__name__, len(b), os.urandom(0))
print(len(set(os.urandom(8) for _ in range(4))))
for bad in (lambda: os.urandom(-1), lambda: os.getenv(1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
