package com.googlesource.gerrit.plugins.securityreview.rules;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import com.googlesource.gerrit.plugins.securityreview.rules.changes.ChangeRules;
import com.googlesource.gerrit.plugins.securityreview.rules.config.ConfigRules;
import com.googlesource.gerrit.plugins.securityreview.rules.exceptions.ExceptionRules;
import com.googlesource.gerrit.plugins.securityreview.rules.general.crypto.CryptoRules;
import com.googlesource.gerrit.plugins.securityreview.rules.general.data.DataRules;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.ExecutionRules;
import com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene.HygieneRules;
import com.googlesource.gerrit.plugins.securityreview.rules.logging.LoggingRules;
import com.googlesource.gerrit.plugins.securityreview.rules.resources.ResourceRules;
import com.googlesource.gerrit.plugins.securityreview.rules.transactions.TransactionRules;
import com.googlesource.gerrit.plugins.securityreview.rules.validation.ValidationRules;
import java.util.ArrayList;
import java.util.List;

/** Every rule the plugin has, in id order. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    all.add(new SyntaxErrorRule());
    all.addAll(ValidationRules.all());
    all.addAll(ResourceRules.all());
    all.addAll(TransactionRules.all());
    all.addAll(ConfigRules.all());
    all.addAll(LoggingRules.all());
    all.addAll(ExceptionRules.all());
    all.addAll(ChangeRules.all());
    all.addAll(ExecutionRules.all());
    all.addAll(DataRules.all());
    all.addAll(CryptoRules.all());
    all.addAll(HygieneRules.all());
    return List.copyOf(all);
  }
}
