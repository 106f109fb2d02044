# requires: STR_FORMAT
data = {"a": 1, "b": 2}
print("{a}+{b}".format(**data), "{0}{1}".format(*"xy"), "{}-{}".format(*range(2)))
template = "{greet}, {who}!"
for who in ("you", "them"):
    print(template.format(greet="hi", who=who))
print("{:>{w}}".format("r", w=4), "{0:{fmt}}".format(3, fmt="03"))
