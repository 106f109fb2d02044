import counter
import counter
from counter import loads
import other
print("loads", counter.loads, loads)
