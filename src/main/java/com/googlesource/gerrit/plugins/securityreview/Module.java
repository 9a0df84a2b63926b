package com.googlesource.gerrit.plugins.securityreview;

import com.google.inject.AbstractModule;
import com.googlesource.gerrit.plugins.securityreview.gerrit.GerritModule;

/**
 * The plugin's Guice module, named by {@code Gerrit-Module} in the jar manifest: the review of
 * every new patch set (listener, queue, configuration, poster) and its REST endpoints. The SSH
 * command is bound by {@code Gerrit-SshModule} ({@code gerrit.SshModule}).
 */
public class Module extends AbstractModule {
  @Override
  protected void configure() {
    install(new GerritModule());
  }
}
