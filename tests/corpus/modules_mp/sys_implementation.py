# requires: MODULE_SYS
# sys.implementation.name is 'micropython' (the .mpy libraries we run test it to pick their
# code paths); our own name is in sys.version, after the language level of version_info.
import sys

print(sys.implementation.name)
print(sys.implementation)
print(sys.version.startswith(str(sys.version_info[0]) + "." + str(sys.version_info[1]) + "."), "mpforge" in sys.version)
print(type(sys.implementation.version), len(sys.implementation.version))
