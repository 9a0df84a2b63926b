package com.googlesource.gerrit.plugins.securityreview.rules.logging;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN5xx logging disclosure rules. */
public final class LoggingRules {
  private LoggingRules() {}

  public static List<Rule> all() {
    return List.of(new SecretLogged(), new WholePortLogged());
  }
}
