package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import java.util.Locale;

/** How the PY2xx rules compare identifiers with their word lists: in snake case. */
final class NameWords {
  private NameWords() {}

  /** Converts {@code adminPassword} to {@code admin_password}; lower case throughout. */
  static String snake(String name) {
    // As name.replaceAll("([a-z0-9])([A-Z])", "$1_$2"), without a regular expression: the rules
    // ask it of most names they see.
    StringBuilder b = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z' && i > 0) {
        char before = name.charAt(i - 1);
        if ((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) {
          b.append('_');
        }
      }
      b.append(c == '-' ? '_' : c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
