package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;

/**
 * Server-wide settings from {@code [plugin "security-review"]} in {@code gerrit.config}.
 *
 * @param account username of the bot that posts reviews; null when not configured (plugin idle)
 * @param label default label name (a project may override it)
 * @param threads worker threads of the plugin's queue
 * @param queueSize most reviews waiting or running at once; more are dropped with a log line
 * @param maxFileSize files larger than this (bytes) are skipped
 * @param maxComments most inline comments per review; the rest are counted in the summary
 * @param retries how often a review that failed for a transient reason is tried again
 * @param retryDelayMillis wait before the first retry (doubles each time)
 * @param fileBudgetMillis how long one file's analysis may take; a file that takes longer is
 *     reported as not fully checked, with the line where its analysis stopped
 */
public record ServerSettings(
    String account,
    String label,
    int threads,
    int queueSize,
    long maxFileSize,
    int maxComments,
    int retries,
    long retryDelayMillis,
    long fileBudgetMillis) {
  public static ServerSettings defaults() {
    return new ServerSettings(
        null,
        ProjectSettings.DEFAULT_LABEL,
        2,
        200,
        1 << 20,
        50,
        3,
        2000,
        EngineOptions.DEFAULT_FILE_BUDGET.toMillis());
  }
}
