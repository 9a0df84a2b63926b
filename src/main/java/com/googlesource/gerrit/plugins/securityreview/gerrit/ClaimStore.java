package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.common.Nullable;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.server.config.AllProjectsName;
import com.google.gerrit.server.config.GerritInstanceId;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Claims on patch sets, so that one node reviews each: a ref per patch set in All-Projects, {@code
 * refs/security-review/claims/NN/CHANGE/PATCHSET} (NN: the change number's last two digits, as in
 * {@code refs/changes/}), pointing to a small text blob that names the node, the state (running or
 * done) and when the claim was last written.
 *
 * <p>Every write is a compare-and-swap of the ref's exact old value (for a new claim: "no ref"),
 * which succeeds for one writer only; under multi-site the global ref-db makes it one cluster-wide
 * compare-and-swap. A running claim not renewed within the lease (its node died) may be taken over
 * by another node. The review that holds a claim renews it while it runs ({@link #renewHeld}) and
 * once more right before it posts ({@link #renew}): a review whose claim was taken over meanwhile
 * therefore never posts. A done claim stays until the change closes ({@link #removeChange}).
 */
@Singleton
class ClaimStore {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  static final String PREFIX = "refs/security-review/claims/";

  /** How often one claim is tried before giving up to whoever keeps winning the race. */
  private static final int ATTEMPTS = 3;

  /** A claim blob is a few short lines; anything longer is not ours. */
  private static final int MAX_CLAIM_SIZE = 4096;

  enum State {
    RUNNING,
    DONE
  }

  /** What a claim ref says: who wrote it, in which state, and when. */
  record Claim(String node, State state, Instant at) {
    /** A running claim its node stopped renewing: it may be taken over. */
    boolean expired(Instant now, Duration lease) {
      return state == State.RUNNING && at.plus(lease).isBefore(now);
    }

    String describe() {
      return (state == State.DONE ? "reviewed by " : "claimed by ") + node + " at " + at;
    }
  }

  /** A claim this node holds while it reviews; the ref's value changes with every renewal. */
  static final class Held {
    private final ReviewRequest req;
    private final String ref;
    private ObjectId id;
    private boolean ours = true;

    private Held(ReviewRequest req, String ref, ObjectId id) {
      this.req = req;
      this.ref = ref;
      this.id = id;
    }
  }

  /**
   * The claim taken, or the claim that stood in the way. Exactly one of the two is null.
   *
   * @param tookOver whether the claim taken had expired on another node (or an earlier run)
   */
  record Acquisition(Held held, Claim other, boolean tookOver) {}

  private final GitRepositoryManager repoManager;
  private final AllProjectsName allProjects;
  private final GitReferenceUpdated refUpdated;
  private final String pluginName;
  private final String node;
  private final Clock clock;
  private final Set<Held> held = ConcurrentHashMap.newKeySet();

  @Inject
  ClaimStore(
      GitRepositoryManager repoManager,
      AllProjectsName allProjects,
      GitReferenceUpdated refUpdated,
      @PluginName String pluginName,
      @GerritInstanceId @Nullable String instanceId) {
    this(
        repoManager,
        allProjects,
        refUpdated,
        pluginName,
        instanceId != null ? instanceId : hostName(),
        Clock.systemUTC());
  }

  /** For tests: another node, perhaps with a clock of its own. */
  ClaimStore(
      GitRepositoryManager repoManager,
      AllProjectsName allProjects,
      GitReferenceUpdated refUpdated,
      String pluginName,
      String node,
      Clock clock) {
    this.repoManager = repoManager;
    this.allProjects = allProjects;
    this.refUpdated = refUpdated;
    this.pluginName = pluginName;
    this.node = node;
    this.clock = clock;
  }

  static String refName(int change, int patchSet) {
    return String.format(Locale.ROOT, "%s%02d/%d/%d", PREFIX, change % 100, change, patchSet);
  }

  private static String changePrefix(int change) {
    return String.format(Locale.ROOT, "%s%02d/%d/", PREFIX, change % 100, change);
  }

  /** The claim on the patch set as the ref stands now, if there is one. */
  Optional<Claim> current(int change, int patchSet) throws IOException {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      Ref ref = repo.exactRef(refName(change, patchSet));
      return ref == null ? Optional.empty() : Optional.of(read(repo, ref.getObjectId()));
    }
  }

  /**
   * Claims the patch set for this node. Refused while another review holds a claim renewed within
   * {@code lease}, and, unless the request forces a new review, when a review of it is done.
   */
  Acquisition acquire(ReviewRequest req, Duration lease) throws IOException {
    String ref = refName(req.change(), req.patchSet());
    try (Repository repo = repoManager.openRepository(allProjects)) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Ref current = repo.exactRef(ref);
        Claim before = null;
        if (current != null) {
          before = read(repo, current.getObjectId());
          boolean rerun = before.state() == State.DONE && req.force();
          if (!rerun && !before.expired(clock.instant(), lease)) {
            return new Acquisition(null, before, false);
          }
        }
        ObjectId expected = current == null ? ObjectId.zeroId() : current.getObjectId();
        ObjectId id = write(repo, State.RUNNING);
        if (swap(repo, ref, expected, id)) {
          boolean tookOver = before != null && before.state() == State.RUNNING;
          if (tookOver) {
            logger.atWarning().log(
                "security-review: %s: took over the claim of %s: not renewed within %s"
                    + " (plugin.%s.claimLease)",
                req, before.node(), lease, pluginName);
          }
          Held h = new Held(req, ref, id);
          held.add(h);
          return new Acquisition(h, null, tookOver);
        }
      }
      // Every attempt lost a race, or (under multi-site) this node has not yet received the
      // claim another node made: the global ref-db refused the create.
      Ref current = repo.exactRef(ref);
      return new Acquisition(
          null,
          current != null
              ? read(repo, current.getObjectId())
              : new Claim("another node", State.RUNNING, clock.instant()),
          false);
    }
  }

  /**
   * Writes the claim anew, so that its lease starts again. False when the claim is no longer ours:
   * another node took it over, or it was removed because the change closed.
   */
  boolean renew(Held h) throws IOException {
    synchronized (h) {
      if (!h.ours) {
        return false;
      }
      try (Repository repo = repoManager.openRepository(allProjects)) {
        ObjectId id = write(repo, State.RUNNING);
        if (swap(repo, h.ref, h.id, id)) {
          h.id = id;
          return true;
        }
      }
      h.ours = false;
      held.remove(h);
      logger.atWarning().log(
          "security-review: %s: lost the claim (taken over or removed); not posting", h.req);
      return false;
    }
  }

  /** Renews every claim this node holds, so that a long review keeps its claim; never throws. */
  void renewHeld() {
    for (Held h : held) {
      try {
        renew(h);
      } catch (IOException | RuntimeException e) {
        // Caught, or the schedule would stop renewing every claim from now on.
        logger.atWarning().withCause(e).log("security-review: %s: cannot renew the claim", h.req);
      }
    }
  }

  /**
   * Ends the claim: marks it done when the patch set is reviewed, or removes it so that a later
   * attempt (a retry, the next sweep, another node) may claim the patch set again.
   */
  void finish(Held h, boolean reviewed) {
    synchronized (h) {
      held.remove(h);
      if (!h.ours) {
        return;
      }
      h.ours = false;
      try (Repository repo = repoManager.openRepository(allProjects)) {
        ObjectId next = reviewed ? write(repo, State.DONE) : null;
        if (!swap(repo, h.ref, h.id, next)) {
          logger.atWarning().log(
              "security-review: %s: the claim changed meanwhile; left as it is", h.req);
        }
      } catch (IOException e) {
        // A claim left running expires after its lease; one left done only waits for the close.
        logger.atWarning().withCause(e).log(
            "security-review: %s: cannot %s the claim", h.req, reviewed ? "mark done" : "remove");
      }
    }
  }

  /** Removes the claims of every patch set of the change: it closed. */
  void removeChange(int change) throws IOException {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      for (Ref r : repo.getRefDatabase().getRefsByPrefix(changePrefix(change))) {
        swap(repo, r.getName(), r.getObjectId(), null);
      }
    }
  }

  /** The claims as they are now, listed once: what a sweep checks its candidates against. */
  Snapshot snapshot() throws IOException {
    Repository repo = repoManager.openRepository(allProjects);
    try {
      Map<String, ObjectId> refs = new HashMap<>();
      for (Ref r : repo.getRefDatabase().getRefsByPrefix(PREFIX)) {
        refs.put(r.getName(), r.getObjectId());
      }
      return new Snapshot(repo, refs);
    } catch (IOException | RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  /** The claim refs listed by {@link #snapshot}; the claims themselves are read on demand. */
  final class Snapshot implements AutoCloseable {
    private final Repository repo;
    private final Map<String, ObjectId> refs;

    private Snapshot(Repository repo, Map<String, ObjectId> refs) {
      this.repo = repo;
      this.refs = refs;
    }

    /** Whether the patch set needs no review from a sweep: done, or claimed by a live review. */
    boolean settled(int change, int patchSet, Duration lease) throws IOException {
      ObjectId id = refs.get(refName(change, patchSet));
      if (id == null) {
        return false;
      }
      Claim c = read(repo, id);
      return c.state() == State.DONE || !c.expired(clock.instant(), lease);
    }

    /** The changes that have claims. */
    Set<Integer> changes() {
      Set<Integer> out = new HashSet<>();
      for (String ref : refs.keySet()) {
        String[] parts = ref.substring(PREFIX.length()).split("/");
        if (parts.length == 3) {
          try {
            out.add(Integer.parseInt(parts[1]));
          } catch (NumberFormatException e) {
            // Not a ref of ours: leave it alone.
          }
        }
      }
      return out;
    }

    @Override
    public void close() {
      repo.close();
    }
  }

  private ObjectId write(Repository repo, State state) throws IOException {
    // The nonce makes every claim a distinct object, so that a swap can tell two writes apart.
    String text =
        "node "
            + node
            + "\nstate "
            + state.name().toLowerCase(Locale.ROOT)
            + "\nat "
            + clock.instant()
            + "\nnonce "
            + UUID.randomUUID()
            + "\n";
    return RefSwaps.insertBlob(repo, text);
  }

  /** A claim that cannot be read counts as running since ever: it expires, and is taken over. */
  private Claim read(Repository repo, ObjectId id) throws IOException {
    String text;
    try {
      text = new String(repo.open(id, Constants.OBJ_BLOB).getCachedBytes(MAX_CLAIM_SIZE), UTF_8);
    } catch (LargeObjectException | IncorrectObjectTypeException e) {
      text = "";
    }
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        fields.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    try {
      return new Claim(
          fields.getOrDefault("node", "an unknown node"),
          State.valueOf(fields.getOrDefault("state", "").toUpperCase(Locale.ROOT)),
          Instant.parse(fields.getOrDefault("at", "")));
    } catch (IllegalArgumentException | DateTimeException e) {
      logger.atWarning().log("security-review: unreadable claim %s; treated as expired", id.name());
      return new Claim("an unknown node", State.RUNNING, Instant.EPOCH);
    }
  }

  private boolean swap(Repository repo, String ref, ObjectId expected, @Nullable ObjectId next)
      throws IOException {
    return RefSwaps.swap(repo, allProjects, refUpdated, ref, expected, next);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "an unnamed host";
    }
  }
}
