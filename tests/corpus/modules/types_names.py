# requires: MODULE_TYPES GENERATORS
import types


def f():
    pass


def g():
    yield 1


class C:
    def m(self):
        pass


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(g(), types.GeneratorType), isinstance(types, types.ModuleType))
print(type(None) is types.NoneType, isinstance(f, types.MethodType))
