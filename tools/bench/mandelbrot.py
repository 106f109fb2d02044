# requires: FLOAT
# Float-heavy: iterations of z = z*z + c over a small grid.
def mandel(width, height, max_iter):
    rows = []
    for y in range(height):
        ci = y * 2.0 / height - 1.0
        row = []
        for x in range(width):
            cr = x * 3.0 / width - 2.0
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            row.append(i)
        rows.append(sum(row))
    return rows


print(sum(mandel(48, 24, 64)))
