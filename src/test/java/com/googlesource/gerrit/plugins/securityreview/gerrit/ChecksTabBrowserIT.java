package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gerrit.acceptance.AbstractDaemonTest;
import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestAccount;
import com.google.gerrit.acceptance.UseLocalDisk;
import com.google.gerrit.acceptance.testsuite.account.AccountOperations;
import com.google.gerrit.acceptance.testsuite.group.GroupOperations;
import com.google.gerrit.acceptance.testsuite.project.ProjectOperations;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.AccountGroup;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.InstallPluginInput;
import com.google.gerrit.testing.ConfigSuite;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

/**
 * The Checks tab's provider ({@code static/security-review.js}) in headless Chromium, loaded from
 * the jar as Gerrit's plugin loader serves it, on a page that stands in for Gerrit's web UI (which
 * is not published where this build can get it) and talks to this Gerrit's real REST endpoints.
 * Asserts on the runs and results the provider returns and on the requests its actions send, and on
 * what those requests did to the change. Needs the jar, Node, {@code npm ci} in {@code
 * tools/checks-test} and Debian's {@code chromium}: skipped without them, except under CI.
 */
@UseLocalDisk
public class ChecksTabBrowserIT extends AbstractDaemonTest {
  private static final String BOT = "security-bot";
  private static final String LABEL = "Security-Review";
  private static final String PLUGIN = "security-review";
  private static final Path DRIVER_DIR = Path.of("tools/checks-test");
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final String SAMPLE_PATH = "networking_demo/ovn/port_sync.py";

  @ConfigSuite.Default
  public static Config config() {
    Config cfg = new Config();
    cfg.setString("plugin", PLUGIN, "account", BOT);
    cfg.setBoolean("plugins", null, "allowRemoteAdmin", true);
    // No sweep during the test: the patch set the bot cannot review stays scheduled, not running.
    cfg.setString("plugin", PLUGIN, "sweepInterval", "1 h");
    return cfg;
  }

  @Inject private AccountOperations accountOperations;
  @Inject private GroupOperations groupOperations;
  @Inject private ProjectOperations projectOperations;

