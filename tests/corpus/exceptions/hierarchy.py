pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (ArithmeticError, Exception),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (StopIteration, Exception), (GeneratorExit, BaseException), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (Exception, BaseException), (AssertionError, Exception),
    (AttributeError, Exception), (ImportError, Exception), (MemoryError, Exception), (OSError, Exception),
    (TypeError, Exception), (ValueError, Exception), (UnicodeError, ValueError), (EOFError, Exception),
    (GeneratorExit, Exception), (SystemExit, Exception), (KeyboardInterrupt, Exception),
    (StopAsyncIteration, Exception), (SyntaxError, Exception), (IndentationError, SyntaxError),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
