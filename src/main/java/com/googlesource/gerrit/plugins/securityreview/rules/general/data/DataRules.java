package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The PY2xx files, parsers and secrets rules. */
public final class DataRules {
  private DataRules() {}

  public static List<Rule> all() {
    return List.of(
        new UnsafeXmlParser(),
        new InsecureTempName(),
        new HardcodedTmpPath(),
        new HardcodedPassword(),
        new SecretOptionNotMasked(),
        new PlainHttpEndpointDefault(),
        new UnsafeArchiveExtraction());
  }
}
