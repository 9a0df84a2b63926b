package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.server.config.ConfigUtil;
import com.google.gerrit.server.config.PluginConfig;
import com.google.gerrit.server.config.PluginConfigFactory;
import com.google.gerrit.server.project.NoSuchProjectException;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Reads the plugin's settings. Every invalid value is logged in one line naming the option and the
 * value used instead, then falls back to its default: a typo must not stop reviews.
 */
@Singleton
public class Settings {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final PluginConfigFactory configFactory;
  private final String pluginName;

  @Inject
  Settings(PluginConfigFactory configFactory, @PluginName String pluginName) {
    this.configFactory = configFactory;
    this.pluginName = pluginName;
  }

  public ServerSettings server() {
    PluginConfig cfg = configFactory.getFromGerritConfig(pluginName);
    ServerSettings d = ServerSettings.defaults();
    String where = "gerrit.config";
    String account = cfg.getString("account");
    return new ServerSettings(
        account == null || account.isBlank() ? null : account.trim(),
        nonBlank(cfg.getString("label"), d.label()),
        intAtLeast(cfg, where, "threads", d.threads(), 1),
        intAtLeast(cfg, where, "queueSize", d.queueSize(), 1),
        longAtLeast(cfg, where, "maxFileSize", d.maxFileSize(), 1),
        intAtLeast(cfg, where, "maxComments", d.maxComments(), 0),
        intAtLeast(cfg, where, "retries", d.retries(), 0),
        longAtLeast(cfg, where, "retryDelay", d.retryDelayMillis(), 0),
        longAtLeast(cfg, where, "fileBudget", d.fileBudgetMillis(), 1));
  }

  /** The sweep and the claims: how reviews a restart or a full queue lost still get done. */
  public DeliverySettings delivery() {
    PluginConfig cfg = configFactory.getFromGerritConfig(pluginName);
    DeliverySettings d = DeliverySettings.defaults();
    String where = "gerrit.config";
    return new DeliverySettings(
        duration(cfg, where, "sweepInterval", d.sweepInterval(), Duration.ZERO),
        duration(cfg, where, "sweepWindow", d.sweepWindow(), Duration.ofSeconds(1)),
        intAtLeast(cfg, where, "sweepRate", d.sweepRate(), 1),
        duration(cfg, where, "claimLease", d.claimLease(), Duration.ofSeconds(1)));
  }

  /** The project's settings, inherited from its parents; defaults when the project is gone. */
  public ProjectSettings project(Project.NameKey project, ServerSettings server) {
    PluginConfig cfg;
    try {
      cfg = configFactory.getFromProjectConfigWithInheritance(project, pluginName);
    } catch (NoSuchProjectException e) {
      return ProjectSettings.defaults(server.label());
    }
    String where = "project.config of " + project.get();
    return ProjectSettings.read(
        name -> Arrays.asList(cfg.getStringList(name)),
        server.label(),
        (name, raw, used) -> invalid(where, name, raw, used));
  }

  /**
   * The label whose highest value a user must be allowed to cast on a change to dismiss its
   * findings ({@code dismissLabel}, inherited; default {@value #DEFAULT_DISMISS_LABEL}).
   */
  public String dismissLabel(Project.NameKey project) {
    try {
      return nonBlank(
          configFactory
              .getFromProjectConfigWithInheritance(project, pluginName)
              .getString("dismissLabel"),
          DEFAULT_DISMISS_LABEL);
    } catch (NoSuchProjectException e) {
      return DEFAULT_DISMISS_LABEL;
    }
  }

  static final String DEFAULT_DISMISS_LABEL = "Code-Review";

  private static String nonBlank(String value, String dflt) {
    return value == null || value.isBlank() ? dflt : value.trim();
  }

  private static int intAtLeast(PluginConfig cfg, String where, String name, int dflt, int min) {
    long v = longAtLeast(cfg, where, name, dflt, min);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static long longAtLeast(
      PluginConfig cfg, String where, String name, long dflt, long min) {
    String raw = cfg.getString(name);
    if (raw == null) {
      return dflt;
    }
    long v;
    try {
      v = cfg.getLong(name, dflt);
    } catch (IllegalArgumentException e) {
      invalid(where, name, raw, String.valueOf(dflt));
      return dflt;
    }
    if (v < min) {
      invalid(where, name, raw, String.valueOf(dflt));
      return dflt;
    }
    return v;
  }

  /** A time such as {@code 5 min} or {@code 3 days}; a bare number counts seconds. */
  private static Duration duration(
      PluginConfig cfg, String where, String name, Duration dflt, Duration min) {
    String raw = cfg.getString(name);
    if (raw == null) {
      return dflt;
    }
    try {
      Duration v = Duration.ofSeconds(ConfigUtil.getTimeUnit(raw, -1, TimeUnit.SECONDS));
      if (v.compareTo(min) >= 0) {
        return v;
      }
    } catch (IllegalArgumentException e) {
      // Reported below, as a value under the minimum is.
    }
    invalid(where, name, raw, dflt.getSeconds() + " s");
    return dflt;
  }

  private static void invalid(String where, String name, String raw, String used) {
    logger.atWarning().log(
        "security-review: invalid value '%s' for plugin.security-review.%s in %s; using %s",
        raw, name, where, used);
  }
}
