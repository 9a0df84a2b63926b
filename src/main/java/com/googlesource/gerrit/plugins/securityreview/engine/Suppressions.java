package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Comment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppression comments on a line, as OpenStack trees write them: {@code # nosec} (bare, or with
 * Bandit ids or ours: {@code # nosec B602}), {@code # noqa: S603} (Ruff codes or ours) and {@code #
 * security-review: ignore[OVN301]} (bare: everything). A comment that names other ids suppresses
 * nothing else.
 *
 * <p>A bare {@code # noqa} does not count: in OpenStack code it silences hacking and pep8 checks
 * (mostly on imports), and nobody writing it meant to waive a security check.
 */
final class Suppressions {
  private static final Pattern NOSEC =
      Pattern.compile("\\bnosec\\b(?:\\s*:?\\s*((?:[A-Za-z]+[0-9]+)(?:[\\s,]+[A-Za-z]+[0-9]+)*))?");
  private static final Pattern NOQA =
      Pattern.compile(
          "\\bnoqa\\s*:\\s*((?:[A-Za-z]+[0-9]+)(?:[\\s,]+[A-Za-z]+[0-9]+)*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OURS =
      Pattern.compile("security-review\\s*:\\s*ignore(?:\\[([^\\]]*)\\])?");

  private static final AsciiWord NOQA_WORD = new AsciiWord("noqa");

  private final List<Comment> comments;

  /**
   * Per line: null means nothing suppressed, an empty set means everything. Read from the comments
   * when a finding is first asked about: most files have none.
   */
  private Map<Integer, Set<String>> byLine;

  private static final Set<String> ALL = Set.of();

  Suppressions(List<Comment> comments) {
    this.comments = comments;
  }

  private Map<Integer, Set<String>> byLine() {
    if (byLine == null) {
      byLine = new HashMap<>();
      read();
    }
    return byLine;
  }

  private void read() {
    for (Comment c : comments) {
      String text = c.text();
      // Most comments name no suppression: skip the patterns for them.
      if (!text.contains("nosec") && !text.contains("security-review") && !NOQA_WORD.isIn(text)) {
        continue;
      }
      Matcher m = NOSEC.matcher(text);
      while (m.find()) {
        add(c.line(), m.group(1));
      }
      m = NOQA.matcher(text);
      while (m.find()) {
        add(c.line(), m.group(1));
      }
      m = OURS.matcher(text);
      while (m.find()) {
        add(c.line(), m.group(1));
      }
    }
  }

  private void add(int line, String ids) {
    if (ids == null || ids.isBlank()) {
      byLine.put(line, ALL);
      return;
    }
    Set<String> current = byLine.get(line);
    if (current == ALL) {
      return;
    }
    Set<String> set = current == null ? new HashSet<>() : current;
    for (String id : ids.split("[\\s,]+")) {
      if (!id.isBlank()) {
        set.add(id.trim().toUpperCase(Locale.ROOT));
      }
    }
    byLine.put(line, set);
  }

  /** Whether a comment on the finding's first or last line waives it. */
  boolean suppresses(Finding f, RuleMeta meta) {
    return suppressesOn(f.line(), meta) || suppressesOn(f.endLine(), meta);
  }

  private boolean suppressesOn(int line, RuleMeta meta) {
    Set<String> ids = byLine().get(line);
    if (ids == null) {
      return false;
    }
    if (ids == ALL) {
      return true;
    }
    for (String id : meta.suppressionIds()) {
      if (ids.contains(id.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
