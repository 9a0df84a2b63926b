package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BotThreads.FindingThread;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class BotThreadsTest {
  private static final Account.Id BOT = Account.id(1000);
  private static final int HUMAN = 1001;
  private static final String FP = "0123456789abcdef";
  private static final String URL = "https://review.example.org/plugins/x/rules/OVN301.html";

  private final List<CommentInfo> comments = new ArrayList<>();

  @Test
  public void trailerRoundTrips() {
    String message = "OVN301 title\n\nbody" + BotThreads.trailer(URL, FP + "-2");
    assertThat(BotThreads.fingerprint(message)).hasValue(FP + "-2");
    assertThat(BotThreads.body(message)).isEqualTo("OVN301 title\n\nbody");
    // A human quoting a fingerprint mid-text is not a trailer.
    assertThat(BotThreads.fingerprint("Rule: x \u00b7 fingerprint " + FP + " is wrong")).isEmpty();
  }

  @Test
  public void threadFollowsTheBotsLastWordAndRepliesGoUnderTheNewestComment() {
    add("a", null, 1, BOT.get(), 10, "old text" + BotThreads.trailer(URL, FP));
    add("b", "a", 1, HUMAN, 20, "Done?");
    add("c", "b", 2, BOT.get(), 30, "new text" + BotThreads.trailer(URL, FP));
    // Same second as "c", one step further down the chain: it is the newest.
    add("d", "c", 1, HUMAN, 30, "Ack");
    FindingThread t = only(3);
    assertThat(t.text()).isEqualTo("new text");
    assertThat(t.last().id).isEqualTo("d");
    assertThat(t.fixed()).isFalse();
  }

  @Test
  public void fixedUntilTheFindingIsBack() {
    add("a", null, 1, BOT.get(), 10, "text" + BotThreads.trailer(URL, FP));
    add("b", "a", 1, BOT.get(), 20, BotThreads.fixedNote(2));
    assertThat(only(3).fixed()).isTrue();
    add("c", "b", 1, BOT.get(), 30, "text again" + BotThreads.trailer(URL, FP));
    FindingThread t = only(4);
    assertThat(t.fixed()).isFalse();
    assertThat(t.text()).isEqualTo("text again");
  }

  @Test
  public void onlyTheBotsThreadsOnEarlierPatchSetsCount() {
    add("a", null, 1, HUMAN, 10, "quoted" + BotThreads.trailer(URL, FP));
    add("b", null, 2, BOT.get(), 10, "text" + BotThreads.trailer(URL, FP));
    add("c", null, 1, BOT.get(), 10, "Merge conflict?");
    assertThat(threads(2).all()).isEmpty();
    assertThat(threads(3).all()).hasSize(1);
    assertThat(threads(3).find("f.py", FP)).isPresent();
    assertThat(threads(3).find("g.py", FP)).isEmpty();
  }

  private void add(String id, String inReplyTo, int ps, int author, long second, String message) {
    CommentInfo c = new CommentInfo();
    c.id = id;
    c.inReplyTo = inReplyTo;
    c.patchSet = ps;
    c.author = new AccountInfo(author);
    c.updated = new Timestamp(second * 1000);
    c.message = message;
    c.line = 3;
    comments.add(c);
  }

  private BotThreads threads(int patchSet) {
    return BotThreads.of(Map.of("f.py", List.copyOf(comments)), BOT, patchSet);
  }

  private FindingThread only(int patchSet) {
    List<FindingThread> all = threads(patchSet).all();
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