  @Test
  public void providerShowsTheReviewAndItsActionsReachTheServer() throws Exception {
    assumeToolsPresent();
    Path jar = Path.of(System.getProperty("securityreview.jar", "target/security-review.jar"));
    InstallPluginInput install = new InstallPluginInput();
    install.url = jar.toUri().toString();
    gApi.plugins().install(PLUGIN + ".jar", install);
    Account.Id bot = accountOperations.newAccount().username(BOT).fullname("Security Bot").create();
    AccountGroup.UUID bots = groupOperations.newGroup().addMember(bot).create();
    projectOperations
        .project(project)
        .forUpdate()
        .add(allowLabel(LABEL).ref("refs/heads/*").group(bots).range(-1, 1))
        .update();
    // The web UI learns of the script from the server's info, as it does for every plugin.
    assertThat(adminRestSession.get("/config/server/info").getEntityContent())
        .contains("plugins/" + PLUGIN + "/static/" + HttpModule.SCRIPT);

    PushOneCommit.Result change =
        pushFactory
            .create(admin.newIdent(), testRepo, "Sync port groups", SAMPLE_PATH, sample())
            .to("refs/for/master");
    change.assertOkStatus();
    int number = change.getChange().getId().get();
    awaitReviews(change.getChangeId(), bot, 1);
    List<JsonObject> findings = findings(change.getChangeId());
    assertThat(findings.size()).isAtLeast(3);
    JsonObject useful = findings.get(0);
    JsonObject notUseful = findings.get(1);
    JsonObject refused = findings.get(2);

    // A core reviewer (the admin may vote Code-Review+2): everything the tab offers.
    JsonObject admins =
        drive(
            admin,
            number,
            step("fetch"),
            resultAction(useful, "useful"),
            resultAction(notUseful, "not-useful"),
            step("fetch"),
            runAction("Run again"));
    assertThat(admins.getAsJsonArray("errors")).isEmpty();
    assertThat(
            admins
                .getAsJsonObject("registered")
                .getAsJsonObject("config")
                .get("fetchPollingIntervalSeconds")
                .getAsInt())
        .isEqualTo(60);
    JsonArray steps = admins.getAsJsonArray("steps");

    JsonObject first = steps.get(0).getAsJsonObject();
    assertThat(first.get("responseCode").getAsString()).isEqualTo("OK");
    JsonObject run = onlyRun(first);
    assertThat(run.get("status").getAsString()).isEqualTo("COMPLETED");
    assertThat(run.get("checkName").getAsString()).isEqualTo("Security Review");
    assertThat(run.get("patchset").getAsInt()).isEqualTo(1);
    assertThat(run.get("labelName").getAsString()).isEqualTo(LABEL);
    assertThat(run.get("statusDescription").getAsString())
        .startsWith("Security review of patch set 1: " + findings.size() + " findings");
    assertThat(run.has("finishedTimestamp")).isTrue();
    assertThat(run.get("checkLink").getAsString()).endsWith("/Documentation/about.html");
    assertThat(actionNames(run)).containsExactly("Run again");
    JsonArray results = run.getAsJsonArray("results");
    assertThat(results.size()).isEqualTo(findings.size());
    boolean sawFix = false;
    for (int i = 0; i < findings.size(); i++) {
      JsonObject f = findings.get(i);
      JsonObject r = results.get(i).getAsJsonObject();
      String severity = f.get("severity").getAsString();
      assertThat(r.get("externalId").getAsString()).isEqualTo(f.get("fingerprint").getAsString());
      assertThat(r.get("category").getAsString())
          .isEqualTo(Map.of("high", "ERROR", "medium", "WARNING", "low", "INFO").get(severity));
      assertThat(r.get("summary").getAsString())
          .isEqualTo(f.get("rule_id").getAsString() + " " + f.get("title").getAsString());
      assertThat(r.get("message").getAsString()).isEqualTo(f.get("message").getAsString());
      JsonObject link = r.getAsJsonArray("links").get(0).getAsJsonObject();
      assertThat(link.get("url").getAsString()).isEqualTo(f.get("doc_url").getAsString());
      assertThat(link.get("icon").getAsString()).isEqualTo("help_page");
      JsonObject pointer = r.getAsJsonArray("codePointers").get(0).getAsJsonObject();
      assertThat(pointer.get("path").getAsString()).isEqualTo(SAMPLE_PATH);
      JsonObject range = pointer.getAsJsonObject("range");
      assertThat(range.get("start_line").getAsInt()).isEqualTo(f.get("line").getAsInt());
      assertThat(range.get("start_character").getAsInt()).isEqualTo(f.get("column").getAsInt());
      assertThat(range.get("end_line").getAsInt()).isEqualTo(f.get("end_line").getAsInt());
      assertThat(range.get("end_character").getAsInt()).isEqualTo(f.get("end_column").getAsInt());
      assertThat(actionNames(r)).containsExactly("useful", "not-useful").inOrder();
      if (f.has("fix_edits")) {
        sawFix = true;
        JsonObject fix = r.getAsJsonArray("fixes").get(0).getAsJsonObject();
        assertThat(fix.get("description").getAsString()).isEqualTo(f.get("fix").getAsString());
        JsonObject edit = f.getAsJsonArray("fix_edits").get(0).getAsJsonObject();
        JsonObject replacement = fix.getAsJsonArray("replacements").get(0).getAsJsonObject();
        assertThat(replacement.get("path").getAsString()).isEqualTo(SAMPLE_PATH);
        assertThat(replacement.get("replacement").getAsString())
            .isEqualTo(edit.get("replacement").getAsString());
        assertThat(replacement.getAsJsonObject("range").get("start_line").getAsInt())
            .isEqualTo(edit.get("line").getAsInt());
      } else {
        assertThat(r.has("fixes")).isFalse();
      }
    }
    assertWithMessage("the sample has a finding with a one-click fix").that(sawFix).isTrue();

    assertThat(steps.get(1).getAsJsonObject().get("message").getAsString())
        .isEqualTo("Thanks: " + useful.get("rule_id").getAsString() + " counted as useful.");
    JsonObject dismissed = steps.get(2).getAsJsonObject();
    assertThat(dismissed.get("message").getAsString())
        .isEqualTo(notUseful.get("rule_id").getAsString() + " dismissed as a false positive.");
    assertThat(dismissed.get("shouldReload").getAsBoolean()).isTrue();

    // After the dismissal the tab shows the finding as dismissed, without actions.
    JsonObject after = onlyRun(steps.get(3).getAsJsonObject());
    JsonObject shown = result(after, notUseful.get("fingerprint").getAsString());
    assertThat(shown.get("category").getAsString()).isEqualTo("INFO");
    assertThat(tagNames(shown)).contains("dismissed: false positive");
    assertThat(shown.has("actions")).isFalse();

    JsonObject rerun = steps.get(4).getAsJsonObject();
    assertThat(rerun.get("shouldReload").getAsBoolean()).isTrue();
    assertThat(rerun.get("message").getAsString()).startsWith("Security review of patch set 1");

    // The requests the actions sent, as the server received them.
    String revision = "/changes/" + project.get() + "~" + number + "/revisions/1/" + PLUGIN;
    List<String> sent = new ArrayList<>();
    for (JsonElement e : admins.getAsJsonArray("requests")) {
      JsonObject q = e.getAsJsonObject();
      sent.add(q.get("method").getAsString() + " " + q.get("url").getAsString());
    }
    assertThat(sent)
        .containsExactly(
            "GET " + revision + "~status",
            "GET " + revision + "~findings",
            "POST " + revision + "~useful",
            "POST " + revision + "~dismiss",
            "GET " + revision + "~status",
            "GET " + revision + "~findings",
            "POST " + revision + "~run")
        .inOrder();
    JsonObject dismissPayload =
        admins.getAsJsonArray("requests").get(3).getAsJsonObject().getAsJsonObject("payload");
    assertThat(dismissPayload.get("fingerprint").getAsString())
        .isEqualTo(notUseful.get("fingerprint").getAsString());
    assertThat(dismissPayload.get("path").getAsString()).isEqualTo(SAMPLE_PATH);
    assertThat(dismissPayload.get("reason").getAsString()).isEqualTo("false_positive");

    // And what they did: counted, dismissed (the bot said so on the change), reviewed again.
    JsonObject feedback = rest(adminRestSession.get("/config/server/" + PLUGIN + "~feedback"));
    assertThat(
            feedback.getAsJsonObject(useful.get("rule_id").getAsString()).get("useful").getAsInt())
        .isEqualTo(1);
    assertThat(
            findingWith(findings(change.getChangeId()), notUseful.get("fingerprint").getAsString())
                .getAsJsonObject("dismissal")
                .get("reason")
                .getAsString())
        .isEqualTo("false_positive");
    awaitReviews(change.getChangeId(), bot, 2);

    // A user who may not dismiss gets the server's answer in the tab, and nothing changes.
    JsonObject users = drive(user, number, step("fetch"), resultAction(refused, "not-useful"));
    assertThat(users.getAsJsonArray("errors")).isEmpty();
    assertThat(
            users
                .getAsJsonArray("steps")
                .get(1)
                .getAsJsonObject()
                .get("errorMessage")
                .getAsString())
        .startsWith("403: ");
    assertThat(
            findingWith(findings(change.getChangeId()), refused.get("fingerprint").getAsString())
                .has("dismissal"))
        .isFalse();

    // A patch set not reviewed yet shows as scheduled, without results. The bot may not vote in
    // this project: its attempt fails, and the patch set waits for the next sweep.
    Project.NameKey waiting = projectOperations.newProject().create();
    PushOneCommit.Result queued =
        pushFactory
            .create(admin.newIdent(), cloneProject(waiting, admin), "Sync", SAMPLE_PATH, sample())
            .to("refs/for/master");
    queued.assertOkStatus();
    awaitStatus(queued.getChangeId(), "SCHEDULED");
    JsonObject scheduled =
        onlyRun(
            drive(admin, waiting, queued.getChange().getId().get(), step("fetch"))
                .getAsJsonArray("steps")
                .get(0)
                .getAsJsonObject());
    assertThat(scheduled.get("status").getAsString()).isEqualTo("SCHEDULED");
    assertThat(scheduled.get("statusDescription").getAsString()).startsWith("Queued");
    assertThat(scheduled.has("results")).isFalse();
    assertThat(actionNames(scheduled)).containsExactly("Run again");
  }

