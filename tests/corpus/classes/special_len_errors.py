class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError:
    print("ValueError")
class NoLen:
    pass
try:
    len(NoLen())
except TypeError:
    print("TypeError")
try:
    NoLen()[0]
except TypeError:
    print("TypeError subscript")
try:
    NoLen()()
except TypeError:
    print("TypeError call")
try:
    iter(NoLen())
except TypeError:
    print("TypeError iter")
