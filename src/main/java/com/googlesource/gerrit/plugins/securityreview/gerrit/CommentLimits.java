package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.server.config.GerritServerConfig;
import com.google.gerrit.server.config.GerritServerId;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;

/**
 * Gerrit's limits on what a review may post, read from {@code gerrit.config} as Gerrit's comment
 * validators read them, and counted as they count:
 *
 * <ul>
 *   <li>{@code change.commentSizeLimit} (16 KiB by default; 0 for none) applies to the review's
 *       message (trimmed) and to each comment, whose size is its message, file path, tag, commit,
 *       ids and fix suggestion added up;
 *   <li>{@code change.maxComments} (5,000) bounds the change's comments and messages, the review's
 *       own message included;
 *   <li>{@code change.maxCommentsPerUser} (from Gerrit 3.14; 0, the default, for none) bounds the
 *       bot's comments and messages on the change likewise.
 * </ul>
 *
 * A review that breaks one is refused whole. {@code change.cumulativeCommentSizeLimit} is not
 * budgeted: a review it refuses is posted again as the vote with a short summary.
 */
@Singleton
class CommentLimits {
  static final int DEFAULT_SIZE_LIMIT = 16 << 10;
  static final int DEFAULT_MAX_COMMENTS = 5_000;

  private final int sizeLimit;
  private final int maxComments;
  private final int maxCommentsPerUser;
  private final String serverId;

  @Inject
  CommentLimits(@GerritServerConfig Config cfg, @GerritServerId String serverId) {
    this(
        cfg.getInt("change", "commentSizeLimit", DEFAULT_SIZE_LIMIT),
        cfg.getInt("change", "maxComments", DEFAULT_MAX_COMMENTS),
        cfg.getInt("change", "maxCommentsPerUser", 0),
        serverId);
  }

  CommentLimits(int sizeLimit, int maxComments, int maxCommentsPerUser, String serverId) {
    this.sizeLimit = sizeLimit;
    this.maxComments = maxComments;
    this.maxCommentsPerUser = maxCommentsPerUser;
    this.serverId = serverId == null ? "" : serverId;
  }

  /**
   * What a review by {@code bot} may post on a change that has {@code messages} and {@code
   * comments} (published, by path) now.
   *
   * @param perReview the plugin's own cap on new comments per review ({@code maxComments})
   */
  ReviewLimits forReview(
      Collection<ChangeMessageInfo> messages,
      Map<String, List<CommentInfo>> comments,
      Account.Id bot,
      int perReview) {
    int onChange = messages.size() + comments.values().stream().mapToInt(List::size).sum();
    // One place for the review's own message, which Gerrit counts as a comment.
    int room = maxComments - onChange - 1;
    String limit =
        "Gerrit allows "
            + maxComments
            + " comments and messages per change (change.maxComments), and the change has "
            + onChange;
    if (maxCommentsPerUser > 0) {
      int byBot =
          (int)
              (messages.stream().filter(m -> by(m.author, bot)).count()
                  + comments.values().stream()
                      .flatMap(List::stream)
                      .filter(c -> by(c.author, bot))
                      .count());
      int roomForBot = maxCommentsPerUser - byBot - 1;
      if (roomForBot < room) {
        room = roomForBot;
        limit =
            "Gerrit allows "
                + maxCommentsPerUser
                + " comments and messages per user and change (change.maxCommentsPerUser), and the"
                + " bot has "
                + byBot;
      }
    }
    return new ReviewLimits(perReview, Math.max(0, room), room >= 0, limit, sizeLimit(), serverId);
  }

  /** Most characters of a review's message or of one comment. */
  int sizeLimit() {
    return sizeLimit > 0 ? sizeLimit : Integer.MAX_VALUE;
  }

  private static boolean by(AccountInfo a, Account.Id bot) {
    return a != null && a._accountId != null && a._accountId == bot.get();
  }
}
