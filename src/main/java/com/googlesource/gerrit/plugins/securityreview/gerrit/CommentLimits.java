package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.server.config.GerritServerConfig;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Collection;
import org.eclipse.jgit.lib.Config;

/**
 * Gerrit's limits on how many comments a change may hold ({@code [change]} in {@code
 * gerrit.config}), which refuse a whole review that would pass them: {@code maxComments} for the
 * change (3.13 and 3.14, default 5000) and {@code maxCommentsPerUser} for one account (3.14,
 * default 0: none). Both count published comments and change messages, and a review adds its
 * message besides its comments.
 */
@Singleton
class CommentLimits {
  static final int DEFAULT_MAX_COMMENTS = 5000;

  private final int maxComments;
  private final int maxCommentsPerUser;

  @Inject
  CommentLimits(@GerritServerConfig Config cfg) {
    this(
        cfg.getInt("change", "maxComments", DEFAULT_MAX_COMMENTS),
        cfg.getInt("change", "maxCommentsPerUser", 0));
  }

  CommentLimits(int maxComments, int maxCommentsPerUser) {
    this.maxComments = maxComments;
    this.maxCommentsPerUser = maxCommentsPerUser;
  }

  /**
   * How many comments and messages one review of the bot may add to a change that holds {@code
   * comments} and {@code messages} now (0 when it may add none).
   */
  int room(
      Collection<CommentInfo> comments, Collection<ChangeMessageInfo> messages, Account.Id bot) {
    int room = maxComments - comments.size() - messages.size();
    if (maxCommentsPerUser > 0) {
      long byBot =
          comments.stream().filter(c -> isBot(c.author, bot)).count()
              + messages.stream().filter(m -> isBot(m.author, bot)).count();
      room = (int) Math.min(room, maxCommentsPerUser - byBot);
    }
    return Math.max(room, 0);
  }

  /** The limits as {@code gerrit.config} names them, for a log line. */
  String describe() {
    return "change.maxComments = "
        + maxComments
        + (maxCommentsPerUser > 0 ? ", change.maxCommentsPerUser = " + maxCommentsPerUser : "");
  }

  private static boolean isBot(AccountInfo author, Account.Id bot) {
    return author != null && author._accountId != null && author._accountId == bot.get();
  }
}
