package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.common.FixReplacementInfo;
import com.google.gerrit.extensions.common.FixSuggestionInfo;
import java.util.List;

/**
 * What one review may post ({@link CommentLimits#forReview}).
 *
 * @param perReview most new comments, the plugin's {@code maxComments}
 * @param room most comments, new ones and replies, that Gerrit's count limits leave the review
 * @param messageFits whether those limits leave room for the review's own message at all
 * @param roomLimit which count limit sets {@code room}, in words, for the summary
 * @param sizeLimit most characters of the review's message and of each comment, as Gerrit counts
 *     them ({@link #commentSize})
 * @param serverId the server's id, which Gerrit counts in each comment's size
 */
record ReviewLimits(
    int perReview,
    int room,
    boolean messageFits,
    String roomLimit,
    int sizeLimit,
    String serverId) {
  /** Gerrit's comment ids: 8 hex digits, '_', 8 hex digits (also the ids of fix suggestions). */
  static final int UUID_LENGTH = 17;

  static final int COMMIT_ID_LENGTH = 40;

  /** No limit but the plugin's own cap on new comments. */
  static ReviewLimits none(int perReview) {
    return new ReviewLimits(perReview, Integer.MAX_VALUE, true, "", Integer.MAX_VALUE, "");
  }

  /**
   * The size Gerrit gives a comment of the bot's review: its message, file path, parent comment,
   * tag, commit, uuid and server id, and each fix suggestion's id, description, paths and
   * replacements.
   *
   * @param inReplyTo the id of the comment it answers, or null
   */
  int commentSize(
      String path, String message, String inReplyTo, List<FixSuggestionInfo> fixSuggestions) {
    int size =
        message.length()
            + path.length()
            + (inReplyTo == null ? 0 : inReplyTo.length())
            + ReviewBuilder.TAG.length()
            + COMMIT_ID_LENGTH
            + UUID_LENGTH
            + serverId.length();
    return size + fixSize(fixSuggestions);
  }

  static int fixSize(List<FixSuggestionInfo> fixSuggestions) {
    int size = 0;
    if (fixSuggestions != null) {
      for (FixSuggestionInfo fix : fixSuggestions) {
        size += UUID_LENGTH + fix.description.length();
        for (FixReplacementInfo r : fix.replacements) {
          size += r.path.length() + r.replacement.length();
        }
      }
    }
    return size;
  }
}
