import state
state.increment()
state.increment()
print(state.count, state.get())
from state import count
print(count)
state.count = 100
print(state.get(), count)
