package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.ChangeMessage;
import com.google.gerrit.entities.PatchSet;
import com.google.gerrit.extensions.restapi.Response;
import com.google.gerrit.extensions.restapi.RestReadView;
import com.google.gerrit.server.change.RevisionResource;
import com.google.gerrit.server.permissions.ChangePermission;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /changes/{id}/revisions/{rev}/security-review~status}: where the bot's review of the
 * patch set stands (scheduled, running on some node, completed with its summary, or not going to
 * happen and why), for the Checks tab. Read from what every node sees: the change's messages and
 * the claim refs in All-Projects, never from one node's queue.
 */
@Singleton
public class StatusView implements RestReadView<RevisionResource> {
  /** Where the review of a patch set stands. */
  public enum Status {
    /** Waiting for a worker of the review queue, or for the next sweep. */
    SCHEDULED,
    /** A node holds the claim on the patch set and renews it. */
    RUNNING,
    /** The bot posted its review of the patch set, or found no file to review. */
    COMPLETED,
    /** The bot will not review it on its own (an older patch set, a closed or WIP change). */
    NOT_SCHEDULED,
    /** The bot account is not set or does not exist: nothing is reviewed. */
    NOT_CONFIGURED,
    /** The project has the plugin disabled. */
    DISABLED
  }

  /** The JSON answer. */
  public static class StatusInfo {
    public int patchSet;
    public Status status;

    /** The label the bot votes on. */
    public String label;

    /** The plugin's documentation, for a link to what the check is. */
    public String docUrl;

    /** The review's summary when completed (its first line is the headline), else why. */
    public String detail;

    /** When the review was posted (completed only). */
    public Timestamp finished;
  }

  private final Settings settings;
  private final ReviewPreconditions preconditions;
  private final ClaimStore claims;
  private final PluginDocs docs;

  @Inject
  StatusView(
      Settings settings, ReviewPreconditions preconditions, ClaimStore claims, PluginDocs docs) {
    this.settings = settings;
    this.preconditions = preconditions;
    this.claims = claims;
    this.docs = docs;
  }

  @Override
  public Response<StatusInfo> apply(RevisionResource rsrc) throws Exception {
    rsrc.permissions().check(ChangePermission.READ);
    ServerSettings server = settings.server();
    ProjectSettings project = settings.project(rsrc.getProject(), server);
    PatchSet.Id ps = rsrc.getPatchSet().id();
    StatusInfo info = new StatusInfo();
    info.patchSet = ps.get();
    info.label = project.label();
    info.docUrl = docs.base() + "about.html";
    if (!project.enabled()) {
      return Response.ok(
          answer(info, Status.DISABLED, "the security review is disabled for this project"));
    }
    Optional<Account.Id> bot = preconditions.activeBot(server);
    if (bot.isEmpty()) {
      return Response.ok(
          answer(info, Status.NOT_CONFIGURED, "the plugin has no bot account to review with"));
    }
    Optional<ChangeMessage> review =
        BotReviews.newest(rsrc.getNotes().getChangeMessages(), bot.get(), ps);
    if (review.isPresent()) {
      info.finished = Timestamp.from(review.get().getWrittenOn());
      return Response.ok(answer(info, Status.COMPLETED, summary(review.get().getMessage())));
    }
    Optional<ClaimStore.Claim> claim = claims.current(ps.changeId().get(), ps.get());
    if (claim.isPresent()) {
      ClaimStore.Claim c = claim.get();
      if (c.state() == ClaimStore.State.DONE) {
        return Response.ok(answer(info, Status.COMPLETED, "No file to review in this patch set."));
      }
      if (!c.expired(Instant.now(), settings.delivery().claimLease())) {
        return Response.ok(answer(info, Status.RUNNING, "Being reviewed on " + c.node() + "."));
      }
    }
    if (!rsrc.getChange().isNew()) {
      return Response.ok(
          answer(info, Status.NOT_SCHEDULED, "The change is closed; it was not reviewed."));
    }
    if (!rsrc.isCurrent()) {
      return Response.ok(
          answer(
              info,
              Status.NOT_SCHEDULED,
              "A newer patch set superseded this one before it was reviewed."));
    }
    if (rsrc.getChange().isWorkInProgress() && !project.reviewWip()) {
      return Response.ok(
          answer(
              info,
              Status.NOT_SCHEDULED,
              "Work in progress: reviewed once it is ready, or when run by hand."));
    }
    return Response.ok(
        answer(info, Status.SCHEDULED, "Queued: the review starts when a worker is free."));
  }

  private static StatusInfo answer(StatusInfo info, Status status, String detail) {
    info.status = status;
    info.detail = detail;
    return info;
  }

  /**
   * The bot's summary without the lines Gerrit adds to a review message: {@code Patch Set 1:
   * Security-Review-1} (with the vote) and {@code (5 comments)}.
   */
  static String summary(String message) {
    String text = message.strip();
    if (text.startsWith("Patch Set ")) {
      int end = text.indexOf('\n');
      text = end < 0 ? "" : text.substring(end + 1).strip();
    }
    if (text.matches("(?s)\\(\\d+ (inline )?comments?\\).*")) {
      int end = text.indexOf('\n');
      text = end < 0 ? "" : text.substring(end + 1).strip();
    }
    return text;
  }
}
