import helper
print(helper.VALUE, helper.double(21), helper.__name__)
helper.VALUE = 99
import helper as h2
print(h2.VALUE, h2 is helper)
