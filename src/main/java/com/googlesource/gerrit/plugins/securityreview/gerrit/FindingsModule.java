package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.lifecycle.LifecycleModule;
import com.google.inject.AbstractModule;

/** Binds what the findings view reads from: the findings cache and the findings queue. */
class FindingsModule extends AbstractModule {
  @Override
  protected void configure() {
    install(FindingsCache.module());
    install(
        new LifecycleModule() {
          @Override
          protected void configure() {
            listener().to(FindingsQueue.class);
          }
        });
  }
}
