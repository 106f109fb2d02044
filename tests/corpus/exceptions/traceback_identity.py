# requires: EXC_ATTRS MODULE_SYS
# e.__traceback__ is the same object at each read while the exception stays where it is
# (and sys.exc_info()[2] is it), as in CPython; tb_next too; a frame the exception passes
# since gives a new one whose chain still has the old lines; with_traceback(tb) and a
# store give back the object given; None when there is none.
import sys


def inner():
    raise ValueError("v")


def outer():
    inner()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print("same at each read", tb is e.__traceback__, sys.exc_info()[2] is tb)
    print("tb_next same", tb.tb_next is tb.tb_next, tb.tb_next.tb_next is tb.tb_next.tb_next)
    lines = []
    t = tb
    while t is not None:
        lines.append(t.tb_lineno)
        t = t.tb_next
    print("lines", lines)
    first = e


def reraise_through():
    try:
        outer()
    except ValueError as e:
        kept = e.__traceback__
        print("kept is current", kept is e.__traceback__)
        raise


try:
    reraise_through()
except ValueError as e:
    tb = e.__traceback__
    print("same again", tb is e.__traceback__)
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("frames", n)

other = KeyError("k")
print("no traceback", other.__traceback__)
print("with_traceback gives it back", other.with_traceback(first.__traceback__).__traceback__ is first.__traceback__)
other.__traceback__ = None
print("cleared", other.__traceback__)
other.__traceback__ = first.__traceback__.tb_next
print("stored", other.__traceback__ is first.__traceback__.tb_next, other.__traceback__.tb_lineno == lines[1])
