import shop
print(shop.total([3, 4]), shop.Cart().add(2).add(5).items)
from shop.pricing import tax
print(tax(100))
