package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.NotifyHandling;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.client.ChangeStatus;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.LabelInfo;
import com.google.gerrit.extensions.restapi.AuthException;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.extensions.restapi.UnprocessableEntityException;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.VoteDecision;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Dismissals.Dismissal;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FindingsCache.Findings;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Dismisses a finding of a change on behalf of a reviewer, and turns the bot's vote accordingly.
 *
 * <p>Who may: whoever may cast the highest value of the project's {@code dismissLabel} on the
 * change (default: Code-Review, so +2). The finding must be one the bot reports on the current
 * patch set. The record of the dismissal is the bot's message carrying its new vote (see {@link
 * Dismissals}); the site-wide count is in the {@link FeedbackStore}.
 */
@Singleton
class Dismisser {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  /** What a dismissal did. */
  record Result(Dismissal dismissal, String label, Short vote, boolean alreadyDismissed) {}

  private final Settings settings;
  private final ReviewPreconditions preconditions;
  private final PatchSetFindings patchSetFindings;
  private final FeedbackStore feedback;
  private final UsefulMarks usefulMarks;
  private final ReviewMetrics metrics;
  private final ChangeLocks locks;
  private final OneOffRequestContext requestContext;
  private final GerritApi gApi;

  @Inject
  Dismisser(
      Settings settings,
      ReviewPreconditions preconditions,
      PatchSetFindings patchSetFindings,
      FeedbackStore feedback,
      UsefulMarks usefulMarks,
      ReviewMetrics metrics,
      ChangeLocks locks,
      OneOffRequestContext requestContext,
      GerritApi gApi) {
    this.settings = settings;
    this.preconditions = preconditions;
    this.patchSetFindings = patchSetFindings;
    this.feedback = feedback;
    this.usefulMarks = usefulMarks;
    this.metrics = metrics;
    this.locks = locks;
    this.requestContext = requestContext;
    this.gApi = gApi;
  }

  /**
   * Dismisses the finding with {@code fingerprint} (in {@code path}, when given) on the current
   * patch set. Runs in the request context of {@code who}, whose permissions are checked.
   *
   * @param byName how the bot's message names {@code who}
   * @param note why, in the reviewer's words; may be empty
   */
  Result dismiss(
      Project.NameKey project,
      int change,
      Account.Id who,
      String byName,
      String fingerprint,
      String path,
      DismissalReason reason,
      String note)
      throws Exception {
    ServerSettings server = settings.server();
    Account.Id bot =
        preconditions
            .activeBot(server)
            .orElseThrow(
                () ->
                    new ResourceConflictException(
                        "the security review has no active bot account on this server"));
    ProjectSettings projectSettings = settings.project(project, server);
    if (!projectSettings.enabled()) {
      throw new ResourceConflictException(
          "the security review is disabled for project " + project.get());
    }
    // As the caller: what they may vote, and the change as they see it.
    ChangeInfo info =
        gApi.changes()
            .id(project.get(), change)
            .get(
                EnumSet.of(
                    ListChangesOption.CURRENT_REVISION,
                    ListChangesOption.MESSAGES,
                    ListChangesOption.DETAILED_LABELS));
    String dismissLabel = settings.dismissLabel(project);
    checkMayDismiss(info, dismissLabel);
    if (info.status != ChangeStatus.NEW) {
      throw new ResourceConflictException("change " + change + " is " + info.status);
    }
    int patchSet = info.revisions.get(info.currentRevision)._number;
    Findings findings =
        patchSetFindings.require(project, info.currentRevision, patchSet, projectSettings, server);
    Finding finding = find(findings.findings(), fingerprint, path, patchSet);
    Lock lock = locks.of(project, change);
    lock.lock();
    try {
      Dismissals before = Dismissals.of(gApi.changes().id(project.get(), change).messages(), bot);
      Dismissal dismissal =
          new Dismissal(
              finding.path(), finding.fingerprint(), reason, finding.ruleId(), who, oneLine(note));
      if (before.dismissed(finding)) {
        return new Result(before.of(finding).get(), projectSettings.label(), null, true);
      }
      VoteDecision decision = findings.decision(projectSettings, before.with(dismissal));
      Short vote = post(project, change, bot, projectSettings.label(), decision, dismissal, byName);
      count(dismissal);
      return new Result(dismissal, projectSettings.label(), vote, false);
    } finally {
      lock.unlock();
    }
  }

  /** The reviewer's note as one line of at most {@value #MAX_NOTE} characters. */
  private static String oneLine(String note) {
    return note == null
        ? ""
        : Shortening.cut(note.strip().replaceAll("\\s+", " "), MAX_NOTE, "\u2026");
  }

