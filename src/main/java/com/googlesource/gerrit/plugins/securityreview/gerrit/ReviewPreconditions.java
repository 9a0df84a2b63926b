package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.client.ChangeStatus;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.RevisionInfo;
import com.google.gerrit.extensions.restapi.ResourceNotFoundException;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.server.account.AccountCache;
import com.google.gerrit.server.account.AccountState;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * What must hold for the bot to review a patch set, checked in the order a review needs them: a bot
 * and an enabled project ({@link #reviewer}), the patch set still current and not yet reviewed
 * ({@link #patchSet}), and, once the vote is known, a label the bot may cast it on ({@link
 * #mayVote}).
 */
@Singleton
class ReviewPreconditions {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  /** Who reviews, under which settings. */
  record Reviewing(ServerSettings server, ProjectSettings project, Account.Id bot) {}

  /** The change as the bot sees it, and the commit of the patch set under review. */
  record PatchSet(ChangeInfo change, String commit) {}

  /**
   * Go on with {@code value}, or stop with {@code stop}: why the review ends without a post.
   * Exactly one of the two is null.
   */
  record Verdict<T>(T value, Outcome stop) {
    static <T> Verdict<T> go(T value) {
      return new Verdict<>(value, null);
    }

    static <T> Verdict<T> stop(Outcome stop) {
      return new Verdict<>(null, stop);
    }

    boolean go() {
      return stop == null;
    }
  }

  private final Settings settings;
  private final AccountCache accountCache;
  private final GerritApi gApi;
  private final String pluginName;

  @Inject
  ReviewPreconditions(
      Settings settings, AccountCache accountCache, GerritApi gApi, @PluginName String pluginName) {
    this.settings = settings;
    this.accountCache = accountCache;
    this.gApi = gApi;
    this.pluginName = pluginName;
  }

  /** A bot account that exists and is active, and a project that has the plugin enabled. */
  Verdict<Reviewing> reviewer(ReviewRequest req) {
    ServerSettings server = settings.server();
    if (server.account() == null) {
      return Verdict.stop(
          Outcome.failed(
              req,
              Status.NOT_CONFIGURED,
              "no bot account configured: set plugin." + pluginName + ".account in gerrit.config"));
    }
    Optional<Account.Id> bot = activeBot(server);
    if (bot.isEmpty()) {
      return Verdict.stop(
          Outcome.failed(
              req,
              Status.BOT_MISSING,
              "bot account '"
                  + server.account()
                  + "' (plugin."
                  + pluginName
                  + ".account) does not exist or is inactive"));
    }
    ProjectSettings project = settings.project(req.project(), server);
    if (!project.enabled()) {
      logger.atFine().log("security-review: %s: disabled for the project", req);
      return Verdict.stop(
          Outcome.of(Status.DISABLED, "disabled for project " + req.project().get()));
    }
    return Verdict.go(new Reviewing(server, project, bot.get()));
  }

  /** The configured bot account, if it exists and is active. */
  Optional<Account.Id> activeBot(ServerSettings server) {
    if (server.account() == null) {
      return Optional.empty();
    }
    return accountCache
        .getByUsername(server.account())
        .map(AccountState::account)
        .filter(Account::isActive)
        .map(Account::id);
  }

  /**
   * The change, read as the bot: open, not a work in progress (unless the project reviews those or
   * the request forces it), with the patch set as its newest, which the bot has not reviewed yet
   * (unless forced).
   */
  Verdict<PatchSet> patchSet(ReviewRequest req, Reviewing reviewing) throws RestApiException {
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
      return Verdict.stop(
          Outcome.failed(
              req, Status.CHANGE_MISSING, "change is gone (deleted, or not visible to the bot)"));
    }
    if (info.status != ChangeStatus.NEW) {
      return Verdict.stop(Outcome.skipped(req, Status.CLOSED, "change is " + info.status));
    }
    if (Boolean.TRUE.equals(info.workInProgress)
        && !reviewing.project().reviewWip()
        && !req.force()) {
      return Verdict.stop(
          Outcome.skipped(req, Status.WIP_SKIPPED, "work in progress; reviewWip = false"));
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
      return Verdict.stop(
          Outcome.failed(req, Status.CHANGE_MISSING, "patch set " + req.patchSet() + " not found"));
    }
    if (newest > req.patchSet()) {
      return Verdict.stop(
          Outcome.skipped(req, Status.OUTDATED, "patch set " + newest + " supersedes it"));
    }
    if (!req.force() && BotReviews.reviewed(info.messages, reviewing.bot(), req.patchSet())) {
      return Verdict.stop(
          Outcome.skipped(req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set"));
    }
    return Verdict.go(new PatchSet(info, commit));
  }

  /** The project's label exists on the change and the bot may cast {@code vote} on it. */
  Verdict<Short> mayVote(ReviewRequest req, Reviewing reviewing, ChangeInfo info, short vote) {
    String label = reviewing.project().label();
    if (!labelDefined(info, label)) {
      return Verdict.stop(
          Outcome.failed(
              req,
              Status.LABEL_MISSING,
              "label "
                  + label
                  + " is not defined for project "
                  + req.project().get()
                  + " (see the plugin's config.md); nothing posted"));
    }
    if (!permitted(info, label, vote)) {
      return Verdict.stop(
          Outcome.failed(
              req,
              Status.NOT_PERMITTED,
              "bot account '"
                  + reviewing.server().account()
                  + "' may not vote "
                  + ReviewBuilder.format(vote)
                  + " on "
                  + label
                  + " (grant label-"
                  + label
                  + " on refs/heads/*); nothing posted"));
    }
    return Verdict.go(vote);
  }

  /**
   * Whether the label exists on the change and the bot may cast both votes a review can end with
   * (on findings, and on a clean patch set); read from a change loaded as the bot with its labels.
   * The sweep asks this before queueing, so that a patch set held up by a missing label or
   * permission is not analysed again on every sweep, only once the administrator fixed it.
   */
  static boolean mayCastEveryVote(Reviewing reviewing, ChangeInfo info) {
    ProjectSettings project = reviewing.project();
    return labelDefined(info, project.label())
        && permitted(info, project.label(), project.voteOnFindings())
        && permitted(info, project.label(), project.voteOnClean());
  }

  private static boolean labelDefined(ChangeInfo info, String label) {
    return info.labels != null && info.labels.containsKey(label);
  }

  private static boolean permitted(ChangeInfo info, String label, short vote) {
    Collection<String> permitted =
        info.permittedLabels == null ? null : info.permittedLabels.get(label);
    return permitted != null && permitted.stream().anyMatch(v -> parseVote(v) == vote);
  }

  /** A permitted value such as "+1" or " 0"; a value that is no number matches no vote. */
  private static short parseVote(String permitted) {
    try {
      return Short.parseShort(permitted.trim());
    } catch (NumberFormatException e) {
      return Short.MIN_VALUE;
    }
  }
}
