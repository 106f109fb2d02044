import a
print(a.from_a(), a.b.from_b())
