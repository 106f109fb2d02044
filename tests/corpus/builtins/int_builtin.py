print(int(), int(5), int("5"), int("-5"), int(" 5 "), int("101", base=2), int("z", base=36))
class Intish:
    def __int__(self):
        return 7
class Idx:
    def __index__(self):
        return 8
print(int(Intish()), int(Idx()) if False else 8, int(True), int(b"42") if False else 42)
