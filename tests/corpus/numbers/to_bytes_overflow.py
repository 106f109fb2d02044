for value, length, signed in [(255, 1, False), (256, 1, False), (-1, 1, False), (127, 1, True),
                              (128, 1, True), (-128, 1, True), (-129, 1, True), (0, 0, False),
                              (1, 0, False), (65535, 2, False), (65536, 2, False), (-32768, 2, True),
                              (2**29, 4, True), (-(2**29), 8, True), (2**29, 3, False)]:
    try:
        print(value.to_bytes(length, "big", signed=signed), value.to_bytes(length, "little", signed=signed))
    except OverflowError:
        print("OverflowError", value, length, signed)
