package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.api.changes.ReviewInput.CommentInput;
import com.google.gerrit.extensions.common.AccountInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.ChangedFile;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.SkippedFile;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.Test;

/** The review keeps within Gerrit's size and count limits, and says what it left out. */
public class ReviewBuilderLimitsTest {
  private static final ProjectSettings SETTINGS = ProjectSettings.defaults("Security-Review");
  private static final String DOCS = "https://review.example.org/plugins/security-review/";
  private static final String SERVER_ID = "173816e5-2b9a-37c3-8a2e-48639d4f1153";
  private static final int SIZE_LIMIT = 16 << 10;
  private static final Account.Id BOT = Account.id(1000);

  @Test
  public void longListsOfFilesAreCountedAndTheSummaryFits() {
    List<SkippedFile> skipped = new ArrayList<>();
    List<FileResult> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String dir = "neutron/plugins/ml2/drivers/ovn/mech_driver/ovsdb/extensions/generated/";
      skipped.add(
          new SkippedFile(
              dir + "blob_" + i + ".py", i % 2 == 0 ? "binary" : "larger than 4096 bytes (5000)"));
      results.add(broken(dir + "broken_" + i + ".py"));
    }
    Analysis a = analysis(results, skipped);
    String m =
        ReviewBuilder.review(a, 1, limits(50, 5000), DOCS, false, BotThreads.none())
            .input()
            .message;

