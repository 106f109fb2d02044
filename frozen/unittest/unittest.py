# unittest: the core of CPython's unittest for programs that test themselves: TestCase
# with the common assertions, skip decorators and main(), which runs every test_* method
# of the TestCase classes of __main__ (by name), reports on stderr as CPython does and
# exits with status 1 when a test failed.
import sys


class SkipTest(Exception):
    pass


class _Raises:
    # assertRaises as a context manager: the exception, once caught, is .exception
    def __init__(self, expected):
        self.expected = expected
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            name = getattr(self.expected, "__name__", str(self.expected))
            raise AssertionError(name + " not raised")
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        return True


class _SubTest:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False


class TestCase:
    def __init__(self, name="runTest"):
        self._name = name

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def subTest(self, msg=None, **params):
        return _SubTest()

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise AssertionError(msg if msg is not None else "fail")

    def _check(self, ok, default, msg):
        if not ok:
            raise AssertionError(default if msg is None else msg)

    def assertEqual(self, first, second, msg=None):
        self._check(first == second, f"{first!r} != {second!r}", msg)

    def assertNotEqual(self, first, second, msg=None):
        self._check(first != second, f"{first!r} == {second!r}", msg)

    def assertTrue(self, expr, msg=None):
        self._check(expr, f"{expr!r} is not true", msg)

    def assertFalse(self, expr, msg=None):
        self._check(not expr, f"{expr!r} is not false", msg)

    def assertIs(self, first, second, msg=None):
        self._check(first is second, f"{first!r} is not {second!r}", msg)

    def assertIsNot(self, first, second, msg=None):
        self._check(first is not second, f"unexpectedly identical: {first!r}", msg)

    def assertIsNone(self, obj, msg=None):
        self._check(obj is None, f"{obj!r} is not None", msg)

    def assertIsNotNone(self, obj, msg=None):
        self._check(obj is not None, "unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        self._check(member in container, f"{member!r} not found in {container!r}", msg)

    def assertNotIn(self, member, container, msg=None):
        self._check(member not in container, f"{member!r} unexpectedly found in {container!r}", msg)

    def assertIsInstance(self, obj, cls, msg=None):
        self._check(isinstance(obj, cls), f"{obj!r} is not an instance of {cls!r}", msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        self._check(not isinstance(obj, cls), f"{obj!r} is an instance of {cls!r}", msg)

    def assertLess(self, a, b, msg=None):
        self._check(a < b, f"{a!r} not less than {b!r}", msg)

    def assertLessEqual(self, a, b, msg=None):
        self._check(a <= b, f"{a!r} not less than or equal to {b!r}", msg)

    def assertGreater(self, a, b, msg=None):
        self._check(a > b, f"{a!r} not greater than {b!r}", msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self._check(a >= b, f"{a!r} not greater than or equal to {b!r}", msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            self._check(diff <= delta, f"{first!r} != {second!r} within {delta!r} delta", msg)
        else:
            places = 7 if places is None else places
            self._check(
                round(diff, places) == 0, f"{first!r} != {second!r} within {places!r} places", msg
            )

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            ok = diff > delta
        else:
            ok = round(diff, 7 if places is None else places) != 0
        self._check(ok, f"{first!r} == {second!r}", msg)

    def assertRaises(self, expected, *args, **kwargs):
        ctx = _Raises(expected)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)
        return None


class _Skipped:
    # what @skip leaves in the class: the test is reported as skipped without setUp
    def __init__(self, reason):
        self.reason = reason

    def __call__(self, *args, **kwargs):
        raise SkipTest(self.reason)


def skip(reason):
    def decorate(f):
        return _Skipped(reason)

    return decorate


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda f: f)


def skipUnless(condition, reason):
    return skipIf(not condition, reason)


class _ExpectedFailure(Exception):
    pass


def expectedFailure(f):
    def run(*args, **kwargs):
        try:
            f(*args, **kwargs)
        except Exception:
            raise _ExpectedFailure() from None
        raise _UnexpectedSuccess()

    return run


class _UnexpectedSuccess(Exception):
    pass


class TestResult:
    def __init__(self):
        self.testsRun = 0
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []

    def wasSuccessful(self):
        return not self.failures and not self.errors and not self.unexpectedSuccesses


def _run_class(cls, result, out):
    names = sorted(n for n in dir(cls) if n.startswith("test") and callable(getattr(cls, n)))
    if not names:
        return
    try:
        cls.setUpClass()
    except Exception as e:
        result.errors.append((cls.__name__ + ".setUpClass", e))
        out.write("E")
        return
    for name in names:
        test = cls(name)
        label = name + " (" + cls.__name__ + ")"
        result.testsRun += 1
        mark = "."
        try:
            method = getattr(cls, name)
            if isinstance(method, _Skipped):
                raise SkipTest(method.reason)
            test.setUp()
            try:
                getattr(test, name)()
            finally:
                test.tearDown()
        except SkipTest as e:
            result.skipped.append((label, str(e)))
            mark = "s"
        except _ExpectedFailure as e:
            result.expectedFailures.append((label, e))
            mark = "x"
        except _UnexpectedSuccess:
            result.unexpectedSuccesses.append(label)
            mark = "u"
        except AssertionError as e:
            result.failures.append((label, e))
            mark = "F"
        except Exception as e:
            result.errors.append((label, e))
            mark = "E"
        out.write(mark)
    cls.tearDownClass()


def main(module="__main__", exit=True):
    mod = sys.modules[module] if isinstance(module, str) else module
    out = sys.stderr
    result = TestResult()
    for name in sorted(dir(mod)):
        obj = getattr(mod, name)
        if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase:
            _run_class(obj, result, out)
    out.write("\n")
    for kind, items in (("FAIL", result.failures), ("ERROR", result.errors)):
        for label, e in items:
            out.write("=" * 70 + "\n" + kind + ": " + label + "\n" + "-" * 70 + "\n")
            out.write(type(e).__name__ + ": " + str(e) + "\n\n")
    plural = "" if result.testsRun == 1 else "s"
    out.write("-" * 70 + f"\nRan {result.testsRun} test{plural}\n\n")
    notes = []
    if result.failures:
        notes.append(f"failures={len(result.failures)}")
    if result.errors:
        notes.append(f"errors={len(result.errors)}")
    if result.skipped:
        notes.append(f"skipped={len(result.skipped)}")
    if result.expectedFailures:
        notes.append(f"expected failures={len(result.expectedFailures)}")
    if result.unexpectedSuccesses:
        notes.append(f"unexpected successes={len(result.unexpectedSuccesses)}")
    status = "OK" if result.wasSuccessful() else "FAILED"
    out.write(status + (" (" + ", ".join(notes) + ")" if notes else "") + "\n")
    if exit:
        sys.exit(not result.wasSuccessful())
    return TestProgram(result)


class TestProgram:
    # what main(exit=False) returns, as CPython's: the run's outcome is .result
    def __init__(self, result):
        self.result = result
