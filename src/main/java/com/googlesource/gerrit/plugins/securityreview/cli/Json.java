package com.googlesource.gerrit.plugins.securityreview.cli;

/**
 * Hand-written JSON string quoting for the CLI's output, so the CLI needs no JSON library.
 *
 * <p>The result is plain ASCII: every character outside printable ASCII is written as a {@code
 * \}{@code uXXXX} escape (surrogate pairs as two escapes), so the output survives any terminal or
 * locale encoding unchanged.
 */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Returns {@code s} as a quoted JSON string; {@code null} gives {@code null}. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s);
    return b.toString();
  }

  /** Appends {@code s} as a quoted JSON string. */
  static void appendQuoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
