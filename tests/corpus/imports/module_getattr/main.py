# A module's __getattr__ (PEP 562) answers for the names it lacks: attribute access and
# from-imports; AttributeError from it is the usual error.
import lazy
from lazy import computed_x

print(lazy.present, lazy.missing_name, computed_x)
try:
    lazy.bad
except AttributeError as e:
    print("AttributeError", e)
try:
    from lazy import bad
except ImportError:
    print("ImportError")
print(hasattr(lazy, "other"), hasattr(lazy, "bad"))
