package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowCapability;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.UseSsh;
import com.google.gerrit.acceptance.config.GerritConfig;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.server.group.SystemGroupBackend;
import com.google.gerrit.testing.ConfigSuite;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures;
import com.googlesource.gerrit.plugins.securityreview.testing.OnThread;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

/**
 * Runs the plugin in a real in-process Gerrit: uploads patch sets and checks what Gerrit stored.
 * One Gerrit start for the whole class (the configuration comes from {@link #config()}).
 */
@UseSsh
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module",
    sshModule = "com.googlesource.gerrit.plugins.securityreview.gerrit.SshModule")
public class SecurityReviewAcceptanceTest extends ReviewAcceptanceTestBase {
  static final long MAX_FILE_SIZE = 4096;
  static final int MAX_COMMENTS = 3;

  /** An OVN301 finding (medium/high: blocks) with a safe fix, on line 3. */
  static final String UNCHECKED_TXN =
      "class Client:\n"
          + "    def delete_port_group(self, pg_name):\n"
          + "        with self._nb_idl.transaction(check_error=False) as txn:\n"
          + "            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))\n";

  static final String CLEAN = "def add(a, b):\n    return a + b\n";

  @ConfigSuite.Default
  public static Config config() {
    Config cfg = new Config();
    cfg.setString("plugin", "security-review", "account", BOT);
    cfg.setLong("plugin", "security-review", "maxFileSize", MAX_FILE_SIZE);
    cfg.setInt("plugin", "security-review", "retryDelay", 10);
    cfg.setInt("plugin", "security-review", "maxComments", MAX_COMMENTS);
    cfg.setString("experiments", null, "enabled", Reviewer.FIX_SUGGESTIONS_FLAG);
    return cfg;
  }

  // ------------------------------------------------------------------ the review

  @Test
  public void findingGetsCommentVoteTagAndFix() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();

    List<ChangeMessageInfo> msgs = botMessages(r.getChangeId());
    assertThat(msgs).hasSize(1);
    ChangeMessageInfo m = msgs.get(0);
    assertThat(m.author._accountId).isEqualTo(bot.get());
    assertThat(m.tag).isEqualTo(ReviewBuilder.TAG);
    assertThat(m.message)
        .contains("1 finding on changed lines in 1 file (0 high, 1 medium, 0 low)");
    assertThat(vote(r.getChangeId())).isEqualTo(-1);

    List<CommentInfo> comments = comments(r.getChangeId(), "ovn/client.py");
    assertThat(comments).hasSize(1);
    CommentInfo c = comments.get(0);
    assertThat(c.author._accountId).isEqualTo(bot.get());
    assertThat(c.message).startsWith("OVN301 ");
    assertThat(c.message).contains("/plugins/security-review/Documentation/rules/OVN301.html");
    assertThat(c.unresolved).isTrue();
    assertThat(c.range.startLine).isEqualTo(3);
    assertThat(c.line).isEqualTo(c.range.endLine);
    assertThat(c.fixSuggestions).hasSize(1);

