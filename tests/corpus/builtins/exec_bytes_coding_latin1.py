# requires: COMPILER COMPILER_CODING_COOKIE STR_UNICODE ERROR_MSG_DETAILED BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW
# Bytes source with a PEP 263 coding comment (first line, or second after a comment or blank
# line; the spellings of latin-1, upper case, '_' for '-', a suffix) is decoded before it
# compiles; utf-8 and ascii declare what is there without one; a str source ignores it; a
# declaration after code, or without ':'/'=', is no declaration; an unknown name is a
# SyntaxError naming it.


def show(tag, f):
    try:
        print(tag, ascii(f()))
    except SyntaxError as e:
        print(tag, type(e).__name__, e.msg if e.msg.startswith("unknown") else "")
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: eval(b"# -*- coding: latin-1 -*-\n'\xe9\xff'"))
show(2, lambda: eval(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xe9'"))
show(3, lambda: eval(b"\n# coding: ISO_8859_1\n'\xe9'"))
show(4, lambda: eval(b"# coding=latin1\n'\xe9'"))
show(5, lambda: eval(b"#coding:l1\n'\xe9' * 2"))
show(6, lambda: eval(b"# coding: latin-1-unix\n'\xe9'"))
show(7, lambda: eval(b"# coding: utf-8\n'\xc3\xa9'"))
show(8, lambda: eval(b"# coding: utf8\n'\xc3\xa9'"))
show(9, lambda: eval(b"# coding: ascii\n'abc'"))
show(10, lambda: eval("# coding: latin-1\n'\xe9'"))
show(11, lambda: eval(b"# coding: no-such-codec\n1"))
show(12, lambda: eval(b"'\xe9'"))
show(13, lambda: eval(b"# coding latin-1\n'\xe9'"))
show(14, lambda: eval(b"1 +\\\n# coding: latin-1\n'\xe9'"))
g = {}
exec(b"# coding: latin-1\ns = '\xe0\xe9\xee'\nn = len(s)\nb = s.encode()\ndef f():\n    return '\xb5' + s\n", g)
show(15, lambda: (g["s"], g["n"], g["b"], g["f"]()))
show(16, lambda: eval(compile(bytearray(b"# coding: latin-1\n'\xb5'"), "f", "eval")))
show(17, lambda: eval(memoryview(b"# coding: latin-1\n'x\xe9y'[1:]")))
show(18, lambda: eval(b"# coding: latin-1\n# a comment \xe9\n'\xc3'"))
