package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gerrit.entities.Project;
import com.google.gerrit.server.config.AllProjectsName;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.update.context.RefUpdateContext;
import com.google.gerrit.server.update.context.RefUpdateContext.RefUpdateType;
import com.google.gerrit.testing.InMemoryRepositoryManager;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ClaimStore.Acquisition;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ClaimStore.Held;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ClaimStore.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.Before;
import org.junit.Test;

/** Claims of two nodes on one repository, with a clock the test moves. */
public class ClaimStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final AllProjectsName ALL_PROJECTS = new AllProjectsName("All-Projects");
  private static final ReviewRequest REQ =
      new ReviewRequest(Project.nameKey("p"), 1234, 2, null, false);
  private static final ReviewRequest RERUN =
      new ReviewRequest(Project.nameKey("p"), 1234, 2, null, true);

  /** A clock both nodes share, moved by the test. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-08-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final InMemoryRepositoryManager repoManager = new InMemoryRepositoryManager();
  private final TestClock clock = new TestClock();
  private ClaimStore nodeA;
  private ClaimStore nodeB;

  @Before
  public void setUp() throws Exception {
    repoManager.createRepository(ALL_PROJECTS).close();
    nodeA = node("node-a");
    nodeB = node("node-b");
  }

  private ClaimStore node(String name) {
    return new ClaimStore(
        repoManager, ALL_PROJECTS, GitReferenceUpdated.DISABLED, "security-review", name, clock);
  }

  @Test
  public void oneNodeClaimsThePatchSetTheOtherIsTurnedAway() throws Exception {
    Acquisition a = nodeA.acquire(REQ, LEASE);
    assertThat(a.held()).isNotNull();
    Acquisition b = nodeB.acquire(REQ, LEASE);
    assertThat(b.held()).isNull();
    assertThat(b.other().node()).isEqualTo("node-a");
    assertThat(b.other().state()).isEqualTo(State.RUNNING);
    assertThat(claimText()).contains("node node-a\nstate running\nat 2026-08-01T10:00:00Z\n");
  }

  @Test
  public void doneClaimTurnsAwayAReviewButNotARerun() throws Exception {
    nodeA.finish(nodeA.acquire(REQ, LEASE).held(), true);
    clock.advance(LEASE.multipliedBy(10));
    Acquisition b = nodeB.acquire(REQ, LEASE);
    assertThat(b.held()).isNull();
    assertThat(b.other().describe()).isEqualTo("reviewed by node-a at 2026-08-01T10:00:00Z");
    assertThat(nodeB.acquire(RERUN, LEASE).held()).isNotNull();
  }

  @Test
  public void freedClaimCanBeTakenAgain() throws Exception {
    nodeA.finish(nodeA.acquire(REQ, LEASE).held(), false);
    assertThat(claimRef()).isNull();
    assertThat(nodeB.acquire(REQ, LEASE).held()).isNotNull();
  }

  @Test
  public void expiredClaimIsTakenOverAndItsHolderNoLongerPosts() throws Exception {
    Held a = nodeA.acquire(REQ, LEASE).held();
    clock.advance(LEASE);
    assertThat(nodeB.acquire(REQ, LEASE).held()).isNull();
    clock.advance(Duration.ofSeconds(1));
    Held b = nodeB.acquire(REQ, LEASE).held();
    assertThat(b).isNotNull();

    assertThat(nodeA.renew(a)).isFalse();
    // The late holder's end leaves the new holder's claim alone.
    nodeA.finish(a, true);
    assertThat(claimText()).contains("node node-b\nstate running\n");
    assertThat(nodeB.renew(b)).isTrue();
  }

  @Test
  public void renewedClaimHoldsPastItsFirstLease() throws Exception {
    nodeA.acquire(REQ, LEASE);
    clock.advance(LEASE.multipliedBy(2).dividedBy(3));
    nodeA.renewHeld();
    clock.advance(LEASE.dividedBy(2));
    assertThat(nodeB.acquire(REQ, LEASE).held()).isNull();
    clock.advance(LEASE);
    assertThat(nodeB.acquire(REQ, LEASE).held()).isNotNull();
  }

  @Test
  public void unreadableClaimCountsAsExpired() throws Exception {
    try (Repository repo = repoManager.openRepository(ALL_PROJECTS);
        ObjectInserter ins = repo.newObjectInserter();
        RefUpdateContext ctx = RefUpdateContext.open(RefUpdateType.PLUGIN)) {
      ObjectId junk = ins.insert(Constants.OBJ_BLOB, "not a claim\n".getBytes(UTF_8));
      ins.flush();
      RefUpdate u = repo.updateRef(ClaimStore.refName(REQ.change(), REQ.patchSet()));
      u.setNewObjectId(junk);
      assertThat(u.update()).isEqualTo(RefUpdate.Result.NEW);
    }
    assertThat(nodeB.acquire(REQ, LEASE).held()).isNotNull();
  }

  @Test
  public void closedChangeLosesEveryClaimOthersKeepTheirs() throws Exception {
    ReviewRequest ps1 = new ReviewRequest(Project.nameKey("p"), 1234, 1, null, false);
    ReviewRequest other = new ReviewRequest(Project.nameKey("q"), 34, 1, null, false);
    nodeA.finish(nodeA.acquire(ps1, LEASE).held(), true);
    Held running = nodeA.acquire(REQ, LEASE).held();
    nodeA.acquire(other, LEASE);
    try (ClaimStore.Snapshot s = nodeB.snapshot()) {
      assertThat(s.changes()).containsExactly(1234, 34);
      assertThat(s.settled(1234, 1, LEASE)).isTrue();
      assertThat(s.settled(1234, 2, LEASE)).isTrue();
      assertThat(s.settled(1234, 3, LEASE)).isFalse();
    }

    nodeB.removeChange(1234);
    // The review still running on the closed change does not post.
    assertThat(nodeA.renew(running)).isFalse();
    try (ClaimStore.Snapshot s = nodeB.snapshot()) {
      assertThat(s.changes()).containsExactly(34);
    }
  }

  @Test
  public void refNamesShardByTheLastTwoDigits() {
    assertThat(ClaimStore.refName(1234, 2)).isEqualTo("refs/security-review/claims/34/1234/2");
    assertThat(ClaimStore.refName(7, 1)).isEqualTo("refs/security-review/claims/07/7/1");
  }

  private Ref claimRef() throws Exception {
    try (Repository repo = repoManager.openRepository(ALL_PROJECTS)) {
      return repo.exactRef(ClaimStore.refName(REQ.change(), REQ.patchSet()));
    }
  }

  private String claimText() throws Exception {
    try (Repository repo = repoManager.openRepository(ALL_PROJECTS)) {
      return new String(repo.open(claimRef().getObjectId()).getBytes(), UTF_8);
    }
  }
}
