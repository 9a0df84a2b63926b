package com.googlesource.gerrit.plugins.securityreview.gerrit;

import java.util.Locale;
import java.util.Optional;

/** Why a reviewer dismissed a finding: the reasons of GitHub code scanning's alert dismissal. */
public enum DismissalReason {
  FALSE_POSITIVE("a false positive"),
  WONT_FIX("won't fix"),
  USED_IN_TESTS("used in tests");

  private final String words;

  DismissalReason(String words) {
    this.words = words;
  }

  /** The name in REST, in the change's record and in the metrics: {@code false_positive}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a sentence says it: "dismissed ... as a false positive". */
  public String words() {
    return words;
  }

  /**
   * The reason named by {@code text}, written as people write it: {@code false_positive}, {@code
   * false positive}, {@code False-Positive}, {@code won't fix}, {@code used in tests}.
   */
  public static Optional<DismissalReason> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String id = text.trim().toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[\\s-]+", "_");
    for (DismissalReason r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The accepted names, for messages: {@code false_positive, wont_fix, used_in_tests}. */
  public static String accepted() {
    StringBuilder s = new StringBuilder();
    for (DismissalReason r : values()) {
      s.append(s.isEmpty() ? "" : ", ").append(r.id());
    }
    return s.toString();
  }
}
