package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import com.google.gerrit.acceptance.GitUtil;
import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.entities.RefNames;
import com.google.gerrit.extensions.api.projects.ConfigInfo;
import com.google.gerrit.extensions.api.projects.ConfigInput;
import com.google.gerrit.extensions.api.projects.ConfigValue;
import com.google.gerrit.extensions.api.projects.ProjectConfigEntryType;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.testing.ConfigSuite;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.junit.Test;

/**
 * The plugin's project options on Gerrit's project settings page (its REST API): listed with their
 * descriptions, a value of the wrong kind refused, a valid one used; an invalid value pushed to
 * {@code refs/meta/config} refused with one line per value.
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class ProjectSettingsPageAcceptanceTest extends ReviewAcceptanceTestBase {
  @ConfigSuite.Default
  public static Config config() {
    return botConfig();
  }

  @Test
  public void everyOptionIsOnTheSettingsPageWithItsDescription() throws Exception {
    ConfigInfo info = gApi.projects().name(project.get()).config();
    Map<String, ConfigInfo.ConfigParameterInfo> options = info.pluginConfig.get(PLUGIN);
    List<String> expected = new ArrayList<>(ProjectSettings.OPTIONS);
    expected.addAll(ProjectSettings.GERRIT_OPTIONS);
    assertThat(options.keySet()).containsExactlyElementsIn(expected);
    for (ConfigInfo.ConfigParameterInfo o : options.values()) {
      assertThat(o.displayName).isNotEmpty();
      assertThat(o.description).isNotEmpty();
      assertThat(Boolean.TRUE.equals(o.inheritable))
          .isEqualTo(o.type != ProjectConfigEntryType.ARRAY);
    }
    assertThat(options.get("voteSeverity").type).isEqualTo(ProjectConfigEntryType.LIST);
    assertThat(options.get("voteSeverity").permittedValues)
        .containsExactly("low", "medium", "high");
  }

  @Test
  public void settingsPageRefusesAValueOfTheWrongKindAndKeepsAGoodOne() throws Exception {
    BadRequestException e =
        assertThrows(BadRequestException.class, () -> setOnPage("voteSeverity", "severe"));
    assertThat(e).hasMessageThat().contains("voteSeverity");
    assertThrows(BadRequestException.class, () -> setOnPage("voteOnFindings", "minus one"));

    setOnPage("voteSeverity", "high");

    Settings settings = plugin.getSysInjector().getInstance(Settings.class);
    assertThat(settings.project(project, settings.server()).voteSeverity())
        .isEqualTo(Severity.HIGH);
  }

  @Test
  public void pushOfInvalidSettingsIsRefusedWithEachProblem() throws Exception {
    Config cfg = projectOperations.project(project).getConfig();
    cfg.setString("plugin", PLUGIN, "voteSeverity", "severe");
    cfg.setString("plugin", PLUGIN, "reviewWip", "sometimes");
    cfg.setString("plugin", PLUGIN, "disabledRule", "OVN301, OVN999");

    PushOneCommit.Result r = pushConfig(cfg);

    r.assertErrorStatus("invalid [plugin \"security-review\"] settings in project.config");
    r.assertMessage("voteSeverity = severe: not a valid value");
    r.assertMessage("reviewWip = sometimes: not a valid value");
    r.assertMessage("disabledRule = OVN999: no rule has this id");
    r.assertNotMessage("OVN301: no rule");
  }

  @Test
  public void pushOfValidSettingsIsAccepted() throws Exception {
    Config cfg = projectOperations.project(project).getConfig();
    cfg.setString("plugin", PLUGIN, "voteSeverity", "high");
    cfg.setString("plugin", PLUGIN, "disabledRule", "B602");

    pushConfig(cfg).assertOkStatus();
  }

  private void setOnPage(String option, String value) throws Exception {
    ConfigValue v = new ConfigValue();
    v.value = value;
    ConfigInput in = new ConfigInput();
    // Gerrit rewrites the values it is given: mutable maps.
    Map<String, ConfigValue> values = new HashMap<>();
    values.put(option, v);
    in.pluginConfigValues = new HashMap<>();
    in.pluginConfigValues.put(PLUGIN, values);
    gApi.projects().name(project.get()).config(in);
  }

  private PushOneCommit.Result pushConfig(Config cfg) throws Exception {
    GitUtil.fetch(testRepo, RefNames.REFS_CONFIG + ":config");
    testRepo.reset("config");
    return pushFactory
        .create(admin.newIdent(), testRepo, "Configure", "project.config", cfg.toText())
        .to(RefNames.REFS_CONFIG);
  }
}
