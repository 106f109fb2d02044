# Digits of pi from a streaming spigot over big-int fractions (q, r, t):
# each step either emits a digit (when the floor of the bound is settled) or
# folds in the next term of the series. Exercises big-int *, //, % and str().
def pi_digits(count):
    q, r, t, k, n, m = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, m = (
                q * k,
                (2 * q + r) * m,
                t * m,
                k + 1,
                (q * (7 * k + 2) + r * m) // (t * m),
                m + 2,
            )
    return out, q, r, t


digits, q, r, t = pi_digits(300)
for i in range(0, len(digits), 50):
    print("".join(str(d) for d in digits[i : i + 50]))
# the state's size and a checksum of its decimal form and of a few remainders
print(len(str(t)), sum(int(c) for c in str(q)) % 1000, r % 1000003, t % 999983)
print(divmod(-r, 12345678901234567890123)[1] % 1000, str(t)[-20:], int(str(r)) == r)
