# requires: MODULE_SYS
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code if hasattr(e, "code") else e.args[0])
print("still running")
sys.exit()
