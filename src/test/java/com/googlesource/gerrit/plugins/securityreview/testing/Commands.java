package com.googlesource.gerrit.plugins.securityreview.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Probes for the programs that some tests need, so that they can skip themselves without one. */
public final class Commands {
  private Commands() {}

  /** Whether the command starts here and exits 0 within 30 seconds; its output is discarded. */
  public static boolean succeeds(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
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
