package com.googlesource.gerrit.plugins.securityreview.testing;

/** The local python3 that some tests compare against or run; they skip themselves without it. */
public final class Python3 {
  public static final String COMMAND = "python3";

  private Python3() {}

  /** Whether {@code python3} runs here and is 3.8 or newer. */
  public static boolean available() {
    return Commands.succeeds(
        COMMAND, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)");
  }
}
