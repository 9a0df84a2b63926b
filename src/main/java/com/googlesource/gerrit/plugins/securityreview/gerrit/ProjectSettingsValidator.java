package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gerrit.entities.RefNames;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.server.events.CommitReceivedEvent;
import com.google.gerrit.server.git.validators.CommitValidationException;
import com.google.gerrit.server.git.validators.CommitValidationListener;
import com.google.gerrit.server.git.validators.CommitValidationMessage;
import com.google.gerrit.server.git.validators.ValidationMessage;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Refuses a push to {@code refs/meta/config} whose {@code project.config} gives the plugin an
 * invalid value (a level, boolean or vote it cannot read, a rule id no rule has), with one line per
 * value: a review would otherwise fall back to the default and only log it.
 */
@Singleton
class ProjectSettingsValidator implements CommitValidationListener {
  private final String pluginName;
  private final Set<String> ruleIds = new HashSet<>();

  @Inject
  ProjectSettingsValidator(@PluginName String pluginName) {
    this.pluginName = pluginName;
    for (Rule r : Rules.all()) {
      r.meta().suppressionIds().forEach(id -> ruleIds.add(id.toUpperCase(Locale.ROOT)));
    }
  }

  @Override
  public List<CommitValidationMessage> onCommitReceived(CommitReceivedEvent event)
      throws CommitValidationException {
    if (!RefNames.REFS_CONFIG.equals(event.getRefName())) {
      return List.of();
    }
    Config cfg = new Config();
    try (TreeWalk tw =
        TreeWalk.forPath(
            event.revWalk.getObjectReader(), "project.config", event.commit.getTree())) {
      if (tw == null) {
        return List.of();
      }
      cfg.fromText(
          new String(event.revWalk.getObjectReader().open(tw.getObjectId(0)).getBytes(), UTF_8));
    } catch (IOException | ConfigInvalidException e) {
      // Gerrit's own validation of project.config reports a file it cannot read.
      return List.of();
    }
    List<String> problems = problems(cfg, pluginName, ruleIds);
    if (problems.isEmpty()) {
      return List.of();
    }
    List<CommitValidationMessage> messages = new ArrayList<>();
    for (String p : problems) {
      messages.add(new CommitValidationMessage(p, ValidationMessage.Type.ERROR));
    }
    throw new CommitValidationException(
        "invalid [plugin \"" + pluginName + "\"] settings in project.config", messages);
  }

  /** What is wrong with the plugin's section of {@code cfg}, one line each. */
  static List<String> problems(Config cfg, String pluginName, Set<String> ruleIds) {
    List<String> problems = new ArrayList<>();
    ProjectSettings.read(
        name -> Arrays.asList(cfg.getStringList("plugin", pluginName, name)),
        ProjectSettings.DEFAULT_LABEL,
        (option, raw, used) -> problems.add(option + " = " + raw + ": not a valid value"));
    for (String option : List.of("disabledRule", "enabledRule")) {
      for (String value : cfg.getStringList("plugin", pluginName, option)) {
        for (String id : value == null ? new String[0] : value.split("[,\\s]+")) {
          if (!id.isEmpty() && !ruleIds.contains(id.toUpperCase(Locale.ROOT))) {
            problems.add(option + " = " + id + ": no rule has this id");
          }
        }
      }
    }
    return problems;
  }
}
