package com.googlesource.gerrit.plugins.securityreview.demo;

import static com.google.common.truth.Truth.assertThat;
import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.google.gerrit.acceptance.AbstractDaemonTest;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestAccount;
import com.google.gerrit.acceptance.UseLocalDisk;
import com.google.gerrit.acceptance.testsuite.account.AccountOperations;
import com.google.gerrit.acceptance.testsuite.group.GroupOperations;
import com.google.gerrit.acceptance.testsuite.project.ProjectOperations;
import com.google.gerrit.acceptance.testsuite.request.RequestScopeOperations;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.AccountGroup;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.common.InstallPluginInput;
import com.google.gerrit.testing.ConfigSuite;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.Test;

/**
 * The demo behind {@code ./run demo}: an embedded Gerrit 3.13 (the acceptance framework's daemon,
 * with its site on local disk and real HTTP) loads the built jar through Gerrit's plugin loader, as
 * a real site would, with the defaults a real site gets: the plugin brings the {@code
 * Security-Review} label and its submit requirement, and the bot's permission to vote is the one
 * line an administrator adds. A user pushes a sample OVN driver module over git-over-HTTP; the demo
 * waits for the plugin's review and prints it, fetched back through Gerrit's REST API, as a
 * reviewer would read it; the user then fixes most findings in a second patch set, and a core
 * reviewer dismisses the last one as a false positive, which turns the bot's vote from -1 to +1.
 *
 * <p>An integration test (it needs the jar), run by {@code ./run test} too, with assertions on what
 * it prints, so that the README's first command cannot break unnoticed. With {@code
 * -Dsecurityreview.demo.serve=true} ({@code ./run demo --serve}) the server stays up after the
 * story until Ctrl-C and the demo prints the git URL, the credentials and curl lines. With {@code
 * -Dsecurityreview.demo.site=DIR} as well, the site is created in {@code DIR} and kept (not a
 * temporary folder), so that {@link ServeDemoSite} can start Gerrit on it again.
 */
@UseLocalDisk
public class GerritDemoIT extends AbstractDaemonTest {
  static final String BOT = "security-bot";
  static final String LABEL = "Security-Review";
  static final String PROJECT = "demo";
  static final String SAMPLE = "demo/ovn_port_sync.py";
  static final String SAMPLE_FIXED = "demo/ovn_port_sync_v2.py";
  static final String SAMPLE_PATH = "networking_demo/ovn/port_sync.py";
  static final String PLUGIN = "security-review";
  static final String JAR_PROPERTY = "securityreview.jar";
  static final String SERVE_PROPERTY = "securityreview.demo.serve";
  static final String SITE_PROPERTY = "securityreview.demo.site";

  static {
    // The framework puts the site into a temporary folder and deletes it; --serve keeps it instead.
    // JUnit reads this class rule after ConfigSuite has called config(), i.e. after this block.
    String site = System.getProperty(SITE_PROPERTY, "");
    if (Boolean.getBoolean(SERVE_PROPERTY) && !site.isEmpty()) {
      temporaryFolder = new KeptSiteFolder(Path.of(site));
    }
  }

  @ConfigSuite.Default
  public static Config config() {
    Config cfg = new Config();
    cfg.setString("plugin", "security-review", "account", BOT);
    // The demo installs the jar as an administrator would, over the REST API.
    cfg.setBoolean("plugins", null, "allowRemoteAdmin", true);
    return cfg;
  }

  @Inject private AccountOperations accountOperations;
  @Inject private GroupOperations groupOperations;
  @Inject private ProjectOperations projectOperations;
  @Inject private RequestScopeOperations scope;

