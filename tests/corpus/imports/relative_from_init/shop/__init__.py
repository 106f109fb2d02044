from .pricing import total
from .cart import Cart
