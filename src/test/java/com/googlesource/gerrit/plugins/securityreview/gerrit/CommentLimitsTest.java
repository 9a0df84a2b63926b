package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

public class CommentLimitsTest {
  private static final Account.Id BOT = Account.id(1000);
  private static final Account.Id OWNER = Account.id(1001);

  @Test
  public void defaultsLeaveTheChangeLimitOnly() {
    CommentLimits limits = new CommentLimits(new Config());
    assertThat(limits.room(comments(BOT, 10), messages(BOT, 10), BOT)).isEqualTo(4980);
    assertThat(limits.describe()).isEqualTo("change.maxComments = 5000");
  }

  @Test
  public void changeLimitCountsEveryonesCommentsAndMessages() {
    CommentLimits limits = new CommentLimits(20, 0);
    List<CommentInfo> comments = concat(comments(BOT, 5), comments(OWNER, 6));
    assertThat(limits.room(comments, messages(OWNER, 4), BOT)).isEqualTo(5);
    assertThat(limits.room(comments, messages(OWNER, 40), BOT)).isEqualTo(0);
  }

  @Test
  public void perUserLimitCountsTheBotsOwn() {
    Config cfg = new Config();
    cfg.setInt("change", null, "maxCommentsPerUser", 12);
    CommentLimits limits = new CommentLimits(cfg);
    List<CommentInfo> comments = concat(comments(BOT, 5), comments(OWNER, 100));
    List<ChangeMessageInfo> messages = concat(messages(BOT, 3), messages(OWNER, 50));
    assertThat(limits.room(comments, messages, BOT)).isEqualTo(4);
    assertThat(limits.room(comments(BOT, 20), messages, BOT)).isEqualTo(0);
    assertThat(limits.describe())
        .isEqualTo("change.maxComments = 5000, change.maxCommentsPerUser = 12");
  }

  @Test
  public void unknownAuthorIsNotTheBot() {
    CommentInfo anonymous = new CommentInfo();
    assertThat(new CommentLimits(10, 3).room(List.of(anonymous), List.of(), BOT)).isEqualTo(3);
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

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
