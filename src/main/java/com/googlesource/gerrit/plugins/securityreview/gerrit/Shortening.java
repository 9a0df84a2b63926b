package com.googlesource.gerrit.plugins.securityreview.gerrit;

/** Shortens the Markdown the bot posts, to keep it readable and within Gerrit's size limits. */
final class Shortening {
  /** Quoted code longer than this many characters is shortened in comments. */
  static final int MAX_QUOTE = 200;

  static final String ELLIPSIS = " \u2026 ";

  private Shortening() {}

  /**
   * The text with every code span ({@code `...`}, or fenced by longer runs of backticks) of more
   * than {@code max} characters cut to its start and end around an ellipsis.
   */
  static String quotes(String markdown, int max) {
    StringBuilder out = new StringBuilder(Math.min(markdown.length(), 1 << 16));
    int i = 0;
    while (i < markdown.length()) {
      if (markdown.charAt(i) != '`') {
        out.append(markdown.charAt(i++));
        continue;
      }
      int run = run(markdown, i);
      int close = closing(markdown, i + run, run);
      if (close < 0) {
        out.append(markdown, i, i + run);
        i += run;
        continue;
      }
      String code = markdown.substring(i + run, close);
      out.append(markdown, i, i + run)
          .append(code.length() > max ? abbreviate(code, max) : code)
          .append(markdown, close, close + run);
      i = close + run;
    }
    return out.toString();
  }

  /**
   * The text cut to at most {@code max} characters, ending in {@code notice} when it was cut (at a
   * line break or space near the cut, if there is one).
   */
  static String cut(String text, int max, String notice) {
    if (text.length() <= max) {
      return text;
    }
    int keep = max - notice.length();
    if (keep <= 0) {
      return safeEnd(notice, Math.max(0, max));
    }
    int at = keep;
    int space = Math.max(text.lastIndexOf('\n', keep), text.lastIndexOf(' ', keep));
    if (space > keep - 80 && space > 0) {
      at = space;
    }
    return safeEnd(text, at) + notice;
  }

  private static String abbreviate(String code, int max) {
    String head = safeEnd(code, max * 2 / 3);
    String tail = safeStart(code, code.length() - max / 3);
    // A backtick at the cut would close the span early.
    return stripTrailing(head) + ELLIPSIS + stripLeading(tail);
  }

  private static int run(String s, int from) {
    int end = from;
    while (end < s.length() && s.charAt(end) == '`') {
      end++;
    }
    return end - from;
  }

  /** Where the next run of exactly {@code length} backticks starts, or -1. */
  private static int closing(String s, int from, int length) {
    int j = from;
    while (j < s.length()) {
      if (s.charAt(j) == '`') {
        int run = run(s, j);
        if (run == length) {
          return j;
        }
        j += run;
      } else {
        j++;
      }
    }
    return -1;
  }

  /** The first {@code n} characters, one fewer when that would split a surrogate pair. */
  private static String safeEnd(String s, int n) {
    int end = n > 0 && Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n;
    return s.substring(0, end);
  }

  /** The characters from {@code from} on, one fewer when that would split a surrogate pair. */
  private static String safeStart(String s, int from) {
    int start = from < s.length() && Character.isLowSurrogate(s.charAt(from)) ? from + 1 : from;
    return s.substring(start);
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '`') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String stripLeading(String s) {
    int start = 0;
    while (start < s.length() && s.charAt(start) == '`') {
      start++;
    }
    return s.substring(start);
  }
}
