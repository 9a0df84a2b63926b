package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;

import com.google.common.collect.ImmutableMap;
import com.google.gerrit.acceptance.LightweightPluginDaemonTest;
import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.testsuite.account.AccountOperations;
import com.google.gerrit.acceptance.testsuite.group.GroupOperations;
import com.google.gerrit.acceptance.testsuite.project.ProjectOperations;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.AccountGroup;
import com.google.gerrit.extensions.api.changes.NotifyHandling;
import com.google.gerrit.extensions.client.ChangeKind;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.LabelDefinitionInput;
import com.google.gerrit.extensions.common.RevisionInfo;
import com.google.gerrit.extensions.events.RevisionCreatedListener;
import com.google.gerrit.testing.ConfigSuite;
import com.google.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Benchmark, skipped unless {@code -Dsecurity-review.bench=true}: time from push to the bot's
 * review being stored (p50, p95 over 50 uploads that each modify a file of the branch, so both
 * versions are checked), and the time the listener itself takes.
 *
 * <pre>
 * SECURITY_REVIEW_BUILD_DIR=target-x ./run test -Dtest=ReviewLatencyBenchmarkTest \
 *     -Dsecurity-review.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class ReviewLatencyBenchmarkTest extends LightweightPluginDaemonTest {
  private static final int UPLOADS = 50;

  @ConfigSuite.Default
  public static Config config() {
    Config cfg = new Config();
    cfg.setString("plugin", "security-review", "account", "security-bot");
    return cfg;
  }

  @BeforeClass
  public static void onlyWhenAsked() {
    Assume.assumeTrue(Boolean.getBoolean("security-review.bench"));
  }

  @Inject private AccountOperations accountOperations;
  @Inject private GroupOperations groupOperations;
  @Inject private ProjectOperations projectOperations;

  @Test
  public void pushToReview() throws Exception {
    Account.Id bot = accountOperations.newAccount().username("security-bot").create();
    AccountGroup.UUID bots = groupOperations.newGroup().addMember(bot).create();
    LabelDefinitionInput in = new LabelDefinitionInput();
    in.function = "NoBlock";
    in.values = ImmutableMap.of("-1", "Issues", " 0", "None", "+1", "OK");
    gApi.projects().name(project.get()).label("Security-Review").create(in);
    projectOperations
        .project(project)
        .forUpdate()
        .add(allowLabel("Security-Review").ref("refs/heads/*").group(bots).range(-1, 1))
        .update();

    // Each upload modifies a file of the branch, so the review also checks its base version.
    pushFactory
        .create(
            admin.newIdent(),
            testRepo,
            "Base",
            Map.of("ovn/m.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN))
        .to("refs/heads/master")
        .assertOkStatus();
    List<Long> latencies = new ArrayList<>();
    PushOneCommit.Result last = null;
    for (int i = 0; i < UPLOADS; i++) {
      String file =
          SecurityReviewAcceptanceTest.UNCHECKED_TXN
              + "\n\ndef helper_"
              + i
              + "(x):\n    return x + "
              + i
              + "\n";
      long start = System.nanoTime();
      last =
          pushFactory
              .create(admin.newIdent(), testRepo, "Change " + i, Map.of("ovn/m.py", file))
              .to("refs/for/master");
      String id = last.getChangeId();
      while (gApi.changes().id(id).messages().stream()
          .noneMatch(m -> ReviewBuilder.TAG.equals(m.tag))) {
        Thread.sleep(5);
      }
      latencies.add((System.nanoTime() - start) / 1_000_000);
      testRepo.reset("HEAD~1");
    }

    // The listener alone: what a push waits for.
    RevisionListener listener = plugin.getSysInjector().getInstance(RevisionListener.class);
    ReviewQueue queue = plugin.getSysInjector().getInstance(ReviewQueue.class);
    RevisionCreatedListener.Event event = event(last);
    List<Long> listenerNanos = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long s = System.nanoTime();
      listener.onRevisionCreated(event);
      listenerNanos.add(System.nanoTime() - s);
      while (queue.pending() > 0) {
        Thread.sleep(1);
      }
    }

    Collections.sort(latencies);
    Collections.sort(listenerNanos);
    System.out.printf(
        "BENCH push-to-review over %d uploads: p50 %d ms, p95 %d ms, max %d ms%n",
        UPLOADS, pct(latencies, 50), pct(latencies, 95), latencies.get(latencies.size() - 1));
    System.out.printf(
        "BENCH listener over %d calls: p50 %d us, p95 %d us, max %d us%n",
        listenerNanos.size(),
        pct(listenerNanos, 50) / 1000,
        pct(listenerNanos, 95) / 1000,
        listenerNanos.get(listenerNanos.size() - 1) / 1000);
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (sorted.size() * p + 99) / 100 - 1));
  }

  private RevisionCreatedListener.Event event(PushOneCommit.Result r) {
    ChangeInfo change = new ChangeInfo();
    change.project = project.get();
    change._number = r.getChange().getId().get();
    RevisionInfo rev = new RevisionInfo();
    rev._number = 1;
    rev.kind = ChangeKind.REWORK;
    return new RevisionCreatedListener.Event() {
      @Override
      public ChangeInfo getChange() {
        return change;
      }

      @Override
      public RevisionInfo getRevision() {
        return rev;
      }

      @Override
      public AccountInfo getWho() {
        return new AccountInfo(admin.id().get());
      }

      @Override
      public Instant getWhen() {
        return Instant.now();
      }

      @Override
      public NotifyHandling getNotify() {
        return NotifyHandling.NONE;
      }
    };
  }
}
