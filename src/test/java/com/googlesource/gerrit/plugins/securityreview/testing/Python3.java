package com.googlesource.gerrit.plugins.securityreview.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The local python3 that some tests compare against or run; they skip themselves without it. */
public final class Python3 {
  public static final String COMMAND = "python3";

  private Python3() {}

  /** Whether {@code python3} runs here and is 3.8 or newer. */
  public static boolean available() {
    try {
      Process p =
          new ProcessBuilder(
                  COMMAND, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
