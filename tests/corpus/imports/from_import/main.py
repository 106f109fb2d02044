from shapes import Square, area as compute_area, UNIT
from shapes import perimeter
s = Square(3)
print(compute_area(s), perimeter(s), UNIT, type(s).__name__)
