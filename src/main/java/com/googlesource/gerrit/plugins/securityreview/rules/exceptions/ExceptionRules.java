package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN6xx exception handling rules. */
public final class ExceptionRules {
  private ExceptionRules() {}

  public static List<Rule> all() {
    return List.of(
        new BareExcept(),
        new BroadExceptSwallowed(),
        new CommitHookSwallows(),
        new ReturnInFinally());
  }
}
