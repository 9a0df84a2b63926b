package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.client.ChangeKind;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Reviewing;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a review takes over from the bot's reviews of earlier patch sets: the whole review when the
 * code did not change since one, else the bot's comment threads, so that a finding is not commented
 * on twice.
 */
@Singleton
class CarryOver {
  private static final Set<ChangeKind> SAME_CODE =
      EnumSet.of(
          ChangeKind.TRIVIAL_REBASE,
          ChangeKind.TRIVIAL_REBASE_WITH_MESSAGE_UPDATE,
          ChangeKind.NO_CODE_CHANGE,
          ChangeKind.NO_CHANGE);

  /**
   * The earlier reviews a review builds on.
   *
   * @param sameCodeAs a reviewed patch set with the same code, whose vote and comments still apply;
   *     null when there is none (or the request forces a fresh review)
   * @param threads the bot's threads on earlier patch sets; null when {@code sameCodeAs} is set
   */
  record Earlier(Integer sameCodeAs, BotThreads threads) {}

  private final GerritApi gApi;

  @Inject
  CarryOver(GerritApi gApi) {
    this.gApi = gApi;
  }

  Earlier earlier(ReviewRequest req, Reviewing reviewing, ChangeInfo change)
      throws RestApiException {
    Integer sameCodeAs =
        SAME_CODE.contains(req.kind()) && !req.force()
            ? BotReviews.newestBefore(change.messages, reviewing.bot(), req.patchSet())
            : null;
    if (sameCodeAs != null) {
      return new Earlier(sameCodeAs, null);
    }
    BotThreads threads =
        BotThreads.of(
            gApi.changes().id(req.project().get(), req.change()).comments(),
            reviewing.bot(),
            req.patchSet());
    return new Earlier(null, threads);
  }
}
