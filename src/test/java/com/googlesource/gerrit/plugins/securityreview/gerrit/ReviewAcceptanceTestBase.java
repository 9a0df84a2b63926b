package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;

import com.google.common.collect.ImmutableMap;
import com.google.gerrit.acceptance.LightweightPluginDaemonTest;
import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.WaitUtil;
import com.google.gerrit.acceptance.testsuite.account.AccountOperations;
import com.google.gerrit.acceptance.testsuite.group.GroupOperations;
import com.google.gerrit.acceptance.testsuite.project.ProjectOperations;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.AccountGroup;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ApprovalInfo;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.LabelDefinitionInput;
import com.google.gerrit.extensions.common.LabelInfo;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Config;
import org.junit.Before;

/**
 * What the plugin's acceptance tests share: a bot allowed to vote on the label in the test's
 * project, the plugin's queue and reviewer, uploads, and the bot's reviews read back.
 */
abstract class ReviewAcceptanceTestBase extends LightweightPluginDaemonTest {
  static final String BOT = "security-bot";
  static final String LABEL = "Security-Review";
  static final String PLUGIN = "security-review";

  @Inject protected AccountOperations accountOperations;
  @Inject protected GroupOperations groupOperations;
  @Inject protected ProjectOperations projectOperations;

  protected Account.Id bot;
  protected AccountGroup.UUID bots;

  /** A configuration with the bot account and nothing else: the plugin as a fresh site has it. */
  static Config botConfig() {
    Config cfg = new Config();
    cfg.setString("plugin", PLUGIN, "account", BOT);
    return cfg;
  }

  /** A configuration with the bot and sweeps every second, so that tests need not wait long. */
  static Config deliveryConfig() {
    Config cfg = botConfig();
    cfg.setInt("plugin", PLUGIN, "retryDelay", 10);
    cfg.setString("plugin", PLUGIN, "sweepInterval", "1 s");
    cfg.setInt("plugin", PLUGIN, "sweepRate", 6000);
    return cfg;
  }

  @Before
  public void setUpBotAndLabel() throws Exception {
    bot =
        accountCache
            .getByUsername(BOT)
            .map(a -> a.account().id())
            .orElseGet(
                () ->
                    accountOperations.newAccount().username(BOT).fullname("Security Bot").create());
    bots = groupOperations.newGroup().addMember(bot).create();
    defineLabel(project);
    grantVote(project);
  }

  ReviewQueue queue() {
    return plugin.getSysInjector().getInstance(ReviewQueue.class);
  }

  Reviewer reviewer() {
    return plugin.getSysInjector().getInstance(Reviewer.class);
  }

  void awaitIdle() throws InterruptedException {
    WaitUtil.waitUntil(() -> queue().pending() == 0, Duration.ofSeconds(120));
  }

  void defineLabel(Project.NameKey p) throws RestApiException {
    LabelDefinitionInput in = new LabelDefinitionInput();
    in.function = "NoBlock";
    in.values = ImmutableMap.of("-1", "Issues found", " 0", "Not reviewed", "+1", "No issues");
    in.defaultValue = 0;
    gApi.projects().name(p.get()).label(LABEL).create(in);
  }

  void grantVote(Project.NameKey p) {
    projectOperations
        .project(p)
        .forUpdate()
        .add(allowLabel(LABEL).ref("refs/heads/*").group(bots).range(-1, 1))
        .update();
  }

  void setPluginConfig(Project.NameKey p, String name, String value) throws Exception {
    try (ProjectConfigUpdate u = updateProject(p)) {
      u.getConfig().updatePluginConfig(PLUGIN, c -> c.setString(name, value));
      u.save();
    }
  }

  void setPluginEnabled(Project.NameKey p, boolean enabled) throws Exception {
    try (ProjectConfigUpdate u = updateProject(p)) {
      u.getConfig().updatePluginConfig(PLUGIN, c -> c.setBoolean("enabled", enabled));
      u.save();
    }
  }

  PushOneCommit.Result upload(TestRepository<?> repo, String subject, Map<String, String> files)
      throws Exception {
    PushOneCommit.Result r =
        pushFactory.create(admin.newIdent(), repo, subject, files).to("refs/for/master");
    r.assertOkStatus();
    return r;
  }

  PushOneCommit.Result amend(
      TestRepository<?> repo, PushOneCommit.Result r, Map<String, String> files) throws Exception {
    PushOneCommit.Result next =
        pushFactory
            .create(admin.newIdent(), repo, "Amended", files, r.getChangeId())
            .to("refs/for/master");
    next.assertOkStatus();
    return next;
  }

  ReviewRequest request(Project.NameKey p, PushOneCommit.Result r, int patchSet) {
    return new ReviewRequest(p, r.getChange().getId().get(), patchSet, null, false);
  }

  /** The bot's review messages on the change, oldest first. */
  List<ChangeMessageInfo> botMessages(String changeId) throws RestApiException {
    return gApi.changes().id(changeId).messages().stream()
        .filter(m -> m.author != null && m.author._accountId == bot.get())
        .toList();
  }

  /** How many reviews the bot posted on each of the change's patch sets. */
  Map<Integer, Long> reviewsPerPatchSet(String changeId) throws RestApiException {
    return botMessages(changeId).stream()
        .collect(Collectors.groupingBy(m -> m._revisionNumber, Collectors.counting()));
  }

  /** Whether the bot reviewed the patch set; false also when the change cannot be read. */
  boolean reviewed(String changeId, int patchSet) {
    try {
      return reviewsPerPatchSet(changeId).getOrDefault(patchSet, 0L) > 0;
    } catch (RestApiException e) {
      return false;
    }
  }

  /** The bot's vote on the change's label; null when it has not voted. */
  Integer vote(String changeId) throws RestApiException {
    ChangeInfo info = gApi.changes().id(changeId).get(ListChangesOption.DETAILED_LABELS);
    LabelInfo label = info.labels.get(LABEL);
    if (label == null || label.all == null) {
      return null;
    }
    return label.all.stream()
        .filter(a -> a._accountId == bot.get())
        .map((ApprovalInfo a) -> a.value)
        .findFirst()
        .orElse(null);
  }
}
