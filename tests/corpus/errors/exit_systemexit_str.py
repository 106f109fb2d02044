# requires: MODULE_SYS
import sys
print("exit with message")
sys.exit("fatal: message goes to stderr")
