package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.ChangeMessage;
import com.google.gerrit.entities.PatchSet;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import java.util.Collection;
import java.util.Optional;

/** Which patch sets of a change the bot reviewed, read from the change's messages. */
final class BotReviews {
  private BotReviews() {}

  /** Whether the bot left a review tagged {@value ReviewBuilder#TAG} on patch set {@code ps}. */
  static boolean reviewed(Collection<ChangeMessageInfo> messages, Account.Id bot, int ps) {
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

  /** The newest patch set before {@code ps} that the bot reviewed, or null. */
  static Integer newestBefore(Collection<ChangeMessageInfo> messages, Account.Id bot, int ps) {
    for (int p = ps - 1; p >= 1; p--) {
      if (reviewed(messages, bot, p)) {
        return p;
      }
    }
    return null;
  }

  /** The newest review tagged {@value ReviewBuilder#TAG} the bot left on {@code ps}, from notes. */
  static Optional<ChangeMessage> newest(
      Collection<ChangeMessage> messages, Account.Id bot, PatchSet.Id ps) {
    ChangeMessage newest = null;
    for (ChangeMessage m : messages) {
      if (ReviewBuilder.TAG.equals(m.getTag())
          && bot.equals(m.getAuthor())
          && ps.equals(m.getPatchSetId())) {
        newest = m; // oldest first
      }
    }
    return Optional.ofNullable(newest);
  }
}
