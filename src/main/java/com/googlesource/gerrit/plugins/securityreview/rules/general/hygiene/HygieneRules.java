package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The PY4xx templates, assertions, permissions and randomness rules. */
public final class HygieneRules {
  private HygieneRules() {}

  public static List<Rule> all() {
    return List.of();
  }
}
