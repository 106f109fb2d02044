data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}]}
for u in data["users"]:
    print(u["name"], len(u["tags"]), u)
data["users"][1]["tags"].append("new")
print(data)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix])
print(list(zip(*matrix)))
