# requires: STR_UNICODE MODULE_SYS
# Text-mode read(n) counts characters, not bytes.
import sys

print(repr(sys.stdin.read(2)), repr(sys.stdin.read(3)), repr(sys.stdin.readline()), repr(sys.stdin.read(1)))
