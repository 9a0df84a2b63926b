package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.googlesource.gerrit.plugins.securityreview.gerrit.DismissalReplies.Request;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Dismissals.Dismissal;
import java.util.List;
import org.junit.Test;

public class DismissalsTest {
  private static final Account.Id BOT = Account.id(1000);
  private static final Account.Id JANE = Account.id(1001);
  private static final String FP = "0123456789abcdef";

  private static final Dismissal DISMISSAL =
      new Dismissal(
          "ovn/a · b.py", FP, DismissalReason.WONT_FIX, "OVN301", JANE, "accepted: for now");

  @Test
  public void recordRoundTripsThroughTheBotsMessage() {
    String m = Dismissals.message("Security-Review +1", DISMISSAL, "Jane Doe");
    assertThat(m)
        .startsWith(
            "Security-Review +1: Jane Doe dismissed OVN301 in ovn/a · b.py as won't fix: accepted:"
                + " for now\n\n");
    // Gerrit puts the patch set and the vote before the message.
    assertThat(Dismissals.parse("Patch Set 2: Security-Review+1\n\n" + m)).hasValue(DISMISSAL);
  }

  @Test
  public void onlyTheBotsTaggedMessagesCount() {
    String m = Dismissals.message("Security-Review +1", DISMISSAL, "Jane Doe");
    Dismissals fromOthers =
        Dismissals.of(
            List.of(message(JANE, Dismissals.TAG, m), message(BOT, ReviewBuilder.TAG, m)), BOT);
    assertThat(fromOthers.dismissed(DISMISSAL.path(), FP)).isFalse();
    Dismissals fromBot = Dismissals.of(List.of(message(BOT, Dismissals.TAG, m)), BOT);
    assertThat(fromBot.dismissed(DISMISSAL.path(), FP)).isTrue();
    assertThat(fromBot.dismissed("other.py", FP)).isFalse();
  }

  @Test
  public void reasonsAreReadAsPeopleWriteThem() {
    assertThat(DismissalReason.parse("False-Positive")).hasValue(DismissalReason.FALSE_POSITIVE);
    assertThat(DismissalReason.parse("won't fix")).hasValue(DismissalReason.WONT_FIX);
    assertThat(DismissalReason.parse("used_in_tests")).hasValue(DismissalReason.USED_IN_TESTS);
    assertThat(DismissalReason.parse("wrong")).isEmpty();
    assertThat(DismissalReason.parse(null)).isEmpty();
  }

  @Test
  public void replyFormIsRecognised() {
    assertThat(DismissalReplies.parse("Dismiss as false positive: the caller checks it"))
        .hasValue(new Request(DismissalReason.FALSE_POSITIVE, "the caller checks it"));
    assertThat(DismissalReplies.parse("dismiss: won't fix"))
        .hasValue(new Request(DismissalReason.WONT_FIX, ""));
    assertThat(DismissalReplies.parse("DISMISS used in tests\nonly the fixture calls it"))
        .hasValue(new Request(DismissalReason.USED_IN_TESTS, "only the fixture calls it"));
    // Talking about dismissing is not dismissing.
    assertThat(DismissalReplies.parse("Should we dismiss as false positive?")).isEmpty();
    assertThat(DismissalReplies.parse("Dismiss it")).isEmpty();
    assertThat(DismissalReplies.parse("dismiss as false positives are rare")).isEmpty();
  }

  private static ChangeMessageInfo message(Account.Id author, String tag, String text) {
    ChangeMessageInfo m = new ChangeMessageInfo();
    m.author = new AccountInfo(author.get());
    m.tag = tag;
    m.message = text;
    return m;
  }
}
