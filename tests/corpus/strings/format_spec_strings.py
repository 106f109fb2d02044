# requires: STR_FORMAT
for spec in ["", "10", "<10", ">10", "^10", "-^10", ".2", "10.3", "^9.1"]:
    print(repr(format("python", spec)))
print(format(123, ""), format(123, "6"), format(-123, "<6"), format(123, "^7"), format(123, "=+8"))
print(format("x", "s"), format(255, "x"), format(10, "#o"))