    assertThat(m.length()).isAtMost(SIZE_LIMIT);
    assertThat(m).contains("Security-Review 0: the review is incomplete.");
    assertThat(m).contains("Syntax errors in 200 files (checked as far as they parse): ");
    assertThat(m).contains("broken_9.py and 190 more.");
    assertThat(m).contains("blob_9.py: larger than 4096 bytes (5000)");
    assertThat(m).contains("* and 190 more files (binary: 95, larger than 4096 bytes: 95)");
  }

  @Test
  public void namesAreDroppedBeforeTheSummaryIsCut() {
    List<SkippedFile> skipped =
        IntStream.range(0, 400)
            .mapToObj(i -> new SkippedFile("pkg/" + "x".repeat(200) + i + ".py", "binary"))
            .toList();
    Analysis a = analysis(List.of(), skipped);
    ReviewBuilder.Counts none = new ReviewBuilder.Counts(0, 0, 0, 0);

    String m = ReviewBuilder.fitted(a, 1, none, ReviewBuilder.Unposted.NONE, 700);
    assertThat(m.length()).isAtMost(700);
    assertThat(m).contains("Not checked:\n* 400 files (binary: 400)");
    assertThat(m).doesNotContain("pkg/");

    // Not even the counts fit: the summary is cut, and says so.
    String cut = ReviewBuilder.fitted(a, 1, none, ReviewBuilder.Unposted.NONE, 120);
    assertThat(cut.length()).isAtMost(120);
    assertThat(cut).endsWith(ReviewBuilder.SUMMARY_CUT_NOTICE);
    assertThat(cut).startsWith("Security review of patch set 1: no findings");
  }

  @Test
  public void aLongQuoteIsShortenedAndTheCommentKeepsItsFingerprint() {
    String expression = "conf(" + "'x' + ".repeat(3_340) + "'y').password";
    assertThat(expression.length()).isGreaterThan(20_000);
    Finding f = finding("ovn/creds.py", "This log call writes `" + expression + "` in clear text.");
    ReviewLimits limits = limits(50, 5000);

    CommentInput c = ReviewBuilder.comment(f, true, DOCS, false, limits);
    assertThat(limits.commentSize(c.path, c.message, null, c.fixSuggestions)).isAtMost(SIZE_LIMIT);
    assertThat(c.message.length()).isLessThan(1000);
    assertThat(c.message).contains("`conf('x' + ");
    assertThat(c.message).contains(" \u2026 ");
    assertThat(c.message).contains("'y').password` in clear text.");
    assertThat(BotThreads.fingerprint(c.message)).hasValue(f.fingerprint());
  }

  @Test
  public void aTextTooLongEvenWithoutQuotesIsCutBeforeItsLastLine() {
    Finding f = finding("ovn/a.py", "Why it matters. ".repeat(2_000));
    ReviewLimits limits = new ReviewLimits(50, 5000, true, "", 1_000, SERVER_ID);

    CommentInput c = ReviewBuilder.comment(f, true, DOCS, false, limits);
    assertThat(limits.commentSize(c.path, c.message, null, null)).isAtMost(1_000);
    assertThat(c.message).contains(ReviewBuilder.CUT_NOTICE);
    assertThat(BotThreads.fingerprint(c.message)).hasValue(f.fingerprint());
  }

  @Test
  public void aFixThatWouldCrowdOutTheMessageIsNotOffered() {
    Finding small = finding("ovn/a.py", "Flagged.", fix("y = 1"));
    Finding huge = finding("ovn/a.py", "Flagged.", fix("y = " + "1 + ".repeat(5_000) + "1"));
    ReviewLimits limits = limits(50, 5000);

    assertThat(ReviewBuilder.comment(small, true, DOCS, true, limits).fixSuggestions).hasSize(1);
    CommentInput c = ReviewBuilder.comment(huge, true, DOCS, true, limits);
    assertThat(c.fixSuggestions).isNull();
    assertThat(limits.commentSize(c.path, c.message, null, c.fixSuggestions)).isAtMost(SIZE_LIMIT);
  }

  @Test
  public void gerritsCountLimitLeavesRoomForTheBlockingFindingsFirst() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      findings.add(finding("ovn/a.py", i + 1, Severity.LOW, "Low " + i));
    }
    findings.add(finding("ovn/a.py", 9, Severity.HIGH, "High"));
    Analysis a = analysis(List.of(file("ovn/a.py", findings)), List.of());
    ReviewLimits limits =
        new ReviewLimits(
            50, 2, true, "Gerrit allows 5 (change.maxComments)", SIZE_LIMIT, SERVER_ID);

    ReviewBuilder.Review r = ReviewBuilder.review(a, 1, limits, DOCS, false, BotThreads.none());
    List<CommentInput> posted = r.input().comments.get("ovn/a.py");
    assertThat(posted).hasSize(2);
    assertThat(posted.get(0).message).contains("High");
    assertThat(r.commentedRules()).hasSize(2);
    assertThat(r.input().message)
        .contains(
            "3 more new findings not posted as comments (Gerrit allows 5 (change.maxComments)).");
  }

  @Test
  public void roomCountsTheChangesCommentsAndMessagesAndTheReviewsOwnMessage() {
    List<ChangeMessageInfo> messages = List.of(message(1), message(BOT.get()));
    Map<String, List<CommentInfo>> comments =
        Map.of("a.py", List.of(comment(1), comment(BOT.get()), comment(BOT.get())));

    ReviewLimits perChange =
        new CommentLimits(SIZE_LIMIT, 10, 0, SERVER_ID).forReview(messages, comments, BOT, 50);
    // 10 - (2 messages + 3 comments) - the review's message.
    assertThat(perChange.room()).isEqualTo(4);
    assertThat(perChange.roomLimit()).contains("change.maxComments");

    ReviewLimits perUser =
        new CommentLimits(SIZE_LIMIT, 10, 5, SERVER_ID).forReview(messages, comments, BOT, 50);
    // 5 - (1 message + 2 comments by the bot) - the review's message.
    assertThat(perUser.room()).isEqualTo(1);
    assertThat(perUser.roomLimit()).contains("change.maxCommentsPerUser");

    assertThat(new CommentLimits(0, 10, 0, SERVER_ID).sizeLimit()).isEqualTo(Integer.MAX_VALUE);
  }

  private static ReviewLimits limits(int perReview, int room) {
    return new ReviewLimits(perReview, room, true, "", SIZE_LIMIT, SERVER_ID);
  }

  private static Analysis analysis(List<FileResult> results, List<SkippedFile> skipped) {
    List<ChangedFile> files =
        results.stream()
            .map(r -> new ChangedFile(r.path(), new byte[0], ChangedLines.ALL, null))
            .toList();
    return new Analysis(new PatchSetFiles(files, skipped, false, Set.of()), results, SETTINGS);
  }

  private static FileResult file(String path, List<Finding> findings) {
    return new FileResult(path, findings, 0, 0, 0, 0, List.of(), List.of());
  }

  private static FileResult broken(String path) {
    return new FileResult(
        path, List.of(), 0, 0, 0, 0, List.of(new Diagnostic(1, 0, "invalid syntax")), List.of());
  }

  private static Finding finding(String path, String message) {
    return finding(path, message, null);
  }

  private static Finding finding(String path, String message, Fix fix) {
    return new Finding(
        "OVN501",
        "Secret written to a log",
        Severity.HIGH,
        Confidence.MEDIUM,
        "logging",
        path,
        3,
        4,
        3,
        20,
        message,
        fix,
        "0123456789abcdef");
  }

  private static Finding finding(String path, int line, Severity severity, String message) {
    return new Finding(
        "TST100",
        "Test finding",
        severity,
        Confidence.HIGH,
        "test",
        path,
        line,
        0,
        line,
        5,
        message,
        null,
        String.format("%016x", line));
  }

  private static Fix fix(String replacement) {
    return new Fix("Replace it", List.of(new Fix.Edit(3, 4, 3, 20, replacement)));
  }

  private static ChangeMessageInfo message(int author) {
    ChangeMessageInfo m = new ChangeMessageInfo();
    m.author = new AccountInfo(author);
    return m;
  }

  private static CommentInfo comment(int author) {
    CommentInfo c = new CommentInfo();
    c.author = new AccountInfo(author);
    return c;
  }
}
