package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.collect.ImmutableList;
import com.google.gerrit.entities.LabelFunction;
import com.google.gerrit.entities.LabelType;
import com.google.gerrit.entities.LabelValue;
import com.google.gerrit.entities.SubmitRequirement;
import com.google.gerrit.entities.SubmitRequirementExpression;
import com.google.gerrit.extensions.registration.DynamicSet;
import com.google.inject.AbstractModule;
import java.util.Optional;

/**
 * The label the bot votes on and the submit requirement on it, as the plugin brings them: Gerrit
 * merges plugin-provided labels and requirements with those of the project hierarchy, so a site
 * needs neither in {@code All-Projects}. A project that defines a label or requirement of the same
 * name replaces the plugin's (both allow it), which is how a project chooses other values.
 */
public class LabelModule extends AbstractModule {
  /** Keeps the vote across patch sets whose code is the same, as the bot would carry it over. */
  static final String COPY_CONDITION = "changekind:NO_CODE_CHANGE OR changekind:TRIVIAL_REBASE";

  private final String label;

  public LabelModule(String label) {
    this.label = label;
  }

  @Override
  protected void configure() {
    DynamicSet.bind(binder(), LabelType.class).toInstance(label(label));
    DynamicSet.bind(binder(), SubmitRequirement.class).toInstance(requirement(label));
  }

  static LabelType label(String name) {
    return LabelType.builder(
            name,
            ImmutableList.of(
                LabelValue.create((short) -1, "Security issues found"),
                LabelValue.create((short) 0, "No score"),
                LabelValue.create((short) 1, "No security issues found")))
        .setDescription("The vote of the security review bot")
        .setFunction(LabelFunction.NO_BLOCK)
        .setDefaultValue((short) 0)
        .setCopyCondition(COPY_CONDITION)
        .setCanOverride(true)
        .build();
  }

  static SubmitRequirement requirement(String label) {
    return SubmitRequirement.builder()
        .setName(label)
        .setDescription(Optional.of("The security review found no issue that must be fixed"))
        .setApplicabilityExpression(Optional.empty())
        .setSubmittabilityExpression(SubmitRequirementExpression.create("-label:" + label + "=MIN"))
        .setOverrideExpression(Optional.empty())
        .setAllowOverrideInChildProjects(true)
        .build();
  }
}
