package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import java.util.Collection;

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
}
