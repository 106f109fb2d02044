# requires: MODULE_SYS
import sys
print(len(sys.argv), type(sys.argv).__name__, sys.argv[0].split(".")[0])
print(__name__)
