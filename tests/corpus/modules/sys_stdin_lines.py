# requires: MODULE_SYS MODULE_IO
# sys.stdin is its own iterator: a for loop gets the input a line at a time, each
# with its newline (the last line without one when the input lacks it), and stops
# at the end of input; the loop can be left early and picked up again.
import sys

it = iter(sys.stdin)
print(it is sys.stdin)
first = next(sys.stdin)
print("first:", repr(first))
count = 0
for line in sys.stdin:
    count += 1
    print(count, repr(line), line.endswith("\n"))
    if line.startswith("stop"):
        break
rest = [line.rstrip("\n").upper() for line in sys.stdin]
print("rest:", rest)
print("after the end:", list(sys.stdin), repr(sys.stdin.readline()))
