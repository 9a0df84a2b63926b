package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN1xx input validation rules. */
public final class ValidationRules {
  private ValidationRules() {}

  public static List<Rule> all() {
    return List.of(
        new BindingProfileUnvalidated(),
        new OvnMatchInjection(),
        new OvnSyntaxValueUnescaped(),
        new AddressComparedAsString(),
        new OvnBooleanComparedAsString(),
        new ClientIdentityHeaderForwarded(),
        new TenantNameSelectsResource());
  }
}