  @Test
  public void reviewsTheSampleChange() throws Exception {
    StringBuilder out = new StringBuilder();
    runDemo(out);
    String text = out.toString();
    assertThat(text).contains("Security-Review -1 by Security Bot");
    for (String rule : List.of("OVN301", "OVN303", "OVN603", "OVN501", "PY104")) {
      assertThat(text).contains(rule + " ");
    }
    assertThat(text).contains(SAMPLE_PATH + ":52");
    assertThat(text).contains("transaction(check_error=False)");
    assertThat(text).contains("5 findings on changed lines");
    assertThat(text).contains("answers 200 OK");
    assertThat(text).doesNotContain("/c/" + PROJECT + "/+/");
    assertThat(text)
        .contains(
            "Patch set 2: Security-Review -1 by Security Bot; one finding is left, OVN303 at line"
                + " 59, already commented on patch set 1.");
    assertThat(text)
        .contains(
            "Not dismissed: only users who may vote Code-Review+2 on this change may dismiss its"
                + " findings.");
    assertThat(text)
        .contains(
            "Security-Review +1: Administrator dismissed OVN303 in "
                + SAMPLE_PATH
                + " as a false positive");
    assertThat(text).contains("Security-Review now +1 by Security Bot");
    if (Boolean.getBoolean(SERVE_PROPERTY)) {
      DemoAccounts accounts =
          new DemoAccounts(
              user.username(), user.httpPassword(), admin.username(), admin.httpPassword());
      if (temporaryFolder instanceof KeptSiteFolder) {
        accounts.save(sitePaths.site_path);
      }
      serve(webUrl(), accounts);
    }
  }

  /** Sets up the project, pushes the sample change, waits for the review and prints it. */
  void runDemo(StringBuilder out) throws Exception {
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/security-review.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no plugin jar at " + jar + ": build it first (./run build), or run ./run demo");
    }
    InstallPluginInput install = new InstallPluginInput();
    install.url = jar.toUri().toString();
    gApi.plugins().install(PLUGIN + ".jar", install);
    Account.Id bot = accountOperations.newAccount().username(BOT).fullname("Security Bot").create();
    AccountGroup.UUID bots =
        groupOperations.newGroup().name("Security Bots").addMember(bot).create();
    Project.NameKey demo = projectOperations.newProject().name(PROJECT).create();
    // The one line of access an administrator writes; the label comes from the plugin.
    projectOperations
        .project(demo)
        .forUpdate()
        .add(allowLabel(LABEL).ref("refs/heads/*").group(bots).range(-1, 1))
        .update();
    print(out, "Gerrit is up at " + webUrl() + "; " + jar.getFileName() + " is loaded through");
    print(out, "Gerrit's plugin loader (PUT /plugins/" + PLUGIN + ".jar), as on a real site.");
    print(
        out,
        "The plugin brings the "
            + LABEL
            + " label and its submit requirement; project '"
            + PROJECT
            + "'");
    print(out, "only lets '" + BOT + "' vote -1..+1 on it.");

    String changeId = pushSample(out, sample(SAMPLE), null);
    JsonObject detail = awaitReview(changeId, bot, 1);
    printReview(out, changeId, detail, bot);
    printRulePage(out, changeId);

    print(out, "");
    print(out, "The user fixes four findings and pushes patch set 2:");
    pushSample(out, sample(SAMPLE_FIXED), changeId);
    detail = awaitReview(changeId, bot, 2);
    JsonObject finding =
        rest("/changes/" + changeId + "/revisions/current/" + PLUGIN + "~findings")
            .getAsJsonObject()
            .getAsJsonArray("findings")
            .get(0)
            .getAsJsonObject();
    JsonObject comment = botThread(changeId, bot, finding.get("fingerprint").getAsString());
    print(
        out,
        "Patch set 2: "
            + LABEL
            + " "
            + vote(detail, bot)
            + " by Security Bot; one finding is left, "
            + finding.get("rule_id").getAsString()
            + " at line "
            + finding.get("line").getAsInt()
            + ", already commented on patch set "
            + comment.get("patch_set").getAsInt()
            + ".");
    print(out, "");
    print(out, "The user replies on that thread \"Dismiss as false positive\"; the bot answers:");
    replyOnThread(changeId, comment, "Dismiss as false positive");
    print(out, indent(answerTo(changeId, "Dismiss as false positive"), "    "));

