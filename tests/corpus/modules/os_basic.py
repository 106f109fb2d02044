# requires: MODULE_OS PORT_HAS_FILESYSTEM
import os

print(os.sep, len(os.uname()), type(os.uname().sysname).__name__)
st = os.stat('.')
print(len(st), st[0] & 0o170000 == 0o040000)
try:
    os.stat('no/such/file')
except OSError as e:
    print(type(e).__name__, e.args[0])