  private void awaitStatus(String changeId, String status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    String seen;
    do {
      seen =
          rest(adminRestSession.get("/changes/" + changeId + "/revisions/1/" + PLUGIN + "~status"))
              .get("status")
              .getAsString();
      if (seen.equals(status)) {
        return;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("status " + seen + ", not " + status + ", after a minute");
  }

  private static void assumeToolsPresent() {
    String missing =
        !Files.isDirectory(DRIVER_DIR.resolve("node_modules/playwright-core"))
            ? "playwright-core is missing: run npm ci in " + DRIVER_DIR
            : !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing (Debian: chromium)" : null;
    if ("true".equals(System.getenv("CI"))) {
      assertWithMessage("CI installs Chromium and the driver (.ci/run)").that(missing).isNull();
    }
    org.junit.Assume.assumeTrue(missing, missing == null);
  }

  private static String sample() throws Exception {
    try (InputStream in = ChecksTabBrowserIT.class.getResourceAsStream("/demo/ovn_port_sync.py")) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static JsonObject step(String what) {
    JsonObject s = new JsonObject();
    s.addProperty("do", what);
    return s;
  }

  private static JsonObject runAction(String name) {
    JsonObject s = step("run-action");
    s.addProperty("name", name);
    return s;
  }

  private static JsonObject resultAction(JsonObject finding, String name) {
    JsonObject s = step("result-action");
    s.addProperty("result", finding.get("fingerprint").getAsString());
    s.addProperty("name", name);
    return s;
  }

  /** Runs the scenario's steps in Chromium as {@code account} and returns what the driver saw. */
  private JsonObject drive(TestAccount account, int number, JsonObject... steps) throws Exception {
    return drive(account, project, number, steps);
  }

  private JsonObject drive(
      TestAccount account, Project.NameKey repo, int number, JsonObject... steps) throws Exception {
    JsonObject scenario = new JsonObject();
    scenario.addProperty("gerrit", canonicalWebUrl.get());
    scenario.addProperty("user", account.username());
    scenario.addProperty("password", account.httpPassword());
    scenario.addProperty("plugin", PLUGIN);
    JsonObject change = new JsonObject();
    change.addProperty("changeNumber", number);
    change.addProperty("patchsetNumber", 1);
    change.addProperty("repo", repo.get());
    scenario.add("change", change);
    JsonArray list = new JsonArray();
    for (JsonObject s : steps) {
      list.add(s);
    }
    scenario.add("steps", list);
    Path file = Files.createTempFile("checks-scenario", ".json");
    Path output = Files.createTempFile("checks-output", ".json");
    try {
      Files.writeString(file, scenario.toString());
      Process p =
          new ProcessBuilder("node", "checks-test.mjs", file.toString())
              .directory(DRIVER_DIR.toFile())
              .redirectErrorStream(false)
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      assertWithMessage("the browser scenario finishes within two minutes")
          .that(p.waitFor(2, TimeUnit.MINUTES))
          .isTrue();
      assertWithMessage("exit status of the browser scenario").that(p.exitValue()).isEqualTo(0);
      JsonObject out = JsonParser.parseString(Files.readString(output)).getAsJsonObject();
      assertWithMessage("the script registered a checks provider")
          .that(out.get("registered").isJsonNull())
          .isFalse();
      return out;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(output);
    }
  }

  private static JsonObject onlyRun(JsonObject fetched) {
    JsonArray runs = fetched.getAsJsonArray("runs");
    assertThat(runs.size()).isEqualTo(1);
    return runs.get(0).getAsJsonObject();
  }

  private static JsonObject result(JsonObject run, String fingerprint) {
    for (JsonElement e : run.getAsJsonArray("results")) {
      if (fingerprint.equals(e.getAsJsonObject().get("externalId").getAsString())) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no result " + fingerprint + " in " + run);
  }

  private static List<String> actionNames(JsonObject o) {
    List<String> names = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("actions")) {
      names.add(e.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  private static List<String> tagNames(JsonObject result) {
    List<String> names = new ArrayList<>();
    for (JsonElement e : result.getAsJsonArray("tags")) {
      names.add(e.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  private List<JsonObject> findings(String changeId) throws Exception {
    JsonObject answer =
        rest(
            adminRestSession.get(
                "/changes/" + changeId + "/revisions/current/" + PLUGIN + "~findings"));
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : answer.getAsJsonArray("findings")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  private static JsonObject findingWith(List<JsonObject> findings, String fingerprint) {
    return findings.stream()
        .filter(f -> f.get("fingerprint").getAsString().equals(fingerprint))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + fingerprint));
  }

  private static JsonObject rest(RestResponse r) throws Exception {
    r.assertOK();
    return JsonParser.parseReader(r.getReader()).getAsJsonObject();
  }

  /** Waits until the bot posted {@code reviews} reviews (not dismissals) of patch set 1. */
  private void awaitReviews(String changeId, Account.Id bot, int reviews) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      long posted = 0;
      for (ChangeMessageInfo m : gApi.changes().id(changeId).messages()) {
        if (m.author != null
            && m.author._accountId == bot.get()
            && ReviewBuilder.TAG.equals(m.tag)
            && Integer.valueOf(1).equals(m._revisionNumber)) {
          posted++;
        }
      }
      if (posted >= reviews) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the bot posted " + posted + " of " + reviews + " reviews");
      }
      Thread.sleep(200);
    }
  }
}
