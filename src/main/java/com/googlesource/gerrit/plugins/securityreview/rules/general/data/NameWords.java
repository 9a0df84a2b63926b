package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import java.util.Locale;

/** How the PY2xx rules compare identifiers with their word lists: in snake case. */
final class NameWords {
  private NameWords() {}

  /** Converts {@code adminPassword} to {@code admin_password}; lower case throughout. */
  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
