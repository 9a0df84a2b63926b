package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.VoteDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The vote the bot would cast on what a {@code scan} checked, and why: the plugin's own decision
 * ({@link VoteDecision#decide}) over the findings of the scan, under the bot's settings. With
 * {@code --diff} the findings are those the bot would comment on; without, the prediction is for a
 * change that touches every line of every file scanned.
 *
 * @param bot the settings predicted with
 * @param changedBy the command-line options that changed what the settings report (then the
 *     prediction is for those changed settings)
 * @param diff whether the scan was of a change ({@code --diff})
 * @param decision the vote; null when the bot would post nothing
 * @param why the decision's reason, or why there is no vote
 */
record VotePrediction(
    BotSettings bot, List<String> changedBy, boolean diff, VoteDecision decision, String why) {

  static VotePrediction of(ScanReport report, BotSettings bot, List<String> changedBy) {
    ProjectSettings settings = bot.settings();
    boolean diff = report.diff();
    if (!settings.enabled()) {
      return new VotePrediction(
          bot,
          changedBy,
          diff,
          null,
          "the settings turn the review off (enabled = false): the bot posts nothing.");
    }
    if (report.files().isEmpty() && report.errors().isEmpty()) {
      return new VotePrediction(
          bot, changedBy, diff, null, "no file to review: the bot posts nothing.");
    }
    // As the plugin: incomplete when a file was not checked, did not parse, or a rule failed.
    List<String> unchecked = new ArrayList<>();
    count(
        unchecked,
        report.filesWithSyntaxErrors(),
        "file with syntax errors",
        "files with syntax errors");
    count(unchecked, report.errors().size(), "file not scanned", "files not scanned");
    count(unchecked, report.internalErrors().size(), "internal error", "internal errors");
    VoteDecision decision = VoteDecision.decide(settings, report.findings(), unchecked.isEmpty());
    String why = decision.reason();
    if (decision.blocking() == 0 && !unchecked.isEmpty()) {
      why += " Not fully checked: " + String.join(", ", unchecked) + ".";
    }
    return new VotePrediction(bot, changedBy, diff, decision, why);
  }

  private static void count(List<String> out, int n, String one, String many) {
    if (n > 0) {
      out.add(n + " " + (n == 1 ? one : many));
    }
  }

  /** Whether a finding counts towards a negative vote. */
  boolean blocks(Finding f) {
    return bot.settings().blocks(f);
  }

  /**
   * One line, e.g. {@code Predicted vote: Security-Review -1 (a fresh site's settings; as if every
   * line were changed): 1 finding reaches the vote threshold (...).}
   */
  String text() {
    String value =
        decision == null
            ? "none"
            : bot.settings().label() + " " + VoteDecision.format(decision.value());
    return "Predicted vote: " + value + " (" + basis() + "): " + why + "\n";
  }

  /** What the prediction rests on: the settings, as changed by options, and which lines count. */
  private String basis() {
    String settings = bot.describe();
    if (!changedBy.isEmpty()) {
      settings += " changed by " + String.join(", ", changedBy);
    }
    return settings + "; " + (diff ? "the changed lines" : "as if every line were changed");
  }

  /**
   * {@code {"label", "value" (null: no vote), "reason", "blockingFindings", "settings" (the
   * --config files, parent first), "changedBy", "everyLineChanged"}}.
   */
  void appendJson(StringBuilder b) {
    b.append("{\"label\": ");
    Json.appendQuoted(b, bot.settings().label());
    b.append(", \"value\": ").append(decision == null ? "null" : decision.value());
    b.append(", \"reason\": ");
    Json.appendQuoted(b, why);
    b.append(", \"blockingFindings\": ").append(decision == null ? 0 : decision.blocking());
    b.append(", \"settings\": ");
    appendStrings(b, bot.files());
    b.append(", \"changedBy\": ");
    appendStrings(b, changedBy);
    b.append(", \"everyLineChanged\": ").append(!diff).append('}');
  }

  private static void appendStrings(StringBuilder b, List<String> strings) {
    b.append('[');
    for (int i = 0; i < strings.size(); i++) {
      b.append(i == 0 ? "" : ", ");
      Json.appendQuoted(b, strings.get(i));
    }
    b.append(']');
  }
}
