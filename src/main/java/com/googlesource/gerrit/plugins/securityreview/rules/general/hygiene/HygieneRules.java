package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The PY4xx templates, assertions, permissions and debug hooks rules. */
public final class HygieneRules {
  private HygieneRules() {}

  public static List<Rule> all() {
    return List.of(
        new Jinja2AutoescapeOff(),
        new MakoTemplateUnescaped(),
        new HtmlMarkedSafe(),
        new AssertAsCheck(),
        new AssertInProduction(),
        new PermissiveFileMode(),
        new DebugServerEnabled(),
        new LoggingConfigListen());
  }
}