  static final int MAX_NOTE = 500;

  /**
   * Counts {@code who}'s judgement of a finding of the change as useful, once per finding: false
   * when they had marked it before, and nothing is counted again.
   */
  boolean useful(int change, Account.Id who, Finding finding) throws IOException {
    if (!usefulMarks.add(change, who, finding.path(), finding.fingerprint())) {
      return false;
    }
    feedback.useful(finding.ruleId());
    metrics.markedUseful(finding.ruleId());
    return true;
  }

  /**
   * The finding of the patch set's findings with {@code fingerprint}, in {@code path} when given (a
   * fingerprint names a statement, which two files may share).
   */
  static Finding find(List<Finding> findings, String fingerprint, String path, int patchSet)
      throws RestApiException {
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new BadRequestException("fingerprint is required");
    }
    List<Finding> matching =
        findings.stream()
            .filter(f -> fingerprint.equals(f.fingerprint()))
            .filter(f -> path == null || path.isBlank() || path.equals(f.path()))
            .toList();
    if (matching.isEmpty()) {
      throw new UnprocessableEntityException(
          "patch set "
              + patchSet
              + " has no finding with fingerprint "
              + fingerprint
              + (path == null || path.isBlank() ? "" : " in " + path));
    }
    if (matching.stream().map(Finding::path).distinct().count() > 1) {
      throw new BadRequestException(
          "fingerprint "
              + fingerprint
              + " is in several files ("
              + String.join(", ", matching.stream().map(Finding::path).distinct().toList())
              + "): give path");
    }
    return matching.getFirst();
  }

  /** Whether the caller may cast the label's highest value on the change, as Gerrit says. */
  private static void checkMayDismiss(ChangeInfo info, String label) throws AuthException {
    LabelInfo l = info.labels == null ? null : info.labels.get(label);
    short max = highest(l);
    Collection<String> permitted =
        info.permittedLabels == null ? null : info.permittedLabels.get(label);
    boolean allowed =
        max > 0
            && permitted != null
            && permitted.stream().anyMatch(v -> v.trim().equals(VoteDecision.format(max)));
    if (!allowed) {
      throw new AuthException(
          "only users who may vote "
              + label
              + (max > 0 ? VoteDecision.format(max) : " (its highest value)")
              + " on this change may dismiss its findings");
    }
  }

  private static short highest(LabelInfo l) {
    short max = 0;
    if (l != null && l.values != null) {
      for (String v : l.values.keySet()) {
        try {
          max = (short) Math.max(max, Short.parseShort(v.trim()));
        } catch (NumberFormatException e) {
          // Not a value: skip it.
        }
      }
    }
    return max;
  }

  /**
   * Posts the bot's message recording the dismissal, with the new vote when the bot may cast it.
   * Returns the vote posted, or null.
   */
  private Short post(
      Project.NameKey project,
      int change,
      Account.Id bot,
      String label,
      VoteDecision decision,
      Dismissal dismissal,
      String byName)
      throws RestApiException {
    try (ManualRequestContext ctx = requestContext.openAs(bot)) {
      ReviewInput in = new ReviewInput();
      in.tag = Dismissals.TAG;
      in.notify = NotifyHandling.OWNER;
      in.message =
          Dismissals.message(
              label + " " + VoteDecision.format(decision.value()), dismissal, byName);
      in.label(label, decision.value());
      try {
        gApi.changes().id(project.get(), change).current().review(in);
        return decision.value();
      } catch (AuthException | BadRequestException e) {
        // The bot may not cast that vote (or the label is gone): the record is kept all the same.
        logger.atWarning().log(
            "security-review: %s~%d: posting the dismissal without a vote: %s",
            project.get(), change, e.getMessage());
        in.labels = null;
        in.message =
            Dismissals.message(
                "No new vote (" + Shortening.cut(e.getMessage(), 200, "\u2026") + ")",
                dismissal,
                byName);
        gApi.changes().id(project.get(), change).current().review(in);
        return null;
      }
    }
  }

  private void count(Dismissal d) {
    metrics.dismissed(d.ruleId(), d.reason());
    try {
      feedback.dismissed(d.ruleId(), d.reason());
    } catch (IOException e) {
      // The change holds the dismissal; only the site-wide count misses one.
      logger.atWarning().withCause(e).log(
          "security-review: cannot count the dismissal of %s (%s)", d.ruleId(), d.reason().id());
    }
  }
}
