package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.config.AllProjectsName;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.testing.ConfigSuite;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

/**
 * {@code GET ~status}: where the bot's review of a patch set stands, as the Checks tab shows it,
 * read from the change and the claim refs that every node sees.
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class StatusAcceptanceTest extends ReviewAcceptanceTestBase {
  private static final Map<String, String> FINDING =
      Map.of("ovn/client.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN);

  @Inject private AllProjectsName allProjects;
  @Inject private GitReferenceUpdated refUpdated;

  @ConfigSuite.Default
  public static Config config() {
    return botConfig();
  }

  @Test
  public void completedWithTheReviewsSummary() throws Exception {
    PushOneCommit.Result r = upload(cloneProject(project, admin), "Add client", FINDING);
    awaitIdle();

    JsonObject s = status(r, 1);
    assertThat(s.get("status").getAsString()).isEqualTo("COMPLETED");
    assertThat(s.get("detail").getAsString())
        .startsWith("Security review of patch set 1: 1 finding on changed lines");
    assertThat(s.get("label").getAsString()).isEqualTo(LABEL);
    assertThat(s.get("doc_url").getAsString())
        .endsWith("/plugins/" + PLUGIN + "/Documentation/about.html");
    assertThat(s.has("finished")).isTrue();
  }

  @Test
  public void scheduledThenRunningOnAnotherNodeThenNotScheduled() throws Exception {
    // The bot may not vote here: its review fails, nothing is posted, and the sweep would retry.
    Project.NameKey p = projectOperations.newProject().create();
    TestRepository<InMemoryRepository> repo = cloneProject(p, admin);
    PushOneCommit.Result r = upload(repo, "Add client", FINDING);
    awaitIdle();
    assertThat(status(r, 1).get("status").getAsString()).isEqualTo("SCHEDULED");

    ClaimStore nodeB =
        new ClaimStore(repoManager, allProjects, refUpdated, PLUGIN, "node-b", Clock.systemUTC());
    ClaimStore.Acquisition claim = nodeB.acquire(request(p, r, 1), Duration.ofMinutes(5));
    assertThat(claim.held()).isNotNull();
    JsonObject running = status(r, 1);
    assertThat(running.get("status").getAsString()).isEqualTo("RUNNING");
    assertThat(running.get("detail").getAsString()).isEqualTo("Being reviewed on node-b.");
    nodeB.finish(claim.held(), false);

    setPluginConfig(p, "reviewWip", "false");
    gApi.changes().id(r.getChangeId()).setWorkInProgress();
    JsonObject wip = status(r, 1);
    assertThat(wip.get("status").getAsString()).isEqualTo("NOT_SCHEDULED");
    assertThat(wip.get("detail").getAsString()).startsWith("Work in progress");

    gApi.changes().id(r.getChangeId()).setReadyForReview();
    amend(repo, r, Map.of("ovn/client.py", SecurityReviewAcceptanceTest.CLEAN));
    awaitIdle();
    JsonObject superseded = status(r, 1);
    assertThat(superseded.get("status").getAsString()).isEqualTo("NOT_SCHEDULED");
    assertThat(superseded.get("detail").getAsString()).contains("newer patch set");
  }

  @Test
  public void disabledProjectHasNoRun() throws Exception {
    Project.NameKey p = projectOperations.newProject().create();
    setPluginEnabled(p, false);
    PushOneCommit.Result r = upload(cloneProject(p, admin), "Add client", FINDING);
    awaitIdle();
    assertThat(status(r, 1).get("status").getAsString()).isEqualTo("DISABLED");
  }

  private JsonObject status(PushOneCommit.Result r, int patchSet) throws Exception {
    RestResponse response =
        adminRestSession.get(
            "/changes/" + r.getChangeId() + "/revisions/" + patchSet + "/" + PLUGIN + "~status");
    response.assertOK();
    return JsonParser.parseReader(response.getReader()).getAsJsonObject();
  }
}
