#!/usr/bin/env python3
"""Unit tests of ecosystem.py's pure parts, on small in-memory data (no jar, no git).

Run: python3 tools/ecosystem/test_ecosystem.py (PythonToolsTest runs it in ./run test).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecosystem as eco  # noqa: E402


def f(path, line, rule, fingerprint=None, message="msg"):
    """A finding as the jar's JSON gives it, trimmed to the fields the tool reads."""
    d = {"path": path, "line": line, "ruleId": rule, "message": message}
    if fingerprint is not None:
        d["fingerprint"] = fingerprint
    return d


class DiffTest(unittest.TestCase):
    def test_fingerprint_survives_moved_line(self):
        before = [("nova", f("a.py", 10, "OVN1", "fp1"))]
        after = [("nova", f("a.py", 12, "OVN1", "fp1"))]
        self.assertEqual(eco.diff_findings(before, after), ([], []))

    def test_added_and_removed(self):
        before = [("nova", f("a.py", 1, "OVN1", "x")), ("nova", f("b.py", 2, "OVN2", "y"))]
        after = [("nova", f("a.py", 1, "OVN1", "x")), ("neutron", f("b.py", 2, "OVN2", "y"))]
        added, removed = eco.diff_findings(before, after)
        self.assertEqual([r for r, _ in added], ["neutron"])
        self.assertEqual([(r, x["path"]) for r, x in removed], [("nova", "b.py")])

    def test_falls_back_to_line_without_fingerprint(self):
        before = [("nova", f("a.py", 10, "OVN1"))]
        after = [("nova", f("a.py", 11, "OVN1"))]
        added, removed = eco.diff_findings(before, after)
        self.assertEqual([x["line"] for _, x in added], [11])
        self.assertEqual([x["line"] for _, x in removed], [10])
        self.assertEqual(eco.diff_findings(before, before), ([], []))

    def test_same_fingerprint_other_rule_differs(self):
        added, removed = eco.diff_findings([("n", f("a.py", 1, "R1", "x"))],
                                           [("n", f("a.py", 1, "R2", "x"))])
        self.assertEqual((len(added), len(removed)), (1, 1))


VERDICTS = ("repo\tcommit\tpath\tline\trule\tverdict\treason\n"
            "nova\tabc\ta.py\t1\tR1\tTP\treal\n"
            "nova\tabc\ta.py\t2\tR1\tFP\tguarded\n"
            "nova\tabc\ta.py\t3\tR1\tdebatable\tmaybe\n"
            "nova\tabc\tb.py\t1\tR2\tTP\treal\n")


class VerdictTest(unittest.TestCase):
    def test_join_and_counts(self):
        v = eco.parse_verdicts(VERDICTS)
        findings = [("nova", f("a.py", n, "R1")) for n in (1, 2, 3, 4)]
        findings += [("nova", f("b.py", 1, "R2")), ("neutron", f("a.py", 1, "R1"))]
        stats, unjudged = eco.judge(findings, v)
        self.assertEqual(stats["R1"]["findings"], 5)
        self.assertEqual(stats["R1"]["judged"], 3)
        self.assertEqual((stats["R1"]["TP"], stats["R1"]["FP"], stats["R1"]["debatable"]),
                         (1, 1, 1))
        self.assertEqual((stats["ALL"]["findings"], stats["ALL"]["judged"], stats["ALL"]["TP"]),
                         (6, 4, 2))
        # The repo is part of the key: neutron's a.py:1 is not nova's.
        self.assertEqual([(r, x["path"], x["line"]) for r, x in unjudged],
                         [("nova", "a.py", 4), ("neutron", "a.py", 1)])

    def test_bad_verdict_and_header(self):
        with self.assertRaises(eco.UsageError):
            eco.parse_verdicts(VERDICTS.replace("\tTP\treal\n", "\tyes\treal\n", 1))
        with self.assertRaises(eco.UsageError):
            eco.parse_verdicts("repo\tpath\n")

    def test_committed_verdicts_parse(self):
        with open(eco.VERDICTS) as fh:
            eco.parse_verdicts(fh.read())


class PrecisionTest(unittest.TestCase):
    def test_maths(self):
        self.assertEqual(eco.precision(3, 1), 0.75)
        self.assertIsNone(eco.precision(0, 0))
        self.assertEqual(eco.precision(0, 2), 0.0)

    def test_table_counts_debatable_as_fp_in_last_column(self):
        v = eco.parse_verdicts(VERDICTS)
        stats, _ = eco.judge([("nova", f("a.py", n, "R1")) for n in (1, 2, 3)], v)
        table = eco.precision_table(stats)
        r1 = next(l for l in table if l.startswith("R1 "))
        self.assertEqual(r1.split()[-2:], ["50%", "33%"])
        self.assertTrue(table[-1].startswith("ALL "))


class CorpusTest(unittest.TestCase):
    def test_committed_corpus(self):
        with open(eco.CORPUS) as fh:
            corpus = eco.parse_corpus(fh.read())
        names = {e["name"]: e for e in corpus}
        self.assertEqual(len(corpus), 18)
        self.assertEqual(names["nova"]["commit"], "00a030403f672b975364c855b7d25b40ef83e757")
        self.assertEqual(names["neutron"]["paths"], "tests-too")
        for e in corpus:
            self.assertEqual(e["repository"], "https://opendev.org/openstack/" + e["name"])

    def test_excludes_per_entry(self):
        self.assertEqual(eco.excludes_for({"paths": "tests-too"}), [])
        self.assertEqual(eco.excludes_for({"paths": "non-test"}),
                         ["**/tests/**", "**/test_*.py", "**/*_tests.py"])

    def test_bad_rows(self):
        head = "name\trepository\tcommit\tpaths\n"
        with self.assertRaises(eco.UsageError):
            eco.parse_corpus(head + "x\thttps://o/x\t" + "a" * 40 + "\tall\n")
        with self.assertRaises(eco.UsageError):
            eco.parse_corpus(head + "x\thttps://o/x\tabc\tnon-test\n")
        with self.assertRaises(eco.UsageError):
            eco.parse_corpus(head + "x\thttps://o/x\n")


class ReportTest(unittest.TestCase):
    def test_report_lists_added_and_unjudged(self):
        before = [("nova", f("a.py", 1, "R1", "x"))]
        after = [("nova", f("a.py", 5, "R2", "y", message="a  long\nmessage"))]
        lines = eco.report(before, after, {}, 50)
        self.assertIn("added: 1", lines)
        self.assertIn("removed: 1", lines)
        self.assertIn("nova a.py:5 R2 a long message", lines)
        self.assertEqual(eco.report(None, after, {}, 0)[0], "findings: 1")

    def test_usage_errors_exit_2(self):
        self.assertEqual(eco.main(["--bogus"]), 2)
        self.assertEqual(eco.main(["--trees", "/nonexistent", "--jar", "x.jar"]), 2)


if __name__ == "__main__":
    unittest.main()
