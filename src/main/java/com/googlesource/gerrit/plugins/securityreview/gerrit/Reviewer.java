package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.common.util.concurrent.Striped;
import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.ChangeApi;
import com.google.gerrit.extensions.api.changes.NotifyHandling;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.client.ChangeKind;
import com.google.gerrit.extensions.client.ChangeStatus;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.extensions.common.RevisionInfo;
import com.google.gerrit.extensions.restapi.ResourceNotFoundException;
import com.google.gerrit.server.account.AccountCache;
import com.google.gerrit.server.account.AccountState;
import com.google.gerrit.server.config.CanonicalWebUrl;
import com.google.gerrit.server.experiments.ExperimentFeatures;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * Reviews one patch set and posts the result as the bot, at most once per patch set.
 *
 * <p>Idempotence needs no local state: before posting, the change itself is asked whether the bot
 * already left a review tagged {@value ReviewBuilder#TAG} on that patch set. A retried or
 * duplicated event, a plugin reload or a second primary therefore finds it and stops.
 *
 * <p>Likewise the bot's comments on earlier patch sets are read from the change ({@link
 * BotThreads}): a finding commented on before is not commented on again.
 */
@Singleton
public class Reviewer {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  public static final String FIX_SUGGESTIONS_FLAG =
      "GerritBackendFeature__allow_fix_suggestions_in_comments";

  private static final Set<ChangeKind> SAME_CODE =
      EnumSet.of(
          ChangeKind.TRIVIAL_REBASE,
          ChangeKind.TRIVIAL_REBASE_WITH_MESSAGE_UPDATE,
          ChangeKind.NO_CODE_CHANGE,
          ChangeKind.NO_CHANGE);

  /** How a review ended. */
  public enum Status {
    POSTED,
    CARRIED_OVER,
    NOTHING_TO_REVIEW,
    ALREADY_REVIEWED,
    OUTDATED,
    CLOSED,
    DISABLED,
    WIP_SKIPPED,
    CHANGE_MISSING,
    NOT_CONFIGURED,
    BOT_MISSING,
    LABEL_MISSING,
    NOT_PERMITTED
  }

  /**
   * @param vote the vote posted, null when nothing was posted
   * @param comments inline comments posted: new threads and replies on earlier ones
   */
  public record Outcome(Status status, String detail, Short vote, int comments) {
    static Outcome of(Status status, String detail) {
      return new Outcome(status, detail, null, 0);
    }
  }

  private final Settings settings;
  private final AccountCache accountCache;
  private final OneOffRequestContext requestContext;
  private final GerritApi gApi;
  private final Analyzer analyzer;
  private final ExperimentFeatures experiments;
  private final Provider<String> canonicalWebUrl;
  private final String pluginName;
  private final Striped<Lock> locks = Striped.lock(64);

  @Inject
  Reviewer(
      Settings settings,
      AccountCache accountCache,
      OneOffRequestContext requestContext,
      GerritApi gApi,
      Analyzer analyzer,
      ExperimentFeatures experiments,
      @CanonicalWebUrl Provider<String> canonicalWebUrl,
      @PluginName String pluginName) {
    this.settings = settings;
    this.accountCache = accountCache;
    this.requestContext = requestContext;
    this.gApi = gApi;
    this.analyzer = analyzer;
    this.experiments = experiments;
    this.canonicalWebUrl = canonicalWebUrl;
    this.pluginName = pluginName;
  }

