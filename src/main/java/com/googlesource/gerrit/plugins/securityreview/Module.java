package com.googlesource.gerrit.plugins.securityreview;

import com.google.inject.AbstractModule;

/**
 * The plugin's Guice module, named by {@code Gerrit-Module} in the jar manifest.
 *
 * <p>It binds nothing yet: the {@code RevisionCreatedListener}, the work queue, the configuration
 * and the review poster arrive with the Gerrit integration issue. Until then the jar loads as a
 * Gerrit plugin that only serves its documentation.
 */
public class Module extends AbstractModule {
  @Override
  protected void configure() {
    // Gerrit bindings (listener, executor lifecycle, config) come with the Gerrit integration.
  }
}
