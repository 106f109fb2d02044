# requires: FROZEN_PKG_UNITTEST
# unittest.main() ends the program: status 0 when every test passed, 1 when one failed
# (its report goes to stderr; stdout has only what the tests print).
import unittest


class Checks(unittest.TestCase):
    def test_passes(self):
        print('passes ran')

    def test_fails(self):
        print('fails ran')
        self.assertTrue(0, 'zero is false')


unittest.main()
print('not reached')