    // The fix suggestion applies and does what it says.
    gApi.changes().id(r.getChangeId()).current().applyFix(c.fixSuggestions.get(0).fixId);
    String fixed =
        gApi.changes().id(r.getChangeId()).edit().getFile("ovn/client.py").get().asString();
    assertThat(fixed).contains("transaction(check_error=True)");
  }

  @Test
  public void cleanFileGetsPlusOneAndNoComment() throws Exception {
    PushOneCommit.Result r = push("Add util", Map.of("util.py", CLEAN, "README", "hello\n"));
    awaitIdle();
    assertThat(botMessages(r.getChangeId())).hasSize(1);
    assertThat(vote(r.getChangeId())).isEqualTo(1);
    assertThat(gApi.changes().id(r.getChangeId()).comments()).isEmpty();
  }

  @Test
  public void noPythonFileNoReview() throws Exception {
    PushOneCommit.Result r = push("Docs", Map.of("README", "hello\n"));
    awaitIdle();
    assertThat(botMessages(r.getChangeId())).isEmpty();
  }

  @Test
  public void onlyChangedLinesAreCommented() throws Exception {
    // The base already has the defect on line 3; the change adds a second one at the end.
    pushHead("Base", Map.of("ovn/client.py", UNCHECKED_TXN));
    String changed =
        UNCHECKED_TXN
            + "\n"
            + "    def clear(self, pg_name):\n"
            + "        with self._nb_idl.transaction(check_error=False) as txn:\n"
            + "            txn.add(self._nb_idl.pg_del(pg_name))\n";
    PushOneCommit.Result r = push("Add clear", Map.of("ovn/client.py", changed));
    awaitIdle();
    List<CommentInfo> comments = comments(r.getChangeId(), "ovn/client.py");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).range.startLine).isEqualTo(7);
    assertThat(comments.get(0).range.startCharacter).isEqualTo(13);
  }

  /** Five OVN301 findings. */
  static final String FIVE_UNCHECKED_TXNS =
      "class Client:\n"
          + "    def run(self, pg):\n"
          + ("        with self._nb_idl.transaction(check_error=False) as txn:\n"
                  + "            txn.add(self._nb_idl.pg_del(pg))\n")
              .repeat(5);

  @Test
  public void commentsAreCappedAndTheRestCounted() throws Exception {
    PushOneCommit.Result r = push("Five", Map.of("ovn/five.py", FIVE_UNCHECKED_TXNS));
    awaitIdle();
    assertThat(comments(r.getChangeId(), "ovn/five.py")).hasSize(MAX_COMMENTS);
    String m = botMessages(r.getChangeId()).get(0).message;
    assertThat(m).contains("5 findings on changed lines");
    assertThat(m).contains("2 more new findings not posted as comments (at most 3 per review)");
  }

  @Test
  @GerritConfig(name = "change.maxComments", value = "3")
  public void gerritsCommentLimitLeavesOutComments() throws Exception {
    // The upload's message is one of the 3: the review's message and one comment fit.
    PushOneCommit.Result r = push("Five", Map.of("ovn/five.py", FIVE_UNCHECKED_TXNS));
    awaitIdle();
    assertThat(comments(r.getChangeId(), "ovn/five.py")).hasSize(1);
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    assertThat(botMessages(r.getChangeId()).get(0).message)
        .contains("4 more new findings not posted as comments");
  }

  @Test
  @GerritConfig(name = "change.maxComments", value = "1")
  public void fullChangeIsReportedNotReviewed() throws Exception {
    PushOneCommit.Result r = push("Five", Map.of("ovn/five.py", FIVE_UNCHECKED_TXNS));
    awaitIdle();
    Outcome o = reviewer().run(request(r, 1));
    assertThat(o.status()).isEqualTo(Status.COMMENT_LIMIT);
    assertThat(o.detail())
        .contains("Gerrit allows 1 comments and messages per change (change.maxComments)");
    assertThat(botMessages(r.getChangeId())).isEmpty();
    assertThat(vote(r.getChangeId())).isNull();
  }

  @Test
  public void duplicatedEventPostsOneReview() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    ReviewRequest req = request(r, 1);
    // Duplicates while the first is still queued or running, and after it finished.
    queue().submit(req);
    queue().submit(req);
    awaitIdle();
    queue().submit(req);
    awaitIdle();
    assertThat(reviewer().run(req).status()).isEqualTo(Status.ALREADY_REVIEWED);
    assertThat(botMessages(r.getChangeId())).hasSize(1);
    assertThat(comments(r.getChangeId(), "ovn/client.py")).hasSize(1);
  }

  @Test
  public void sameCodeCarriesVoteOver() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    gApi.changes().id(r.getChangeId()).setMessage("Reworded\n\nChange-Id: " + r.getChangeId());
    awaitIdle();
    List<ChangeMessageInfo> msgs = botMessages(r.getChangeId());
    assertThat(msgs).hasSize(2);
    assertThat(msgs.get(1)._revisionNumber).isEqualTo(2);
    assertThat(msgs.get(1).message).contains("same code as patch set 1 (NO_CODE_CHANGE)");
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    // The comments are not repeated on patch set 2.
    assertThat(comments(r.getChangeId(), "ovn/client.py")).hasSize(1);
  }

  @Test
  public void newerPatchSetSkipsOldOne() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    amend(r, Map.of("ovn/client.py", CLEAN));
    awaitIdle();
    Outcome o = reviewer().run(request(r, 1));
    assertThat(o.status()).isEqualTo(Status.OUTDATED);
    assertThat(o.vote()).isNull();
    assertThat(botMessages(r.getChangeId()).stream().filter(m -> m._revisionNumber == 1).count())
        .isAtMost(1);
  }

  @Test
  @GerritConfig(name = "plugin.security-review.maxFileSize", value = "100000")
  public void deepValidExpressionIsReviewedWithoutErrorOnASmallStack() throws Exception {
    // 1,400 nested lambdas: valid Python, deeper than a small stack can parse (128 KiB, so that
    // compiled code's smaller frames do not make it fit).
    String deep = "handler = " + "lambda: ".repeat(1400) + "None\n";
    setPluginConfig(project, "enabled", "false");
    PushOneCommit.Result r = push("Add handler", Map.of("ovn/handler.py", deep));
    awaitIdle();
    setPluginConfig(project, "enabled", "true");
    Outcome outcome = OnThread.call(128L << 10, () -> reviewer().run(request(r, 1)));
    assertThat(outcome.status()).isEqualTo(Status.POSTED);
    assertThat(vote(r.getChangeId())).isEqualTo(1);
    String summary = botMessages(r.getChangeId()).get(0).message;
    assertThat(summary).doesNotContain("Syntax error");
    assertThat(summary).doesNotContain("Internal error");
    assertThat(summary).contains("no findings on changed lines in 1 file.");
  }

  @Test
  public void disabledProjectIsNotReviewed() throws Exception {
    setPluginConfig(project, "enabled", "false");
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    assertThat(botMessages(r.getChangeId())).isEmpty();
    assertThat(reviewer().run(request(r, 1)).status()).isEqualTo(Status.DISABLED);
  }

  @Test
  public void voteThresholdFromProjectConfig() throws Exception {
    setPluginConfig(project, "voteSeverity", "high");
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    // OVN301 is medium: still commented, as resolved, but it no longer blocks.
    assertThat(vote(r.getChangeId())).isEqualTo(1);
    List<CommentInfo> comments = comments(r.getChangeId(), "ovn/client.py");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).unresolved).isFalse();
  }

  @Test
  public void invalidProjectValueFallsBackToDefault() throws Exception {
    setPluginConfig(project, "voteSeverity", "severe");
    setPluginConfig(project, "enabled", "perhaps");
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
  }

  @Test
  public void includeAndExcludeGlobs() throws Exception {
    setPluginConfig(project, "include", "src/**/*.py");
    setPluginConfig(project, "exclude", "**/tests/**");
    PushOneCommit.Result r =
        push(
            "Three files",
            Map.of(
                "src/a.py", UNCHECKED_TXN,
                "src/tests/b.py", UNCHECKED_TXN,
                "other/c.py", UNCHECKED_TXN));
    awaitIdle();
    Map<String, List<CommentInfo>> all = gApi.changes().id(r.getChangeId()).comments();
    assertThat(all.keySet()).containsExactly("src/a.py");
  }

  @Test
  public void binaryOversizedAndSyntaxError() throws Exception {
    String big = "x = 1\n".repeat((int) (MAX_FILE_SIZE / 6) + 10);
    PushOneCommit.Result r =
        push(
            "Odd files",
            Map.of(
                "blob.py", "abc\0def\n",
                "big.py", big,
                "broken.py", "def broken(:\n    pass\n"));
    awaitIdle();
    List<ChangeMessageInfo> msgs = botMessages(r.getChangeId());
    assertThat(msgs).hasSize(1);
    String m = msgs.get(0).message;
    assertThat(m).contains("blob.py: binary");
    assertThat(m).contains("big.py: larger than " + MAX_FILE_SIZE + " bytes");
    assertThat(m).contains("Syntax errors (checked as far as they parse): broken.py");
    // Incomplete review: neither -1 (nothing blocks) nor +1.
    assertThat(m).contains(LABEL + " 0: the review is incomplete.");
    assertThat(vote(r.getChangeId())).isAnyOf(null, 0);
    List<CommentInfo> comments = comments(r.getChangeId(), "broken.py");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).message).startsWith("SR001 ");
    assertThat(comments.get(0).range.startLine).isEqualTo(1);
  }

  // ------------------------------------------------------------------ across patch sets

  /** A module already on the branch: no finding. */
  static final String CLIENT_BASE =
      "import logging\n"
          + "\n"
          + "LOG = logging.getLogger(__name__)\n"
          + "\n"
          + "\n"
          + "class Client:\n"
          + "    def __init__(self, nb_idl):\n"
          + "        self._nb_idl = nb_idl\n"
          + "\n"
          + "    def create_port_group(self, name, acls):\n"
          + "        LOG.debug('Creating port group %s', name)\n"
          + "        with self._nb_idl.transaction(check_error=True) as txn:\n"
          + "            txn.add(self._nb_idl.pg_add(name, acls=acls, may_exist=True))\n";

  /** The change's method: one OVN301 finding, at line 17 when appended to the base. */
  static final String DELETE_PG =
      "\n"
          + "    def delete_port_group(self, pg_name):\n"
          + "        LOG.debug('Deleting port group %s', pg_name)\n"
          + "        with self._nb_idl.transaction(check_error=False) as txn:\n"
          + "            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))\n";

  /** The same code as base + change, reformatted: rewrapped, other quotes, commas, comments. */
  static final String CLIENT_REFORMATTED =
      "import logging\n"
          + "\n"
          + "LOG = logging.getLogger(__name__)\n"
          + "\n"
          + "\n"
          + "class Client:\n"
          + "    def __init__(self, nb_idl):\n"
          + "        self._nb_idl = nb_idl\n"
          + "\n"
          + "    def create_port_group(self, name, acls):\n"
          + "        LOG.debug(\"Creating port group %s\", name)\n"
          + "        with self._nb_idl.transaction(check_error=True) as txn:\n"
          + "            txn.add(\n"
          + "                self._nb_idl.pg_add(\n"
          + "                    name,\n"
          + "                    acls=acls,\n"
          + "                    may_exist=True,\n"
          + "                )\n"
          + "            )\n"
          + "\n"
          + "    def delete_port_group(self, pg_name):\n"
          + "        # The group goes, with its ACLs.\n"
          + "        LOG.debug(\"Deleting port group %s\", pg_name)\n"
          + "        with self._nb_idl.transaction(\n"
          + "            check_error=False,\n"
          + "        ) as txn:  # one transaction\n"
          + "            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))\n";

  /** A second defect in another method (another fingerprint). */
  static final String CLEAR_PG =
      "\n"
          + "    def clear_port_group(self, pg_name):\n"
          + "        with self._nb_idl.transaction(check_error=False) as txn:\n"
          + "            txn.add(self._nb_idl.pg_del_acls(pg_name))\n";

  @Test
  public void reformattingIsNotCommentedAgainAndANewDefectIs() throws Exception {
    pushHead("Base", Map.of("ovn/client.py", CLIENT_BASE));
    PushOneCommit.Result r =
        push("Delete port groups", Map.of("ovn/client.py", CLIENT_BASE + DELETE_PG));
    awaitIdle();
    List<CommentInfo> ps1 = comments(r.getChangeId(), "ovn/client.py");
    assertThat(ps1).hasSize(1);
    assertThat(ps1.get(0).line).isEqualTo(17);
    // The last line names the rule's page and the finding's fingerprint.
    assertThat(ps1.get(0).message)
        .containsMatch("\n\nRule: \\S+/rules/OVN301\\.html \u00b7 fingerprint [0-9a-f]{16}$");

    amend(r, Map.of("ovn/client.py", CLIENT_REFORMATTED));
    awaitIdle();
    assertThat(comments(r.getChangeId(), "ovn/client.py")).hasSize(1);
    // Still there, still blocking.
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    assertThat(botMessage(r.getChangeId(), 2))
        .contains(
            "1 finding on changed lines in 1 file (0 high, 1 medium, 0 low):"
                + " 0 new, 1 already commented on an earlier patch set.");

    amend(r, Map.of("ovn/client.py", CLIENT_REFORMATTED + CLEAR_PG));
    awaitIdle();
    List<CommentInfo> all = comments(r.getChangeId(), "ovn/client.py");
    assertThat(all).hasSize(2);
    CommentInfo added = all.stream().filter(c -> c.patchSet == 3).findFirst().orElseThrow();
    assertThat(added.line).isEqualTo(CLIENT_REFORMATTED.split("\n").length + 3);
    assertThat(added.inReplyTo).isNull();
    assertThat(botMessage(r.getChangeId(), 3))
        .contains(
            "2 findings on changed lines in 1 file (0 high, 2 medium, 0 low):"
                + " 1 new, 1 already commented on an earlier patch set.");
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
  }

  @Test
  public void preexistingFindingOnTouchedLineIsNotCommented() throws Exception {
    pushHead("Base", Map.of("ovn/client.py", UNCHECKED_TXN));
    PushOneCommit.Result r =
        push(
            "Explain",
            Map.of(
                "ovn/client.py",
                UNCHECKED_TXN.replace(" as txn:\n", " as txn:  # one per group\n")));
    awaitIdle();
    assertThat(gApi.changes().id(r.getChangeId()).comments()).isEmpty();
    String m = botMessage(r.getChangeId(), 1);
    assertThat(m).contains("no new findings on changed lines in 1 file.");
    assertThat(m)
        .contains(
            "1 pre-existing finding on changed lines is not commented: the base already had it.");
    assertThat(vote(r.getChangeId())).isEqualTo(1);
    String json =
        userRestSession
            .get("/changes/" + r.getChangeId() + "/revisions/current/security-review~findings")
            .getEntityContent();
    assertThat(json).contains("\"findings\":[]");
    assertThat(json).contains("\"preexisting\":1");
  }

  @Test
  public void fixedFindingGetsAReplyOnlyWithReplyWhenFixed() throws Exception {
    String fixedCode = UNCHECKED_TXN.replace("check_error=False", "check_error=True");
    // Default: the thread is left alone.
    PushOneCommit.Result off = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    amend(off, Map.of("ovn/client.py", fixedCode));
    awaitIdle();
    assertThat(comments(off.getChangeId(), "ovn/client.py")).hasSize(1);
    assertThat(vote(off.getChangeId())).isEqualTo(1);

    setPluginConfig(project, "replyWhenFixed", "true");
    testRepo.reset("HEAD~1");
    PushOneCommit.Result on = push("Add client", Map.of("ovn/other.py", UNCHECKED_TXN));
    awaitIdle();
    CommentInfo root = comments(on.getChangeId(), "ovn/other.py").get(0);
    amend(on, Map.of("ovn/other.py", fixedCode));
    awaitIdle();
    List<CommentInfo> thread = comments(on.getChangeId(), "ovn/other.py");
    assertThat(thread).hasSize(2);
    CommentInfo reply = thread.stream().filter(c -> c.inReplyTo != null).findFirst().orElseThrow();
    assertThat(reply.message).isEqualTo("Fixed in patch set 2.");
    assertThat(reply.inReplyTo).isEqualTo(root.id);
    assertThat(reply.author._accountId).isEqualTo(bot.get());
    // Stored as the UI stores a reply: on the thread's patch set and line; unresolved unchanged.
    assertThat(reply.patchSet).isEqualTo(1);
    assertThat(reply.line).isEqualTo(root.line);
    assertThat(reply.unresolved).isTrue();
    assertThat(botMessage(on.getChangeId(), 2))
        .contains("Replied on earlier threads: 0 with a new message, 1 fixed.");
    assertThat(vote(on.getChangeId())).isEqualTo(1);

    // Said once: a further patch set without the finding adds nothing.
    amend(on, Map.of("ovn/other.py", fixedCode + "# done\n"));
    awaitIdle();
    assertThat(botMessages(on.getChangeId())).hasSize(3);
    assertThat(comments(on.getChangeId(), "ovn/other.py")).hasSize(2);
  }

  @Test
  public void changedMessageIsRepliedOnTheThread() throws Exception {
    // OVN102 names the tenant field the match comes from, which sits in another statement: the
    // finding (rule, method, flagged statement) stays the same while its message changes.
    String acl =
        "class AclBuilder:\n"
            + "    def parent_acl(self, txn, port):\n"
            + "        parent = port['name']\n"
            + "        expr = 'inport == \"%s\"' % parent\n"
            + "        txn.add(self._nb_idl.pg_acl_add(port_group='pg', match=expr))\n";
    PushOneCommit.Result r = push("ACLs", Map.of("ovn/acl.py", acl));
    awaitIdle();
    CommentInfo root = comments(r.getChangeId(), "ovn/acl.py").get(0);
    assertThat(root.message).startsWith("OVN102 ");
    assertThat(root.message).contains("`port['name']`");

    String changed = acl.replace("port['name']", "port['description']");
    amend(r, Map.of("ovn/acl.py", changed));
    awaitIdle();
    List<CommentInfo> comments = comments(r.getChangeId(), "ovn/acl.py");
    assertThat(comments).hasSize(2);
    CommentInfo reply =
        comments.stream().filter(c -> c.inReplyTo != null).findFirst().orElseThrow();
    assertThat(reply.inReplyTo).isEqualTo(root.id);
    assertThat(reply.message).contains("`port['description']`");
    assertThat(BotThreads.fingerprint(reply.message))
        .isEqualTo(BotThreads.fingerprint(root.message));
    assertThat(reply.unresolved).isTrue();
    assertThat(botMessage(r.getChangeId(), 2))
        .contains("Replied on earlier threads: 1 with a new message, 0 fixed.");

    // The reply is now what the bot said last: the same message again adds nothing.
    amend(r, Map.of("ovn/acl.py", changed + "# end\n"));
    awaitIdle();
    assertThat(comments(r.getChangeId(), "ovn/acl.py")).hasSize(2);
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
  }

  // ------------------------------------------------------------------ failures

  /** The diff-level rules' fixtures: a base version and a new version of one file each. */
  static final List<String> DIFF_RULES = List.of("OVN701", "OVN702", "OVN703", "OVN704");

  static String fixture(String id, String name) throws Exception {
    return Files.readString(Fixtures.dir(id).resolve(name));
  }

  @Test
  public void diffLevelRulesFireOnTheUploadThatRemovesOrAddsWhatTheyLookFor() throws Exception {
    Map<String, String> base = new LinkedHashMap<>();
    Map<String, String> changed = new LinkedHashMap<>();
    for (String id : DIFF_RULES) {
      String path = "neutron/plugins/ml2/drivers/ovn/" + id.toLowerCase(Locale.ROOT) + ".py";
      base.put(path, fixture(id, "fires.base.py"));
      changed.put(path, fixture(id, "fires.py"));
    }
    pushHead("Base", base);
    PushOneCommit.Result r = push("Change", changed);
    awaitIdle();
    // Every finding the upload draws (comments are capped at MAX_COMMENTS per review).
    Analysis a = reviewer().analyze(project, r.getCommit().name());
    for (String id : DIFF_RULES) {
      String path = "neutron/plugins/ml2/drivers/ovn/" + id.toLowerCase(Locale.ROOT) + ".py";
      List<Finding> inFile = a.findings().stream().filter(f -> f.path().equals(path)).toList();
      assertWithMessage("%s: positions flagged, line:col", id)
          .that(Fixtures.flagged(inFile, id))
          .containsExactlyElementsIn(Fixtures.expected(id + "/fires.py", changed.get(path), id))
          .inOrder();
    }
    List<String> commented =
        gApi.changes().id(r.getChangeId()).comments().values().stream()
            .flatMap(List::stream)
            .map(c -> c.message.substring(0, 6))
            .toList();
    assertThat(commented).hasSize(MAX_COMMENTS);
    // The comments go to findings of the upload, those that block first.
    assertThat(
            a.findings().stream()
                .filter(ProjectSettings.defaults(LABEL)::blocks)
                .map(Finding::ruleId)
                .toList())
        .containsAtLeastElementsIn(Set.copyOf(commented));
    // OVN701 and OVN704 reach the vote threshold.
    assertThat(vote(r.getChangeId())).isEqualTo(-1);

    // The same files uploaded unchanged against themselves draw none of these findings.
    testRepo.reset("HEAD~1");
    pushHead("New base", changed);
    PushOneCommit.Result again =
        push(
            "Touch",
            Map.of(
                "neutron/plugins/ml2/drivers/ovn/ovn704.py",
                changed.get("neutron/plugins/ml2/drivers/ovn/ovn704.py") + "\nLIMIT = 1\n"));
    awaitIdle();
    assertThat(
            reviewer().analyze(project, again.getCommit().name()).findings().stream()
                .map(Finding::ruleId)
                .filter(DIFF_RULES::contains)
                .toList())
        .isEmpty();
  }

  @Test
  public void securityExtensionWithItsAclChangeIsNotCommented() throws Exception {
    String extensions = "neutron/common/ovn/extensions.py";
    pushHead("Base", Map.of(extensions, fixture("OVN702", "silent-acl-changed.base.py")));
    String now = fixture("OVN702", "silent-acl-changed.py");
    // The same extension list change, once alone and once with the ACL module.
    PushOneCommit.Result alone = push("Enable alone", Map.of(extensions, now));
    awaitIdle();
    // Two security extensions added, no ACL module changed: one comment each.
    assertThat(
            comments(alone.getChangeId(), extensions).stream().map(c -> c.message.substring(0, 7)))
        .containsExactly("OVN702 ", "OVN702 ");
    testRepo.reset("HEAD~1");
    PushOneCommit.Result withAcl =
        push(
            "Enable with ACLs",
            Map.of(extensions, now, "neutron/common/ovn/acl.py", "ACL_VERSION = 2\n"));
    awaitIdle();
    assertThat(comments(withAcl.getChangeId(), extensions)).isEmpty();
  }

  @Test
  @GerritConfig(name = "plugin.security-review.provideLabel", value = "false")
  public void missingLabelPostsNothing() throws Exception {
    Project.NameKey p = projectOperations.newProject().create();
    PushOneCommit.Result r = pushTo(p, Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    assertThat(reviewer().run(request(p, r, 1)).status()).isEqualTo(Status.LABEL_MISSING);
    assertThat(botMessages(r.getChangeId())).isEmpty();
  }

  @Test
  public void botWithoutPermissionPostsNothing() throws Exception {
    Project.NameKey p = projectOperations.newProject().create();
    defineLabel(p);
    PushOneCommit.Result r = pushTo(p, Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    assertThat(reviewer().run(request(p, r, 1)).status()).isEqualTo(Status.NOT_PERMITTED);
    assertThat(botMessages(r.getChangeId())).isEmpty();
    assertThat(gApi.changes().id(r.getChangeId()).comments()).isEmpty();
  }

  @Test
  public void deletedChangeIsReportedNotRetried() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    ReviewRequest req = request(r, 1);
    gApi.changes().id(r.getChangeId()).delete();
    assertThat(reviewer().run(req).status()).isEqualTo(Status.CHANGE_MISSING);
    assertThat(queue().submit(req)).isTrue();
    awaitIdle();
  }

  // ------------------------------------------------------------------ REST and SSH

  @Test
  public void findingsRestIsReadableByAnyoneWhoSeesTheChange() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    RestResponse resp =
        userRestSession.get(
            "/changes/" + r.getChangeId() + "/revisions/current/security-review~findings");
    resp.assertOK();
    String json = resp.getEntityContent();
    assertThat(json).contains("\"rule_id\":\"OVN301\"");
    assertThat(json).contains("\"line\":3,\"column\":13");
    assertThat(json).contains("\"vote\":-1");
  }

  @Test
  public void runRestNeedsOwnerOrCapability() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    String url = "/changes/" + r.getChangeId() + "/revisions/current/security-review~run";
    userRestSession.post(url).assertForbidden();

    projectOperations
        .allProjectsForUpdate()
        .add(
            allowCapability("security-review-" + RunCapability.NAME)
                .group(SystemGroupBackend.REGISTERED_USERS))
        .update();
    RestResponse resp = userRestSession.post(url);
    resp.assertOK();
    assertThat(resp.getEntityContent()).contains("\"status\":\"POSTED\"");
    assertThat(botMessages(r.getChangeId())).hasSize(2);

    // The owner (admin here) may always re-run.
    adminRestSession.post(url).assertOK();
    assertThat(botMessages(r.getChangeId())).hasSize(3);
  }

  @Test
  public void sshScanIsForAdministrators() throws Exception {
    PushOneCommit.Result r = push("Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    int number = r.getChange().getId().get();
    userSshSession.exec("security-review scan " + number);
    assertThat(userSshSession.getError()).isNotNull();
    assertThat(botMessages(r.getChangeId())).hasSize(1);

    String out = adminSshSession.exec("security-review scan " + number + ",1");
    adminSshSession.assertSuccess();
    assertThat(out).contains("POSTED");
    assertThat(out).contains("vote -1, 1 comments");
    assertThat(botMessages(r.getChangeId())).hasSize(2);
  }

  // ------------------------------------------------------------------ helpers

  PushOneCommit.Result push(String subject, Map<String, String> files) throws Exception {
    return upload(testRepo, subject, files);
  }

  void pushHead(String subject, Map<String, String> files) throws Exception {
    pushFactory
        .create(admin.newIdent(), testRepo, subject, files)
        .to("refs/heads/master")
        .assertOkStatus();
  }

  PushOneCommit.Result amend(PushOneCommit.Result r, Map<String, String> files) throws Exception {
    return amend(testRepo, r, files);
  }

  PushOneCommit.Result pushTo(Project.NameKey p, Map<String, String> files) throws Exception {
    return upload(cloneProject(p, admin), "Change", files);
  }

  ReviewRequest request(PushOneCommit.Result r, int ps) {
    return request(project, r, ps);
  }

  /** The bot's review message on a patch set. */
  String botMessage(String changeId, int patchSet) throws Exception {
    return botMessages(changeId).stream()
        .filter(m -> m._revisionNumber == patchSet)
        .map(m -> m.message)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  List<CommentInfo> comments(String changeId, String path) throws Exception {
    return gApi.changes().id(changeId).comments().getOrDefault(path, List.of());
  }
}
