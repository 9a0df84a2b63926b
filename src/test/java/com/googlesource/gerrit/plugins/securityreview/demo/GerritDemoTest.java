package com.googlesource.gerrit.plugins.securityreview.demo;

import static com.google.common.truth.Truth.assertThat;
import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.google.gerrit.acceptance.LightweightPluginDaemonTest;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestAccount;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.UseLocalDisk;
import com.google.gerrit.acceptance.testsuite.account.AccountOperations;
import com.google.gerrit.acceptance.testsuite.group.GroupOperations;
import com.google.gerrit.acceptance.testsuite.project.ProjectOperations;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.AccountGroup;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.common.LabelDefinitionInput;
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
 * with its site on local disk and real HTTP) with this plugin loaded, a {@code demo} project with
 * the {@code Security-Review} label, a bot account allowed to vote on it and a user. The user
 * pushes a sample OVN driver module over git-over-HTTP; the demo waits for the plugin's review and
 * prints it, fetched back through Gerrit's REST API, as a reviewer would read it.
 *
 * <p>Run by {@code ./run test} too, with assertions on what it prints, so that the README's first
 * command cannot break unnoticed. With {@code -Dsecurityreview.demo.serve=true} ({@code ./run demo
 * --serve}) the server stays up after the review until Ctrl-C and the demo prints the git URL, the
 * credentials and curl lines. With {@code -Dsecurityreview.demo.site=DIR} as well, the site is
 * created in {@code DIR} and kept (not a temporary folder), so that {@link ServeDemoSite} can start
 * Gerrit on it again.
 */
@UseLocalDisk
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class GerritDemoTest extends LightweightPluginDaemonTest {
  static final String BOT = "security-bot";
  static final String LABEL = "Security-Review";
  static final String PROJECT = "demo";
  static final String SAMPLE = "demo/ovn_port_sync.py";
  static final String SAMPLE_PATH = "networking_demo/ovn/port_sync.py";
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
    return cfg;
  }

  @Inject private AccountOperations accountOperations;
  @Inject private GroupOperations groupOperations;
  @Inject private ProjectOperations projectOperations;

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
    Account.Id bot = accountOperations.newAccount().username(BOT).fullname("Security Bot").create();
    AccountGroup.UUID bots =
        groupOperations.newGroup().name("Security Bots").addMember(bot).create();
    Project.NameKey demo = projectOperations.newProject().name(PROJECT).create();
    LabelDefinitionInput in = new LabelDefinitionInput();
    in.function = "NoBlock";
    in.values = ImmutableMap.of("-1", "Issues found", " 0", "Not reviewed", "+1", "No issues");
    in.defaultValue = 0;
    gApi.projects().name(demo.get()).label(LABEL).create(in);
    projectOperations
        .project(demo)
        .forUpdate()
        .add(allowLabel(LABEL).ref("refs/heads/*").group(bots).range(-1, 1))
        .update();
    print(out, "Gerrit is up at " + webUrl() + " with the security-review plugin loaded.");
    print(
        out,
        "Project '" + PROJECT + "' has the " + LABEL + " label; '" + BOT + "' may vote -1..+1.");

    String changeId = pushSample(out);
    JsonObject detail = awaitReview(changeId, bot);
    printReview(out, changeId, detail, bot);
  }

  String pushSample(StringBuilder out) throws Exception {
    Path dir = Files.createTempDirectory("security-review-demo");
    String url = gitUrl();
    print(out, "");
    print(out, "$ git clone " + url + "   (as '" + user.username() + "', over HTTP)");
    try (Git git =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(dir.toFile())
            .setCredentialsProvider(credentials(user))
            .call()) {
      Path file = dir.resolve(SAMPLE_PATH);
      Files.createDirectories(file.getParent());
      Files.writeString(file, sample());
      git.add().addFilepattern(SAMPLE_PATH).call();
      String changeId = "I" + sha1(UUID.randomUUID().toString());
      git.commit()
          .setAuthor(user.fullName(), user.email())
          .setCommitter(user.fullName(), user.email())
          .setMessage("Sync OVN port groups with security groups\n\nChange-Id: " + changeId + "\n")
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
      return changeId;
    } finally {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }

  /** Polls the change over REST until the bot's review message is there (at most a minute). */
  JsonObject awaitReview(String changeId, Account.Id bot) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonObject detail = rest("/changes/" + changeId + "/detail").getAsJsonObject();
      if (botMessage(detail, bot) != null) {
        return detail;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no review from " + BOT + " within a minute");
      }
      Thread.sleep(200);
    }
  }

  void printReview(StringBuilder out, String changeId, JsonObject detail, Account.Id bot)
      throws Exception {
    int number = detail.get("_number").getAsInt();
    Integer vote = null;
    JsonObject label = detail.getAsJsonObject("labels").getAsJsonObject(LABEL);
    if (label != null && label.has("all")) {
      for (JsonElement a : label.getAsJsonArray("all")) {
        JsonObject o = a.getAsJsonObject();
        if (o.get("_account_id").getAsInt() == bot.get() && o.has("value")) {
          vote = o.get("value").getAsInt();
        }
      }
    }
    List<String> source = sample().lines().toList();
    print(out, "");
    print(out, "=".repeat(78));
    print(
        out,
        "Change "
            + number
            + " \""
            + detail.get("subject").getAsString()
            + "\": "
            + webUrl()
            + "c/"
            + PROJECT
            + "/+/"
            + number);
    print(
        out,
        LABEL + " " + (vote == null ? "(none)" : String.format("%+d", vote)) + " by Security Bot");
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

  static String sample() throws IOException {
    try (InputStream in = GerritDemoTest.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IOException("missing test resource " + SAMPLE);
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