  /** Reviews the patch set. Exceptions are failures worth a retry (see {@link ReviewQueue}). */
  public Outcome run(ReviewRequest req) throws Exception {
    ServerSettings server = settings.server();
    if (server.account() == null) {
      return fail(
          req,
          Status.NOT_CONFIGURED,
          "no bot account configured: set plugin." + pluginName + ".account in gerrit.config");
    }
    Optional<AccountState> bot = accountCache.getByUsername(server.account());
    if (bot.isEmpty() || !bot.get().account().isActive()) {
      return fail(
          req,
          Status.BOT_MISSING,
          "bot account '"
              + server.account()
              + "' (plugin."
              + pluginName
              + ".account) does not exist or is inactive");
    }
    Account.Id botId = bot.get().account().id();
    ProjectSettings project = settings.project(req.project(), server);
    if (!project.enabled()) {
      logger.atFine().log("security-review: %s: disabled for the project", req);
      return Outcome.of(Status.DISABLED, "disabled for project " + req.project().get());
    }
    // One review of a change at a time on this node: two threads handling a duplicated event
    // must not both pass the "already reviewed?" check.
    Lock lock = locks.get(req.project().get() + "~" + req.change());
    lock.lock();
    try {
      return review(req, server, project, botId);
    } finally {
      lock.unlock();
    }
  }

