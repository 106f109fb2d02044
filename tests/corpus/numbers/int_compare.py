print(1 < 2, 2 <= 2, 3 > 4, 5 >= 5, 6 == 6, 7 != 7)
print(-5 < -4 < 0 < 4, max(-1, -2), min(0, -0))
print(sorted([5, -3, 0, 12, -100, 7]))
print(0 == False, 1 == True, True + 1 == 2)
