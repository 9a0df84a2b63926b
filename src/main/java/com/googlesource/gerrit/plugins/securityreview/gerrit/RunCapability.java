package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.config.CapabilityDefinition;

/** Global capability that lets a user re-run the review of any change they can see. */
public class RunCapability extends CapabilityDefinition {
  public static final String NAME = "runSecurityReview";

  @Override
  public String getDescription() {
    return "Run Security Review";
  }
}
