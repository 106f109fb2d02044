# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE STR_FORMAT
z = 1.5 + 2.25j
for s in ['.2f', '10.3f', '<20.1e', '+.2f', 'g', '.3', '>12', '.3g', 'e', 'F', '%', '^16.2f', '*>14.1f', 'n']:
    try:
        print(repr(s), repr(format(z, s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for z in [2j, -2j, complex(0.0, -0.0), complex(-0.0, 1), 1e20 + 1j, complex(float('inf'), float('nan'))]:
    print(repr(format(z, '.3')), repr(format(z, '.2f')), repr(format(z, '')), repr(format(z, '10')))
print(repr(format(1 + 2j, ',.2f')), repr(format(12345.678 + 1j, ',.1f')))
print('{:.1f}|{:>10}|{!r:>12}'.format(3 - 4j, 1j, 1 + 1j), f'{2.5+0.5j:.2e}')
for s in ['=10', '010.2f']:
    try:
        format(1 + 2j, s)
    except ValueError as e:
        print('ValueError', e)
