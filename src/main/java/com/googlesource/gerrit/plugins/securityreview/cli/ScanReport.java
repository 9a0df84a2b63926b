package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleFailure;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code scan} found, and its text and JSON renderings (SARIF: {@link Sarif}).
 *
 * <p>Positions in both renderings are 1-based: lines, and columns counted in UTF-16 code units
 * (characters, except that a character outside the Basic Multilingual Plane, such as an emoji,
 * counts twice). An end column is exclusive: it is the column just after the last character.
 *
 * @param files the files checked, in the order they are reported
 * @param errors the files that could not be checked (unreadable, or an internal error); the rules
 *     that failed on a checked file are in its result ({@link #internalErrors})
 * @param millis wall time of the scan
 * @param diff whether the scan reviewed a change ({@code --diff}): findings on changed lines that
 *     the base version did not have
 */
record ScanReport(List<Scanned> files, List<Problem> errors, long millis, boolean diff) {

  /** How checking one file ended: {@link Scanned} or {@link Problem}. */
  sealed interface Checked permits Scanned, Problem {}

  /**
   * One checked file: the engine's result and, for each finding in order, the text of the line it
   * starts on (for SARIF's line hash).
   */
  record Scanned(FileResult result, List<String> lineTexts) implements Checked {}

  /**
   * A file that could not be checked, or a rule that failed on one ({@code ruleId} and the {@code
   * line} it failed at; null and 0 otherwise).
   */
  record Problem(String path, String message, String ruleId, int line) implements Checked {
    Problem(String path, String message) {
      this(path, message, null, 0);
    }
  }

  /** The rules that threw on the files that were checked: bugs of ours, each a {@link Problem}. */
  List<Problem> internalErrors() {
    List<Problem> out = new ArrayList<>();
    for (Scanned s : files) {
      for (RuleFailure f : s.result().ruleFailures()) {
        out.add(new Problem(s.result().path(), f.describe(), f.ruleId(), f.line()));
      }
    }
    return out;
  }

  /** Everything that went wrong: files not checked, then rules that failed. */
  List<Problem> allErrors() {
    List<Problem> out = new ArrayList<>(errors);
    out.addAll(internalErrors());
    return out;
  }

  List<Finding> findings() {
    return files.stream().flatMap(f -> f.result().findings().stream()).toList();
  }

  int count(Severity s) {
    return (int) findings().stream().filter(f -> f.severity() == s).count();
  }

  int suppressed() {
    return files.stream().mapToInt(f -> f.result().suppressed()).sum();
  }

  int belowThreshold() {
    return files.stream().mapToInt(f -> f.result().belowThreshold()).sum();
  }

  int unchanged() {
    return files.stream().mapToInt(f -> f.result().unchanged()).sum();
  }

  /** Findings on changed lines that the base version already had (moved or reformatted code). */
  int preexisting() {
    return files.stream().mapToInt(f -> f.result().preexisting()).sum();
  }

  int filesWithSyntaxErrors() {
    return (int) files.stream().filter(f -> !f.result().parsed()).count();
  }

  // ------------------------------------------------------------------ text

  /**
   * {@code PATH:LINE:COL: ID [severity/confidence] message} per finding, each followed by an
   * indented line naming the rule's page ({@code see: java -jar security-review.jar rule ID}), the
   * files separated by a blank line, then a blank line and the summary line.
   */
  String text() {
    StringBuilder b = new StringBuilder();
    for (Scanned s : files) {
      List<Finding> findings = s.result().findings();
      if (findings.isEmpty()) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append('\n');
      }
      for (Finding f : findings) {
        b.append(f.path())
            .append(':')
            .append(f.line())
            .append(':')
            .append(f.col() + 1)
            .append(": ")
            .append(f.ruleId())
            .append(" [")
            .append(f.severity().label())
            .append('/')
            .append(f.confidence().label())
            .append("] ")
            .append(oneLine(f.message()))
            .append("\n  see: ")
            .append(RuleCommand.pageCommand(f.ruleId()))
            .append('\n');
      }
    }
    if (!b.isEmpty()) {
      b.append('\n');
    }
    b.append(summary()).append('\n');
    return b.toString();
  }

  /**
   * E.g. {@code 3 files scanned, 2 findings (high 1, medium 1, low 0), 1 suppressed, 4 below
   * threshold, 1 file with syntax errors, 25 ms}; with {@code --diff} also how many findings were
   * on unchanged lines and how many on changed lines were pre-existing, when files could not be
   * read, how many, and when rules failed, how often.
   */
  String summary() {
    StringBuilder b = new StringBuilder();
    int n = findings().size();
    b.append(plural(files.size(), "file")).append(" scanned, ");
    b.append(plural(n, "finding"))
        .append(" (high ")
        .append(count(Severity.HIGH))
        .append(", medium ")
        .append(count(Severity.MEDIUM))
        .append(", low ")
        .append(count(Severity.LOW))
        .append("), ");
    b.append(suppressed()).append(" suppressed, ");
    b.append(belowThreshold()).append(" below threshold, ");
    if (diff) {
      b.append(unchanged()).append(" on unchanged lines, ");
      b.append(preexisting()).append(" pre-existing on changed lines, ");
    }
    int syntax = filesWithSyntaxErrors();
    b.append(syntax).append(syntax == 1 ? " file" : " files").append(" with syntax errors, ");
    if (!errors.isEmpty()) {
      b.append(errors.size())
          .append(errors.size() == 1 ? " file" : " files")
          .append(" not scanned (see errors), ");
    }
    int internal = internalErrors().size();
    if (internal > 0) {
      b.append(internal)
          .append(internal == 1 ? " internal error" : " internal errors")
          .append(" (see errors), ");
    }
    b.append(String.format(Locale.ROOT, "%d ms", millis));
    return b.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** A message on one output line: line breaks become spaces. */
  private static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  // ------------------------------------------------------------------ JSON

  /**
   * One JSON document:
   *
   * <pre>
   * {
   *   "tool": {"name": "security-review", "version": "0.1.0"},
   *   "positions": "1-based lines and columns; columns in UTF-16 code units; end column exclusive",
   *   "findings": [
   *     {"ruleId": "OVN601", "title": "...", "severity": "medium", "confidence": "high",
   *      "category": "OVN6xx exception handling", "path": "pkg/a.py",
   *      "line": 3, "column": 5, "endLine": 3, "endColumn": 11, "message": "...",
   *      "fingerprint": "0123456789abcdef",
   *      "fix": null | {"description": "...",
   *                     "edits": [{"line": 3, "column": 5, "endLine": 3, "endColumn": 11,
   *                                "replacement": "..."}]}}
   *   ],
   *   "errors": [{"path": "b.py", "message": "cannot read: ..."},
   *              {"path": "c.py", "message": "internal error in rule OVN602 at line 7: ...",
   *               "ruleId": "OVN602", "line": 7}],
   *   "summary": {"filesScanned": 3, "findings": 1,
   *               "bySeverity": {"high": 0, "medium": 1, "low": 0},
   *               "suppressed": 0, "belowThreshold": 2, "onUnchangedLines": 0, "preexisting": 0,
   *               "filesWithSyntaxErrors": 0, "filesNotScanned": 1, "internalErrors": 1,
   *               "millis": 12},
   *   "vote": {"label": "Security-Review", "value": -1, "reason": "...", "blockingFindings": 1,
   *            "settings": ["project.config"], "changedBy": [], "everyLineChanged": true}
   * }
   * </pre>
   *
   * <p>Each finding also says whether it counts towards the vote ({@code "blocking"}), and the vote
   * is {@link VotePrediction#appendJson}.
   *
   * <p>{@code fingerprint} names a finding independently of its position (rule, enclosing function
   * or class, normalised statement): the same finding has the same fingerprint in another version
   * of the file. {@code onUnchangedLines} and {@code preexisting} are 0 without {@code --diff}.
   */
  String json(String version, VotePrediction vote) {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"tool\": {\"name\": ");
    Json.appendQuoted(b, Main.NAME);
    b.append(", \"version\": ");
    Json.appendQuoted(b, version);
    b.append("},\n  \"positions\": ");
    Json.appendQuoted(
        b, "1-based lines and columns; columns in UTF-16 code units; end column exclusive");
    b.append(",\n  \"findings\": [");
    List<Finding> findings = findings();
    for (int i = 0; i < findings.size(); i++) {
      b.append(i == 0 ? "\n    " : ",\n    ");
      appendFinding(b, findings.get(i), vote.blocks(findings.get(i)));
    }
    b.append(findings.isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"errors\": [");
    List<Problem> all = allErrors();
    for (int i = 0; i < all.size(); i++) {
      Problem p = all.get(i);
      b.append(i == 0 ? "\n    " : ",\n    ").append("{\"path\": ");
      Json.appendQuoted(b, p.path());
      b.append(", \"message\": ");
      Json.appendQuoted(b, p.message());
      if (p.ruleId() != null) {
        b.append(", \"ruleId\": ");
        Json.appendQuoted(b, p.ruleId());
        b.append(", \"line\": ").append(p.line());
      }
      b.append('}');
    }
    b.append(all.isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"summary\": {\"filesScanned\": ").append(files.size());
    b.append(", \"findings\": ").append(findings.size());
    b.append(", \"bySeverity\": {\"high\": ").append(count(Severity.HIGH));
    b.append(", \"medium\": ").append(count(Severity.MEDIUM));
    b.append(", \"low\": ").append(count(Severity.LOW)).append('}');
    b.append(", \"suppressed\": ").append(suppressed());
    b.append(", \"belowThreshold\": ").append(belowThreshold());
    b.append(", \"onUnchangedLines\": ").append(unchanged());
    b.append(", \"preexisting\": ").append(preexisting());
    b.append(", \"filesWithSyntaxErrors\": ").append(filesWithSyntaxErrors());
    b.append(", \"filesNotScanned\": ").append(errors.size());
    b.append(", \"internalErrors\": ").append(internalErrors().size());
    b.append(", \"millis\": ").append(millis);
    b.append("},\n  \"vote\": ");
    vote.appendJson(b);
    b.append("\n}\n");
    return b.toString();
  }

  private static void appendFinding(StringBuilder b, Finding f, boolean blocking) {
    b.append("{\"ruleId\": ");
    Json.appendQuoted(b, f.ruleId());
    b.append(", \"title\": ");
    Json.appendQuoted(b, f.title());
    b.append(", \"severity\": ");
    Json.appendQuoted(b, f.severity().label());
    b.append(", \"confidence\": ");
    Json.appendQuoted(b, f.confidence().label());
    b.append(", \"category\": ");
    Json.appendQuoted(b, f.category());
    b.append(", \"path\": ");
    Json.appendQuoted(b, f.path());
    b.append(", \"line\": ").append(f.line());
    b.append(", \"column\": ").append(f.col() + 1);
    b.append(", \"endLine\": ").append(f.endLine());
    b.append(", \"endColumn\": ").append(f.endCol() + 1);
    b.append(", \"message\": ");
    Json.appendQuoted(b, f.message());
    b.append(", \"fingerprint\": ").append(Json.quote(f.fingerprint()));
    b.append(", \"blocking\": ").append(blocking);
    b.append(", \"fix\": ");
    Fix fix = f.fix();
    if (fix == null) {
      b.append("null");
    } else {
      b.append("{\"description\": ");
      Json.appendQuoted(b, fix.description());
      b.append(", \"edits\": [");
      for (int i = 0; i < fix.edits().size(); i++) {
        Fix.Edit e = fix.edits().get(i);
        b.append(i == 0 ? "" : ", ");
        b.append("{\"line\": ").append(e.line());
        b.append(", \"column\": ").append(e.col() + 1);
        b.append(", \"endLine\": ").append(e.endLine());
        b.append(", \"endColumn\": ").append(e.endCol() + 1);
        b.append(", \"replacement\": ");
        Json.appendQuoted(b, e.replacement());
        b.append('}');
      }
      b.append("]}");
    }
    b.append('}');
  }
}
