package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.Locale;

/** How sure a rule is that what it matched is the defect it describes. */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  /** Parses "low", "medium" or "high" in any case; null for anything else. */
  public static Confidence parse(String s) {
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
