# requires: MODULE_SYS
# sys.implementation.name is our own (programs testing for 'micropython' would take that
# interpreter's departures from CPython); sys.version holds the language level, then our name.
import sys

print(sys.implementation.name)
print(sys.implementation)
print(sys.version.startswith(str(sys.version_info[0]) + "." + str(sys.version_info[1]) + "."), "mpforge" in sys.version)
print(type(sys.implementation.version), len(sys.implementation.version))