  private Outcome review(
      ReviewRequest req, ServerSettings server, ProjectSettings project, Account.Id botId)
      throws Exception {
    try (ManualRequestContext ctx = requestContext.openAs(botId)) {
      ChangeInfo info;
      try {
        info =
            gApi.changes()
                .id(req.project().get(), req.change())
                .get(
                    EnumSet.of(
                        ListChangesOption.ALL_REVISIONS,
                        ListChangesOption.MESSAGES,
                        ListChangesOption.DETAILED_LABELS));
      } catch (ResourceNotFoundException e) {
        return fail(
            req, Status.CHANGE_MISSING, "change is gone (deleted, or not visible to the bot)");
      }
      if (info.status != ChangeStatus.NEW) {
        return skip(req, Status.CLOSED, "change is " + info.status);
      }
      if (Boolean.TRUE.equals(info.workInProgress) && !project.reviewWip() && !req.force()) {
        return skip(req, Status.WIP_SKIPPED, "work in progress; reviewWip = false");
      }
      String commit = null;
      int newest = 0;
      for (Map.Entry<String, RevisionInfo> e : info.revisions.entrySet()) {
        newest = Math.max(newest, e.getValue()._number);
        if (e.getValue()._number == req.patchSet()) {
          commit = e.getKey();
        }
      }
      if (commit == null) {
        return fail(req, Status.CHANGE_MISSING, "patch set " + req.patchSet() + " not found");
      }
      if (newest > req.patchSet()) {
        return skip(req, Status.OUTDATED, "patch set " + newest + " supersedes it");
      }
      if (!req.force() && reviewed(info.messages, botId, req.patchSet())) {
        return skip(req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set");
      }

      Analysis analysis = analyzer.analyze(req.project(), commit, project, server);
      if (!analysis.relevant()) {
        return skip(req, Status.NOTHING_TO_REVIEW, "no file to review");
      }
      short vote = analysis.vote();
      String label = project.label();
      if (info.labels == null || !info.labels.containsKey(label)) {
        return fail(
            req,
            Status.LABEL_MISSING,
            "label "
                + label
                + " is not defined for project "
                + req.project().get()
                + " (see the plugin's config.md); nothing posted");
      }
      Collection<String> permitted =
          info.permittedLabels == null ? null : info.permittedLabels.get(label);
      if (permitted == null || permitted.stream().noneMatch(v -> parse(v) == vote)) {
        return fail(
            req,
            Status.NOT_PERMITTED,
            "bot account '"
                + server.account()
                + "' may not vote "
                + ReviewBuilder.format(vote)
                + " on "
                + label
                + " (grant label-"
                + label
                + " on refs/heads/*); nothing posted");
      }

      Integer previous =
          SAME_CODE.contains(req.kind()) && !req.force()
              ? previousReview(info.messages, botId, req.patchSet())
              : null;
      ReviewInput input;
      List<ReviewBuilder.Reply> replies = List.of();
      if (previous != null) {
        input = new ReviewInput();
        input.tag = ReviewBuilder.TAG;
        input.notify = NotifyHandling.OWNER;
        input.label(label, vote);
        input.message =
            "Patch set "
                + req.patchSet()
                + " has the same code as patch set "
                + previous
                + " ("
                + req.kind()
                + "): "
                + label
                + " "
                + ReviewBuilder.format(vote)
                + " carried over; the comments on patch set "
                + previous
                + " still apply.";
      } else {
        BotThreads earlier =
            BotThreads.of(
                gApi.changes().id(req.project().get(), req.change()).comments(),
                botId,
                req.patchSet());
        ReviewBuilder.Review review =
            ReviewBuilder.review(
                analysis,
                req.patchSet(),
                server.maxComments(),
                docBase(),
                experiments.isFeatureEnabled(FIX_SUGGESTIONS_FLAG, req.project()),
                earlier);
        input = review.input();
        replies = review.replies();
      }
      // Ask again right before posting: another node or thread may have posted meanwhile.
      if (!req.force()
          && reviewed(
              gApi.changes().id(req.project().get(), req.change()).messages(),
              botId,
              req.patchSet())) {
        return skip(req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set");
      }
      ChangeApi change = gApi.changes().id(req.project().get(), req.change());
      // The bot has no drafts of its own but the replies of a review that failed half-way.
      for (CommentInfo stale : change.draftsAsList()) {
        change.revision(stale.patchSet).draft(stale.id).delete();
      }
      for (ReviewBuilder.Reply r : replies) {
        change.revision(r.patchSet()).createDraft(r.draft());
      }
      if (!replies.isEmpty()) {
        input.drafts = ReviewInput.DraftHandling.PUBLISH_ALL_REVISIONS;
      }
      change.revision(commit).review(input);
      int comments =
          (input.comments == null ? 0 : input.comments.values().stream().mapToInt(List::size).sum())
              + replies.size();
      logger.atInfo().log(
          "security-review: %s: posted %s %s with %d comments",
          req, label, ReviewBuilder.format(vote), comments);
      return new Outcome(
          previous != null ? Status.CARRIED_OVER : Status.POSTED, input.message, vote, comments);
    }
  }

  /** The analysis alone, for the REST view: nothing is posted. */
  public Analysis analyze(com.google.gerrit.entities.Project.NameKey project, String commit)
      throws Exception {
    ServerSettings server = settings.server();
    return analyzer.analyze(project, commit, settings.project(project, server), server);
  }

  public String docBase() {
    String url = canonicalWebUrl.get();
    String base = url == null ? "/" : (url.endsWith("/") ? url : url + "/");
    return base + "plugins/" + pluginName + "/Documentation/";
  }

  private static boolean reviewed(Collection<ChangeMessageInfo> messages, Account.Id bot, int ps) {
    return messages != null
        && messages.stream()
            .anyMatch(
                m ->
                    ReviewBuilder.TAG.equals(m.tag)
                        && m._revisionNumber != null
                        && m._revisionNumber == ps
                        && m.author != null
                        && m.author._accountId != null
                        && m.author._accountId == bot.get());
  }

  /** The newest earlier patch set the bot reviewed, or null. */
  private static Integer previousReview(
      Collection<ChangeMessageInfo> messages, Account.Id bot, int ps) {
    Integer found = null;
    for (int p = ps - 1; p >= 1 && found == null; p--) {
      if (reviewed(messages, bot, p)) {
        found = p;
      }
    }
    return found;
  }

  private static short parse(String permitted) {
    try {
      return Short.parseShort(permitted.trim());
    } catch (NumberFormatException e) {
      return Short.MIN_VALUE;
    }
  }

  private static Outcome skip(ReviewRequest req, Status status, String detail) {
    logger.atFine().log("security-review: %s: skipped: %s", req, detail);
    return Outcome.of(status, detail);
  }

  private static Outcome fail(ReviewRequest req, Status status, String detail) {
    logger.atWarning().log("security-review: %s: not reviewed: %s", req, detail);
    return Outcome.of(status, detail);
  }
}
