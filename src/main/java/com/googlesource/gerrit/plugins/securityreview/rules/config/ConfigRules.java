package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN4xx security configuration rules. */
public final class ConfigRules {
  private ConfigRules() {}

  public static List<Rule> all() {
    return List.of(
        new AclAllowAll(),
        new PortSecurityDisabled(),
        new DropPortGroupWithoutDhcp(),
        new TlsVerifyDisabled(),
        new BindAllInterfaces(),
        new SharedPortGroupWithTenantGroups());
  }
}
