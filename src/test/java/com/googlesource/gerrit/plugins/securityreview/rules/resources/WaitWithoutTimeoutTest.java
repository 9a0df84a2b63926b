package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.testing.PartStrings;
import java.util.Locale;
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
    for (String s : PartStrings.of(parts, 5, 100_000, 18)) {
      assertWithMessage(s)
          .that(WaitWithoutTimeout.isExemptFunction(s))
          .isEqualTo(EXEMPT_AS_REGEX.matcher(s.toLowerCase(Locale.ROOT)).find());
    }
  }
}
