try:
    [][0]
except IndexError as e:
    raise ValueError("converted") from e
