package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN2xx resource handling rules. */
public final class ResourceRules {
  private ResourceRules() {}

  public static List<Rule> all() {
    return List.of(
        new UnboundedPollingLoop(),
        new WaitWithoutTimeout(),
        new HttpWithoutTimeout(),
        new RetryWithoutStop());
  }
}
