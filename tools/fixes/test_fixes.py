#!/usr/bin/env python3
"""Unit tests of fixes.py's pure parts, on small in-memory data (no jar, no git).

Run: python3 tools/fixes/test_fixes.py (PythonToolsTest runs it in ./run test).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixes  # noqa: E402

A = "a" * 40
B = "b" * 40
HEADER = "commit\tparent\tfile\tlines\tclass\tsingle_file\twhat\n"


def line(lines="10-12", cls="acl", single="yes", what="the ACL was wrong", path="n/acl.py"):
    return "\t".join([A, B, path, lines, cls, single, what]) + "\n"


def f(path, first, rule, last=None):
    """A finding as the jar's JSON gives it, trimmed to the fields the tool reads."""
    d = {"path": path, "line": first, "ruleId": rule}
    if last is not None:
        d["endLine"] = last
    return d


class RangesTest(unittest.TestCase):
    def test_ranges_and_single_lines(self):
        self.assertEqual(fixes.parse_ranges("120-124,130"), [(120, 124), (130, 130)])
        self.assertEqual(fixes.parse_ranges("7"), [(7, 7)])

    def test_bad_ranges(self):
        for bad in ("", "3-", "5-4", "0", "a", "1,,2", "1-2-3"):
            with self.assertRaises(ValueError, msg=bad):
                fixes.parse_ranges(bad)


class ListTest(unittest.TestCase):
    def test_parse(self):
        rows = fixes.parse_list(HEADER + "# a comment\n\n" + line("3,8-9"))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["ranges"], [(3, 3), (8, 9)])
        self.assertEqual(rows[0]["file"], "n/acl.py")

    def test_rejects(self):
        bad = [
            "commit\tfile\n" + line(),                       # header
            HEADER + line().replace("\t", " ", 1),           # cell count
            HEADER + line(cls="sqli"),                       # class vocabulary
            HEADER + line(single="maybe"),                   # single_file
            HEADER + line(lines="x"),                        # lines
            HEADER + line(what=" "),                         # what
            HEADER + line().replace(A, "abc", 1),            # commit
        ]
        for text in bad:
            with self.assertRaises(fixes.UsageError, msg=text):
                fixes.parse_list(text)

    def test_committed_list_parses(self):
        with open(fixes.LIST) as fh:
            rows = fixes.parse_list(fh.read())
        self.assertGreaterEqual(len(rows), 20)
        self.assertTrue(any(r["single_file"] == "yes" for r in rows))


class MatchTest(unittest.TestCase):
    def row(self, lines):
        return fixes.parse_list(HEADER + line(lines))[0]

    def test_finding_inside_or_overlapping_the_range(self):
        row = self.row("10-12,20")
        findings = [f("n/acl.py", 11, "R1"),            # inside
                    f("n/acl.py", 5, "R2", last=10),    # statement ending on the first line
                    f("n/acl.py", 20, "R3"),            # the single line
                    f("n/acl.py", 13, "R4", last=19),   # between the ranges
                    f("n/acl.py", 21, "R5"),            # after
                    f("n/other.py", 11, "R6")]          # other file
        self.assertEqual(fixes.flagging_rules(row, findings), ["R1", "R2", "R3"])

    def test_missing_end_line_is_the_line(self):
        self.assertEqual(fixes.finding_span({"line": 4}), (4, 4))
        self.assertEqual(fixes.finding_span({"line": 4, "endLine": None}), (4, 4))
        self.assertEqual(fixes.finding_span({"line": 4, "endLine": 6}), (4, 6))

    def test_results_map_extracted_paths_back(self):
        row = self.row("10")
        paths = {(B, "n/acl.py"): "bbbbbbbbbbbb/n/acl.py"}
        findings = [f("bbbbbbbbbbbb/n/acl.py", 10, "R1"), f("n/acl.py", 10, "R2")]
        self.assertEqual(fixes.results_for([row], paths, findings), [(row, ["R1"])])


class RecallTest(unittest.TestCase):
    def test_recall_counts_single_file_rows_only(self):
        rows = fixes.parse_list(HEADER + line(cls="acl") + line(cls="acl")
                                + line(cls="dos-unbounded", single="no")
                                + line(cls="port-security"))
        results = [(rows[0], ["R1"]), (rows[1], []), (rows[2], ["R2"]), (rows[3], [])]
        self.assertEqual(fixes.recall(results), (1, 3))
        text = "\n".join(fixes.report(results))
        self.assertIn("recall: 1/3 = 33%", text)
        self.assertIn("## missed (single_file=yes): 2", text)
        self.assertIn("## not countable (single_file=no): 0", text)
        self.assertRegex(text, r"acl\s+2\s+2\s+1\s+1")

    def test_no_countable_rows(self):
        self.assertEqual(fixes.recall([]), (0, 0))
        self.assertIn("recall: 0/0 = -", "\n".join(fixes.report([])))


if __name__ == "__main__":
    unittest.main()
