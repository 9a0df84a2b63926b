package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.Locale;

/** How much harm a finding can do, if it is real. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** Parses "low", "medium" or "high" in any case; null for anything else. */
  public static Severity parse(String s) {
    try {
      return s == null ? null : valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
