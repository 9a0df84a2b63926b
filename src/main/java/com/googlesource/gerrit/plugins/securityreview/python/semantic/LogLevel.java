package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/** A log level, lowest first; {@code UNKNOWN} for a {@code .log(level, ...)} not known. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARNING,
  ERROR,
  CRITICAL,
  UNKNOWN;

  /** Whether the level is known and above debug, i.e. logged by a default configuration. */
  public boolean aboveDebug() {
    return this != DEBUG && this != UNKNOWN;
  }
}
