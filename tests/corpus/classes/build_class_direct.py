# requires: ERROR_MSG_DETAILED
# __build_class__ is a builtin any program can call, with anything: a body that is not
# a function or a name that is not a str is a TypeError (the VM once read them as a
# bytecode function and an interned name), and a name made at run time names the class.
for args in ((5, "A"), (print, "A"), (lambda: None, 5), (lambda: None, None)):
    try:
        __build_class__(*args)
    except TypeError as e:
        print("TypeError", e)
print(__build_class__(lambda: None, "A" + str(1)).__name__)
print(__build_class__(lambda: None, "B", int)(7) + 1)
