public_a = "A"
def public_b():
    return "B"
class PublicClass:
    name = "PC"
_private = "secret"
