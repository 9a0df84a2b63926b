package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.gerrit.extensions.api.projects.ProjectConfigEntryType.ARRAY;
import static com.google.gerrit.extensions.api.projects.ProjectConfigEntryType.BOOLEAN;
import static com.google.gerrit.extensions.api.projects.ProjectConfigEntryType.INT;
import static com.google.gerrit.extensions.api.projects.ProjectConfigEntryType.LIST;
import static com.google.gerrit.extensions.api.projects.ProjectConfigEntryType.STRING;

import com.google.gerrit.extensions.annotations.Exports;
import com.google.gerrit.extensions.api.projects.ProjectConfigEntryType;
import com.google.gerrit.extensions.registration.DynamicSet;
import com.google.gerrit.server.config.ProjectConfigEntry;
import com.google.gerrit.server.git.validators.CommitValidationListener;
import com.google.inject.AbstractModule;
import java.util.List;

/**
 * The project options on Gerrit's project settings page, each with its description as config.md
 * gives it, and the check that refuses an invalid value pushed to {@code refs/meta/config}. Gerrit
 * itself refuses a value of the wrong type (a number, a boolean, a level not in the list) set
 * through the page or the REST API.
 */
public class SettingsPageModule extends AbstractModule {
  private static final List<String> LEVELS = List.of("low", "medium", "high");

  @Override
  protected void configure() {
    entry("enabled", "Security review", "true", BOOLEAN, "Review the project's patch sets.");
    entry(
        "include",
        "Files to check",
        null,
        ARRAY,
        "Globs a file must match one of to be checked (default **/*.py).");
    entry("exclude", "Files never checked", null, ARRAY, "Globs of files never checked.");
    entry(
        "disabledRule",
        "Rules turned off",
        null,
        ARRAY,
        "Rule ids (ours, Bandit's or Ruff's) that are not run.");
    entry(
        "enabledRule", "Rules turned on", null, ARRAY, "Rules that are off by default, turned on.");
    level(
        "voteSeverity",
        "Vote severity",
        "A finding at or above this severity and the vote confidence makes the vote negative.");
    level(
        "voteConfidence",
        "Vote confidence",
        "A finding at or above this confidence and the vote severity makes the vote negative.");
    levelWithDefault(
        "commentConfidence",
        "Comment confidence",
        "low",
        "Findings below this confidence are not reported at all.");
    entry("label", "Label", null, STRING, "The label the bot votes on (default: the server's).");
    entry(
        "voteOnFindings",
        "Vote on findings",
        "-1",
        INT,
        "The value voted when a finding reaches the vote threshold.");
    entry(
        "voteOnClean",
        "Vote when clean",
        "1",
        INT,
        "The value voted when every relevant file was checked and nothing reached it.");
    entry("reviewWip", "Review work in progress", "true", BOOLEAN, "Review WIP changes too.");
    entry(
        "replyWhenFixed",
        "Reply when fixed",
        "false",
        BOOLEAN,
        "Reply 'Fixed in patch set N.' on the thread of a finding a later patch set no longer"
            + " has.");
    entry(
        "dismissLabel",
        "Who may dismiss findings",
        Settings.DEFAULT_DISMISS_LABEL,
        STRING,
        "Whoever may cast this label's highest value on a change may dismiss its findings.");
    DynamicSet.bind(binder(), CommitValidationListener.class).to(ProjectSettingsValidator.class);
  }

  private void level(String name, String displayName, String description) {
    levelWithDefault(name, displayName, "medium", description);
  }

  private void levelWithDefault(String name, String displayName, String dflt, String description) {
    bind(name, new ProjectConfigEntry(displayName, dflt, LIST, LEVELS, true, description));
  }

  private void entry(
      String name,
      String displayName,
      String dflt,
      ProjectConfigEntryType type,
      String description) {
    // Gerrit's page cannot show inherited lists; the plugin still inherits them (config.md).
    boolean inheritable = type != ARRAY;
    bind(name, new ProjectConfigEntry(displayName, dflt, type, null, inheritable, description));
  }

  private void bind(String name, ProjectConfigEntry entry) {
    bind(ProjectConfigEntry.class).annotatedWith(Exports.named(name)).toInstance(entry);
  }
}
