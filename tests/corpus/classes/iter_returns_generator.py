# requires: GENERATORS
class Deck:
    def __init__(self):
        self.cards = [r + s for s in "HS" for r in "AK"]
    def __iter__(self):
        for c in self.cards:
            yield c
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
d = Deck()
print(list(d), len(d), d[0], d[-1], "KS" in d, list(zip(d, range(2))))
