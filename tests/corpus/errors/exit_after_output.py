for i in range(3):
    print("line", i)
raise SystemExit(4)
