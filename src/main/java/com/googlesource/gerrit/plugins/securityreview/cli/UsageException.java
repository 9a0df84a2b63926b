package com.googlesource.gerrit.plugins.securityreview.cli;

/** A command line the CLI cannot act on: unknown option, missing argument, missing path. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String helpCommand;

  UsageException(String message) {
    this(message, "--help");
  }

  /** {@code helpCommand}: the arguments that show the relevant help, e.g. {@code parse --help}. */
  UsageException(String message, String helpCommand) {
    super(message);
    this.helpCommand = helpCommand;
  }

  String helpCommand() {
    return helpCommand;
  }
}
