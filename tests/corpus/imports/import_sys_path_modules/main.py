# requires: MODULE_SYS
import sys
import leaf
print("leaf" in sys.modules, sys.modules["leaf"] is leaf)
del sys.modules["leaf"]
import leaf as again
print(again is leaf)
