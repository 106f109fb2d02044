UNIT = "cm"
class Square:
    def __init__(self, side):
        self.side = side
def area(sq):
    return sq.side * sq.side
def perimeter(sq):
    return 4 * sq.side
