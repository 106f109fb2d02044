# requires: FROZEN_PKG_UNITTEST FLOAT GENERATORS
# unittest: test discovery in __main__ (sorted by name), setUp/tearDown, the assertions,
# assertRaises as call and context manager, skips, expected failures, and main(exit=False).
import unittest

log = []


class Basics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')

    def setUp(self):
        self.value = 41

    def tearDown(self):
        log.append('tearDown')

    def test_a_assertions(self):
        self.assertEqual(self.value + 1, 42)
        self.assertNotEqual(1, 2)
        self.assertTrue([0])
        self.assertFalse('')
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, (1, 2))
        self.assertNotIn(3, (1, 2))
        self.assertIsInstance(True, int)
        self.assertLess(1, 2)
        self.assertGreaterEqual(2, 2)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        print('assertions passed')

    def test_b_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            print(1 // 0)
        print(type(cm.exception).__name__)
        self.assertRaises(KeyError, {}.__getitem__, 'missing')
        try:
            with self.assertRaises(ValueError):
                pass
        except AssertionError:
            print('AssertionError: not raised')
        try:
            self.assertEqual(1, 2)
        except AssertionError as e:
            print('AssertionError:', e)

    def test_c_fails(self):
        self.assertEqual(1, 2)

    def test_d_errors(self):
        raise OSError('boom')

    @unittest.skip('not now')
    def test_e_skipped(self):
        print('never printed')

    @unittest.skipIf(True, 'condition holds')
    def test_f_skipped_if(self):
        print('never printed')

    @unittest.skipUnless(True, 'condition holds')
    def test_g_not_skipped(self):
        log.append('g ran')

    @unittest.expectedFailure
    def test_h_expected_failure(self):
        self.assertEqual(0, 1)

    def test_i_skip_test(self):
        self.skipTest('skipped from inside')

    def helper(self):
        print('not a test')


class Empty(unittest.TestCase):
    pass


program = unittest.main(exit=False)
r = program.result
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures), r.wasSuccessful())
print(log.count('tearDown'), log[0], 'g ran' in log, sorted(reason for _, reason in r.skipped))
