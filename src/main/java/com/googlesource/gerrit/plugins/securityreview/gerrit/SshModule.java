package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.sshd.PluginCommandModule;
import com.google.inject.Inject;

/** The plugin's SSH commands ({@code Gerrit-SshModule}): {@code security-review scan}. */
public class SshModule extends PluginCommandModule {
  @Inject
  SshModule(@PluginName String pluginName) {
    super(pluginName);
  }

  @Override
  protected void configureCommands() {
    command(ScanSshCommand.class);
  }
}
