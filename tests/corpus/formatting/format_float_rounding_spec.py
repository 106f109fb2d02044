# requires: STR_FORMAT FLOAT FLOAT_DOUBLE
for v in (0.125, 0.375, 1.005, 2.675, 1e-7, 123456.789, -0.0001):
    print(f"{v:.2f} {v:.3e} {v:.4g} {v:10.1f}| {v:<12.5}| {v!r}")
