package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/**
 * The OVN7xx rules about what a change does to a file: they compare its base and new version (see
 * {@link com.googlesource.gerrit.plugins.securityreview.engine.DiffRule}).
 */
public final class ChangeRules {
  private ChangeRules() {}

  public static List<Rule> all() {
    return List.of(
        new ValidationCallRemoved(),
        new SecurityExtensionWithoutAcl(),
        new PortSecurityConditionChanged(),
        new SafetyKeywordDropped());
  }
}
