package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

public class CommentLimitsTest {
  private static final Account.Id BOT = Account.id(1000);
  private static final Account.Id OWNER = Account.id(1001);

  @Test
  public void defaultsAreGerrits() {
    CommentLimits limits = new CommentLimits(new Config(), "server");
    ReviewLimits review =
        limits.forReview(messages(BOT, 10), Map.of("a.py", comments(BOT, 10)), BOT, 50);
    // 5,000 - 20 on the change - the review's own message; no per-user limit.
    assertThat(review.room()).isEqualTo(4979);
    assertThat(review.messageFits()).isTrue();
    assertThat(limits.sizeLimit()).isEqualTo(CommentLimits.DEFAULT_SIZE_LIMIT);
  }

  @Test
  public void settingsAreReadFromTheChangeSection() {
    Config cfg = new Config();
    cfg.setInt("change", null, "commentSizeLimit", 300);
    cfg.setInt("change", null, "maxComments", 100);
    cfg.setInt("change", null, "maxCommentsPerUser", 12);
    CommentLimits limits = new CommentLimits(cfg, "server");
    ReviewLimits review =
        limits.forReview(messages(OWNER, 50), Map.of("a.py", comments(BOT, 5)), BOT, 50);
    assertThat(review.room()).isEqualTo(6);
    assertThat(review.roomLimit()).contains("(change.maxCommentsPerUser), and the bot has 5");
    assertThat(limits.sizeLimit()).isEqualTo(300);
  }

  @Test
  public void fullChangeLeavesNoRoomForTheMessage() {
    CommentLimits limits = new CommentLimits(0, 20, 0, "server");
    ReviewLimits justFits = limits.forReview(messages(OWNER, 19), Map.of(), BOT, 50);
    assertThat(justFits.room()).isEqualTo(0);
    assertThat(justFits.messageFits()).isTrue();
    ReviewLimits full = limits.forReview(messages(OWNER, 20), Map.of(), BOT, 50);
    assertThat(full.room()).isEqualTo(0);
    assertThat(full.messageFits()).isFalse();
  }

  @Test
  public void unknownAuthorIsNotTheBot() {
    CommentInfo anonymous = new CommentInfo();
    ReviewLimits review =
        new CommentLimits(0, 10, 3, "server")
            .forReview(List.of(), Map.of("a.py", List.of(anonymous)), BOT, 50);
    assertThat(review.room()).isEqualTo(2);
  }

  private static List<CommentInfo> comments(Account.Id author, int n) {
    CommentInfo c = new CommentInfo();
    c.author = new AccountInfo(author.get());
    return Collections.nCopies(n, c);
  }

  private static List<ChangeMessageInfo> messages(Account.Id author, int n) {
    ChangeMessageInfo m = new ChangeMessageInfo();
    m.author = new AccountInfo(author.get());
    return Collections.nCopies(n, m);
  }
}
