values = [0, 1, -1, "", "0", [], [0], {}, {"": 0}, None, (), ((),)]
for v in values:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
