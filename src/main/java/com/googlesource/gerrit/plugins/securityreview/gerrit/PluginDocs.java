package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.server.config.CanonicalWebUrl;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;

/** Where the plugin's documentation is served, for the rule links in comments and findings. */
@Singleton
public class PluginDocs {
  private final Provider<String> canonicalWebUrl;
  private final String pluginName;

  @Inject
  PluginDocs(@CanonicalWebUrl Provider<String> canonicalWebUrl, @PluginName String pluginName) {
    this.canonicalWebUrl = canonicalWebUrl;
    this.pluginName = pluginName;
  }

  /** URL of the documentation folder, ending in '/'; relative to the host without a web URL. */
  public String base() {
    String url = canonicalWebUrl.get();
    String base = url == null ? "/" : (url.endsWith("/") ? url : url + "/");
    return base + "plugins/" + pluginName + "/Documentation/";
  }
}
