package com.googlesource.gerrit.plugins.securityreview;

import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.server.config.PluginConfig;
import com.google.gerrit.server.config.PluginConfigFactory;
import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.GerritModule;
import com.googlesource.gerrit.plugins.securityreview.gerrit.LabelModule;

/**
 * The plugin's Guice module, named by {@code Gerrit-Module} in the jar manifest: the review of
 * every new patch set (listener, queue, configuration, poster) and its REST endpoints, and, unless
 * {@code plugin.security-review.provideLabel} is false, the label and its submit requirement. The
 * SSH command is bound by {@code Gerrit-SshModule} ({@code gerrit.SshModule}).
 */
public class Module extends AbstractModule {
  private final PluginConfig config;

  @Inject
  Module(PluginConfigFactory configFactory, @PluginName String pluginName) {
    this.config = configFactory.getFromGerritConfig(pluginName);
  }

  @Override
  protected void configure() {
    install(new GerritModule());
    if (config.getBoolean("provideLabel", true)) {
      String label = config.getString("label");
      install(
          new LabelModule(
              label == null || label.isBlank() ? ProjectSettings.DEFAULT_LABEL : label.trim()));
    }
  }
}
