package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.entities.Project;
import com.google.gerrit.entities.SubmitRequirement;
import com.google.gerrit.entities.SubmitRequirementExpression;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.SubmitRequirementResultInfo;
import com.google.gerrit.extensions.common.SubmitRequirementResultInfo.Status;
import com.google.gerrit.testing.ConfigSuite;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

/**
 * The label and its submit requirement come from the plugin: a project with neither in its
 * hierarchy gets the bot's vote and a requirement that blocks on it; a child project replaces the
 * requirement with its own.
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class PluginLabelAcceptanceTest extends ReviewAcceptanceTestBase {
  @ConfigSuite.Default
  public static Config config() {
    return botConfig();
  }

  @Test
  public void labelAndRequirementComeFromThePluginWithNothingInAllProjects() throws Exception {
    Project.NameKey p = projectOperations.newProject().create();
    assertThat(projectCache.getAllProjects().getConfig().getLabelSections())
        .doesNotContainKey(LABEL);
    // The one line a site still writes: the bot may vote.
    grantVote(p);

    PushOneCommit.Result r = upload(cloneProject(p, admin), "Add client", finding());
    awaitIdle();

    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    ChangeInfo info = changeWithRequirements(r);
    assertThat(info.labels.get(LABEL).values.keySet()).containsExactly("-1", " 0", "+1");
    assertThat(requirement(info).status).isEqualTo(Status.UNSATISFIED);
    assertThat(requirement(info).submittabilityExpressionResult.expression)
        .isEqualTo("-label:" + LABEL + "=MIN");
  }

  @Test
  public void childProjectReplacesTheRequirement() throws Exception {
    Project.NameKey parent = projectOperations.newProject().create();
    Project.NameKey child = projectOperations.newProject().parent(parent).create();
    grantVote(child);
    try (ProjectConfigUpdate u = updateProject(child)) {
      u.getConfig()
          .upsertSubmitRequirement(
              SubmitRequirement.builder()
                  .setName(LABEL)
                  .setDescription(Optional.of("Advice only in this project"))
                  .setApplicabilityExpression(Optional.empty())
                  .setSubmittabilityExpression(SubmitRequirementExpression.create("is:true"))
                  .setOverrideExpression(Optional.empty())
                  .setAllowOverrideInChildProjects(true)
                  .build());
      u.save();
    }

    PushOneCommit.Result r = upload(cloneProject(child, admin), "Add client", finding());
    awaitIdle();

    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    SubmitRequirementResultInfo sr = requirement(changeWithRequirements(r));
    assertThat(sr.status).isEqualTo(Status.SATISFIED);
    assertThat(sr.description).isEqualTo("Advice only in this project");
  }

  private static Map<String, String> finding() {
    return Map.of("ovn/client.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN);
  }

  private ChangeInfo changeWithRequirements(PushOneCommit.Result r) throws Exception {
    return gApi.changes()
        .id(r.getChangeId())
        .get(ListChangesOption.SUBMIT_REQUIREMENTS, ListChangesOption.DETAILED_LABELS);
  }

  private static SubmitRequirementResultInfo requirement(ChangeInfo info) {
    return info.submitRequirements.stream()
        .filter(s -> s.name.equals(LABEL))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no requirement " + LABEL + " in " + info.submitRequirements));
  }
}
