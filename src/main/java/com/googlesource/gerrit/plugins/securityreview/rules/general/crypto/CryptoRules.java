package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.util.List;

/** The PY3xx cryptography and network protocols rules. */
public final class CryptoRules {
  private CryptoRules() {}

  public static List<Rule> all() {
    return List.of(
        new WeakHash(),
        new WeakCipher(),
        new WeakKeySize(),
        new InsecureTlsVersion(),
        new UrlOpenAnyScheme(),
        new CleartextProtocol(),
        new SshHostKeyNotVerified(),
        new ParamikoCommandBuilt(),
        new InsecureRandomSecret());
  }
}
