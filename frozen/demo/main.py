# The demo application frozen into the default boards: proves that frozen
# code runs from flash and prints what the board is.
import sys

print("mpforge: frozen main.py running on", sys.platform)
total = 0
for i in range(1, 11):
    total += i * i
print("sum of squares 1..10 =", total)
