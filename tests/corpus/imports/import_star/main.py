from things import *
print(public_a, public_b(), PublicClass().name)
try:
    _private
except NameError:
    print("private not imported")
from limited import *
print(exported)
try:
    hidden
except NameError:
    print("hidden not in __all__")