    print(out, "");
    String note = "the maintenance task re-applies the admin state on every run";
    print(out, "A core reviewer (Code-Review+2) dismisses it through REST:");
    print(
        out,
        "$ curl -X POST .../changes/"
            + number(detail)
            + "/revisions/current/"
            + PLUGIN
            + "~dismiss -d '{\"fingerprint\": \""
            + fingerprint(comment)
            + "\", \"reason\": \"false_positive\", ...}'");
    JsonObject body = new JsonObject();
    body.addProperty("fingerprint", fingerprint(comment));
    body.addProperty("reason", "false_positive");
    body.addProperty("message", note);
    adminRestSession
        .post("/changes/" + changeId + "/revisions/current/" + PLUGIN + "~dismiss", body)
        .assertOK();
    detail = rest("/changes/" + changeId + "/detail").getAsJsonObject();
    print(out, indent(botMessage(detail, bot).get("message").getAsString(), "    "));
    print(out, LABEL + " now " + vote(detail, bot) + " by Security Bot.");
  }

  /**
   * Pushes the sample as a new change, or as a new patch set of {@code changeId}; returns the
   * change's id.
   */
  String pushSample(StringBuilder out, String content, String changeId) throws Exception {
    Path dir = Files.createTempDirectory("security-review-demo");
    String url = gitUrl();
    if (changeId == null) {
      print(out, "");
      print(out, "$ git clone " + url + "   (as '" + user.username() + "', over HTTP)");
    }
    try (Git git =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(dir.toFile())
            .setCredentialsProvider(credentials(user))
            .call()) {
      Path file = dir.resolve(SAMPLE_PATH);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      git.add().addFilepattern(SAMPLE_PATH).call();
      String id = changeId != null ? changeId : "I" + sha1(UUID.randomUUID().toString());
      git.commit()
          .setAuthor(user.fullName(), user.email())
          .setCommitter(user.fullName(), user.email())
          .setMessage("Sync OVN port groups with security groups\n\nChange-Id: " + id + "\n")
          .call();
      print(out, "$ git push origin HEAD:refs/for/master   (" + SAMPLE_PATH + ")");
      for (PushResult r :
          git.push()
              .setRefSpecs(new RefSpec("HEAD:refs/for/master"))
              .setCredentialsProvider(credentials(user))
              .call()) {
        for (RemoteRefUpdate u : r.getRemoteUpdates()) {
          if (u.getStatus() != RemoteRefUpdate.Status.OK) {
            throw new IllegalStateException("push failed: " + u.getStatus() + " " + u.getMessage());
          }
        }
      }
      return id;
    } finally {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }

  /** Polls the change over REST until the bot reviewed the patch set (at most a minute). */
  JsonObject awaitReview(String changeId, Account.Id bot, int patchSet) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonObject detail = rest("/changes/" + changeId + "/detail").getAsJsonObject();
      JsonObject m = botMessage(detail, bot);
      if (m != null && m.get("_revision_number").getAsInt() == patchSet) {
        return detail;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no review of patch set " + patchSet + " from " + BOT + " within a minute");
      }
      Thread.sleep(200);
    }
  }

  void printReview(StringBuilder out, String changeId, JsonObject detail, Account.Id bot)
      throws Exception {
    int number = number(detail);
    List<String> source = sample(SAMPLE).lines().toList();
    print(out, "");
    print(out, "=".repeat(78));
    // No link to the change page: the embedded Gerrit has no web UI; REST has it all.
    print(
        out,
        "Change "
            + number
            + " \""
            + detail.get("subject").getAsString()
            + "\" (GET /changes/"
            + number
            + "/detail)");
    print(out, LABEL + " " + vote(detail, bot) + " by Security Bot");
    print(out, "=".repeat(78));

    // Inline comments, in file and line order.
    JsonObject byFile = rest("/changes/" + changeId + "/comments").getAsJsonObject();
    TreeMap<String, JsonArray> files = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : byFile.entrySet()) {
      files.put(e.getKey(), e.getValue().getAsJsonArray());
    }
    for (Map.Entry<String, JsonArray> e : files.entrySet()) {
      List<JsonObject> comments = new ArrayList<>();
      e.getValue().forEach(c -> comments.add(c.getAsJsonObject()));
      comments.sort((a, b) -> Integer.compare(line(a), line(b)));
      print(out, "");
      print(out, e.getKey() + ": " + comments.size() + " inline comments");
      for (JsonObject c : comments) {
        int line = line(c);
        print(out, "");
        print(out, e.getKey() + ":" + line);
        int from = c.has("range") ? c.getAsJsonObject("range").get("start_line").getAsInt() : line;
        for (int i = Math.max(1, from); i <= line && i <= source.size(); i++) {
          print(out, String.format("  %4d | %s", i, source.get(i - 1)));
        }
        print(out, indent(c.get("message").getAsString(), "    "));
      }
    }
    print(out, "");
    print(out, "Summary message:");
    print(out, indent(botMessage(detail, bot).get("message").getAsString(), "    "));
  }

  /** Fetches the rule page a comment links to, as a reader following the link would. */
  void printRulePage(StringBuilder out, String changeId) throws Exception {
    JsonObject byFile = rest("/changes/" + changeId + "/comments").getAsJsonObject();
    String message =
        byFile.getAsJsonArray(SAMPLE_PATH).get(0).getAsJsonObject().get("message").getAsString();
    Matcher m = RULE_LINK.matcher(message);
    if (!m.find()) {
      throw new IllegalStateException("no rule link in " + message);
    }
    String link = m.group(1);
    RestResponse page = anonymousRestSession.get(link.substring(webUrl().length() - 1));
    print(out, "");
    print(
        out,
        "The rule link "
            + link
            + " answers "
            + page.getStatusCode()
            + (page.getStatusCode() == 200 ? " OK" : ""));
    page.assertOK();
  }

  private static final Pattern RULE_LINK = Pattern.compile("Rule: (\\S+\\.html)");

  /** The bot's comment about the finding with {@code fingerprint}. */
  private JsonObject botThread(String changeId, Account.Id bot, String fingerprint)
      throws Exception {
    for (JsonElement c :
        rest("/changes/" + changeId + "/comments").getAsJsonObject().getAsJsonArray(SAMPLE_PATH)) {
      JsonObject o = c.getAsJsonObject();
      if (o.getAsJsonObject("author").get("_account_id").getAsInt() == bot.get()
          && o.get("message").getAsString().endsWith("fingerprint " + fingerprint)) {
        return o;
      }
    }
    throw new IllegalStateException("no comment of the bot about " + fingerprint);
  }

  private void replyOnThread(String changeId, JsonObject comment, String message) throws Exception {
    ReviewInput.CommentInput c = new ReviewInput.CommentInput();
    c.path = SAMPLE_PATH;
    c.line = line(comment);
    c.inReplyTo = comment.get("id").getAsString();
    c.message = message;
    ReviewInput in = new ReviewInput();
    in.comments = Map.of(SAMPLE_PATH, List.of(c));
    scope.setApiUser(user.id());
    try {
      gApi.changes().id(changeId).revision(comment.get("patch_set").getAsInt()).review(in);
    } finally {
      scope.setApiUser(admin.id());
    }
  }

  private String answerTo(String changeId, String message) throws Exception {
    JsonArray comments =
        rest("/changes/" + changeId + "/comments").getAsJsonObject().getAsJsonArray(SAMPLE_PATH);
    String id = null;
    for (JsonElement c : comments) {
      if (message.equals(c.getAsJsonObject().get("message").getAsString())) {
        id = c.getAsJsonObject().get("id").getAsString();
      }
    }
    for (JsonElement c : comments) {
      JsonObject o = c.getAsJsonObject();
      if (o.has("in_reply_to") && o.get("in_reply_to").getAsString().equals(id)) {
        return o.get("message").getAsString();
      }
    }
    throw new IllegalStateException("the bot did not answer '" + message + "'");
  }

  private static String fingerprint(JsonObject comment) {
    Matcher m = FINGERPRINT.matcher(comment.get("message").getAsString());
    if (!m.find()) {
      throw new IllegalStateException("no fingerprint in the bot's comment");
    }
    return m.group(1);
  }

  private static final Pattern FINGERPRINT = Pattern.compile("fingerprint ([0-9a-f-]+)\\s*$");

  static int number(JsonObject detail) {
    return detail.get("_number").getAsInt();
  }

  /** The bot's vote as Gerrit shows it: {@code -1}, {@code +1}, or {@code (none)}. */
  static String vote(JsonObject detail, Account.Id bot) {
    JsonObject label = detail.getAsJsonObject("labels").getAsJsonObject(LABEL);
    if (label != null && label.has("all")) {
      for (JsonElement a : label.getAsJsonArray("all")) {
        JsonObject o = a.getAsJsonObject();
        if (o.get("_account_id").getAsInt() == bot.get()
            && o.has("value")
            && o.get("value").getAsInt() != 0) {
          return String.format("%+d", o.get("value").getAsInt());
        }
      }
    }
    return "(none)";
  }

  /** Keeps the server up until the JVM is stopped (Ctrl-C) and tells how to use it. */
  static void serve(String base, DemoAccounts accounts) throws InterruptedException {
    StringBuilder out = new StringBuilder();
    print(out, "");
    print(out, "=".repeat(78));
    print(out, "Gerrit keeps running; stop it with Ctrl-C.");
    print(out, "  Web/REST:  " + base);
    print(out, "  Git URL:   " + base + "a/" + PROJECT);
    print(out, "  User:      " + accounts.user() + " / HTTP password " + accounts.userPassword());
    print(out, "  Admin:     " + accounts.admin() + " / HTTP password " + accounts.adminPassword());
    print(out, "");
    String host = base.replaceFirst("^https?://", "");
    print(out, "Push your own change:");
    print(
        out,
        "  git clone http://"
            + accounts.user()
            + ":"
            + accounts.userPassword()
            + "@"
            + host
            + "a/"
            + PROJECT
            + " && cd "
            + PROJECT);
    print(
        out,
        "  curl -so .git/hooks/commit-msg "
            + base
            + "tools/hooks/commit-msg && chmod +x .git/hooks/commit-msg");
    print(out, "  # add or edit a .py file, then:");
    print(out, "  git add -A && git commit -m 'My change' && git push origin HEAD:refs/for/master");
    print(out, "Read the review back:");
    String auth = "-u " + accounts.user() + ":" + accounts.userPassword();
    print(out, "  curl " + auth + " '" + base + "a/changes/?q=project:" + PROJECT + "'");
    print(out, "  curl " + auth + " " + base + "a/changes/NUMBER/comments");
    print(out, "  curl " + auth + " " + base + "a/changes/NUMBER/detail");
    print(
        out,
        "  curl "
            + auth
            + " "
            + base
            + "a/changes/NUMBER/revisions/current/security-review~findings");
    print(out, "=".repeat(78));
    new CountDownLatch(1).await();
  }

  // ------------------------------------------------------------------ helpers

  String webUrl() {
    String url = canonicalWebUrl.get();
    return url.endsWith("/") ? url : url + "/";
  }

  String gitUrl() {
    return webUrl() + "a/" + PROJECT;
  }

  JsonElement rest(String path) throws Exception {
    RestResponse r = userRestSession.get(path);
    r.assertOK();
    return JsonParser.parseReader(r.getReader());
  }

  static JsonObject botMessage(JsonObject detail, Account.Id bot) {
    JsonObject found = null;
    if (detail.has("messages")) {
      for (JsonElement m : detail.getAsJsonArray("messages")) {
        JsonObject o = m.getAsJsonObject();
        JsonObject author = o.getAsJsonObject("author");
        if (author != null && author.get("_account_id").getAsInt() == bot.get()) {
          found = o;
        }
      }
    }
    return found;
  }

  static int line(JsonObject comment) {
    return comment.has("line") ? comment.get("line").getAsInt() : 0;
  }

  static UsernamePasswordCredentialsProvider credentials(TestAccount a) {
    return new UsernamePasswordCredentialsProvider(a.username(), a.httpPassword());
  }

  static String sample(String resource) throws IOException {
    try (InputStream in = GerritDemoIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  static String sha1(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(UTF_8)));
  }

  static String indent(String text, String prefix) {
    return text.strip()
        .lines()
        .map(l -> l.isEmpty() ? "" : prefix + l)
        .collect(Collectors.joining("\n"));
  }

  /** Prints a line of the demo at once (the demo is watched live) and keeps it for the test. */
  static void print(StringBuilder out, String line) {
    out.append(line).append('\n');
    System.out.println(line);
    System.out.flush();
  }
}
