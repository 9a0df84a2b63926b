package com.googlesource.gerrit.plugins.securityreview.testing;

import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's snapshot, {@code src/test/resources/rules/ID/ID.snap}: everything the rule reports on
 * each of its fixtures, as text, so that a change of a message, a range or a fix shows in review.
 *
 * <p>Files come in name order, findings in the engine's order (by position). Positions are {@code
 * line:col-endLine:endCol} with 1-based columns, as in the {@code # expect:} markers (the end is
 * exclusive). Messages and replacements are escaped as Java strings so that each takes one line.
 * The text holds no absolute path and no time, so it depends on the rule and the fixtures only.
 */
public final class Snapshots {
  private Snapshots() {}

  /** Set to {@code true}, {@code RuleSnapshotsTest} writes the snapshots instead of checking. */
  public static final String UPDATE_PROPERTY = "snapshots.update";

  public static final String REGENERATE = "./run snapshots";

  public static Path file(String id) {
    return Fixtures.dir(id).resolve(id + ".snap");
  }

  /** The rule's snapshot as it is now. */
  public static String render(Rule rule) throws IOException {
    String id = rule.meta().id();
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(id)
        .append(" on its fixtures; regenerate with ")
        .append(REGENERATE)
        .append(".\n")
        .append("# Columns are 1-based, as in # expect: markers; ends are exclusive.\n");
    for (Path file : Fixtures.files(id)) {
      FileResult result = Fixtures.run(rule, file);
      out.append("\n=== ").append(file.getFileName());
      if (rule instanceof DiffRule) {
        out.append(" (base ").append(Fixtures.baseOf(file).getFileName()).append(')');
      }
      out.append(": ")
          .append(count(result.findings().size(), "finding"))
          .append(", ")
          .append(result.suppressed())
          .append(" suppressed\n");
      for (Finding f : result.findings()) {
        out.append('\n')
            .append(file.getFileName())
            .append(':')
            .append(range(f.line(), f.col(), f.endLine(), f.endCol()))
            .append(' ')
            .append(f.ruleId())
            .append('\n')
            .append("  message: ")
            .append(quote(f.message()))
            .append('\n');
        Fix fix = f.fix();
        if (fix == null) {
          out.append("  fix: none\n");
          continue;
        }
        out.append("  fix: ").append(quote(fix.description())).append('\n');
        for (Fix.Edit e : fix.edits()) {
          out.append("    edit ")
              .append(range(e.line(), e.col(), e.endLine(), e.endCol()))
              .append(" -> ")
              .append(quote(e.replacement()))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** 0-based columns shown 1-based. */
  private static String range(int line, int col, int endLine, int endCol) {
    return line + ":" + (col + 1) + "-" + endLine + ":" + (endCol + 1);
  }

  /** A Java string literal: one line whatever the text holds. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  /**
   * The first differences between two texts, line by line, in the style of a unified diff: {@code
   * -} lines only {@code expected} has, {@code +} lines only {@code actual} has, with two lines of
   * context. At most {@code maxLines} lines are shown.
   */
  public static String diff(String expected, String actual, int maxLines) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    // Longest common subsequence, from the end, so that the walk below goes forward.
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add("  " + a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add("- " + a.get(i++));
      } else {
        ops.add("+ " + b.get(j++));
      }
    }
    StringBuilder out = new StringBuilder();
    int shown = 0;
    int lastShown = -1;
    for (int k = 0; k < ops.size(); k++) {
      if (!isChange(ops, k) && !nearChange(ops, k, 2)) {
        continue;
      }
      if (shown == maxLines) {
        out.append("... (more differences)\n");
        break;
      }
      if (lastShown >= 0 && k > lastShown + 1) {
        out.append("...\n");
      }
      out.append(ops.get(k)).append('\n');
      lastShown = k;
      shown++;
    }
    return out.toString();
  }

  private static boolean isChange(List<String> ops, int k) {
    return !ops.get(k).startsWith("  ");
  }

  private static boolean nearChange(List<String> ops, int k, int context) {
    for (int d = Math.max(0, k - context); d <= Math.min(ops.size() - 1, k + context); d++) {
      if (isChange(ops, d)) {
        return true;
      }
    }
    return false;
  }
}
