package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The names of the functions whose waits are exempt. */
class WaitWithoutTimeoutTest {
  /** The exemption as a regular expression said it before string code took over. */
  private static final Pattern EXEMPT_AS_REGEX =
      Pattern.compile(
          "stop|shutdown|close|cleanup|clean_up|terminate|kill|sigterm|signal|exit|__del__"
              + "|^_*wait$|^_*join$");

  @Test
  void exemptFunctions_agreeWithThePatternTheyReplaced() {
    String[] parts = {
      "_", "__", "wait", "Wait", "join", "JOIN", "stop", "Shut", "down", "clean", "up", "kill",
      "sig", "term", "Signal", "exit", "del", "x", "run", "close", "d"
    };
    Random random = new Random(18);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(5); n >= 0; n--) {
        name.append(parts[random.nextInt(parts.length)]);
      }
      String s = name.toString();
      assertWithMessage(s)
          .that(WaitWithoutTimeout.isExemptFunction(s))
          .isEqualTo(EXEMPT_AS_REGEX.matcher(s.toLowerCase(Locale.ROOT)).find());
    }
  }
}
