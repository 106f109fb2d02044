def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
m = [[1, 2], [3, 4], [5, 6]]
print(find(m, 4), find(m, 9))
def first_even(it):
    while True:
        for v in it:
            if v % 2 == 0:
                return v
        return "none"
print(first_even([1, 3, 6, 8]), first_even([1]))
