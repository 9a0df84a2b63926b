package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.registration.DynamicSet;
import com.google.gerrit.extensions.webui.JavaScriptPlugin;
import com.google.gerrit.extensions.webui.WebUiPlugin;
import com.google.inject.AbstractModule;

/**
 * Named by {@code Gerrit-HttpModule} in the jar manifest: the web UI loads {@code
 * static/security-review.js} from the jar, the Checks tab's provider, which reads and acts through
 * the plugin's REST endpoints.
 */
public class HttpModule extends AbstractModule {
  static final String SCRIPT = "security-review.js";

  @Override
  protected void configure() {
    DynamicSet.bind(binder(), WebUiPlugin.class).toInstance(new JavaScriptPlugin(SCRIPT));
  }
}
