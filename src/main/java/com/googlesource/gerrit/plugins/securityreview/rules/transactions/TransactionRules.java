package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The OVN3xx transactions rules. */
public final class TransactionRules {
  private TransactionRules() {}

  public static List<Rule> all() {
    return List.of(
        new TransactionCheckErrorFalse(),
        new OvnCallInPrecommit(),
        new OvsdbCommandUnchecked(),
        new SqlStringBuilt(),
        new VerifyAfterWrite(),
        new AdminContextShared());
  }
}
