package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry point: {@code java -jar security-review.jar COMMAND ...}.
 *
 * <p>The jar is also the Gerrit plugin, but under {@code java -jar} the Gerrit API is not on the
 * class path: nothing in this package may use Gerrit, Guice or Flogger classes.
 *
 * <p>Exit status: {@value #EXIT_OK} success, {@value #EXIT_PROBLEMS} problems found in the input
 * (syntax errors for {@code parse}, findings for {@code scan}), {@value #EXIT_ERROR} usage, I/O,
 * git or internal error.
 */
public final class Main {
  static final int EXIT_OK = 0;
  static final int EXIT_PROBLEMS = 1;
  static final int EXIT_ERROR = 2;

  static final String NAME = "security-review";

  /**
   * Stack of the thread the CLI runs on. The parser recurses over nested source; the default main
   * thread stack (often 1 MB or less) is too small for pathological nesting.
   */
  private static final long STACK_SIZE = 256L << 20;

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = stream(FileDescriptor.out, "stdout.encoding");
    PrintStream err = stream(FileDescriptor.err, "stderr.encoding");
    int[] status = {EXIT_ERROR};
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                status[0] = run(args, out, err);
              } finally {
                out.flush();
                err.flush();
              }
            },
            NAME,
            STACK_SIZE);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    err.flush();
    System.exit(status[0]);
  }

  /**
   * Runs one command line and returns the exit status. Never calls {@link System#exit}; tests call
   * this directly.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Path.of("").toAbsolutePath(), Rules.all());
  }

  /**
   * Runs one command line as if started in {@code cwd}, with {@code rules} as every rule there is
   * (tests use their own).
   */
  static int run(String[] args, PrintStream out, PrintStream err, Path cwd, List<Rule> rules) {
    try {
      return dispatch(args, out, err, cwd, rules);
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      err.println("Run 'java -jar security-review.jar " + e.helpCommand() + "' for usage.");
      return EXIT_ERROR;
    } catch (RuntimeException | StackOverflowError e) {
      err.println(NAME + ": internal error: " + e);
      e.printStackTrace(err);
      return EXIT_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(
      String[] args, PrintStream out, PrintStream err, Path cwd, List<Rule> rules)
      throws UsageException {
    if (args.length == 0) {
      err.print(usage());
      return EXIT_ERROR;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "-h", "--help", "help" -> {
        out.print(usage());
        return EXIT_OK;
      }
      case "-V", "--version", "version" -> {
        out.println(NAME + " " + version());
        return EXIT_OK;
      }
      case "parse" -> {
        return new ParseCommand(out, err).run(rest);
      }
      case "scan" -> {
        return new ScanCommand(out, err, cwd, rules).run(rest);
      }
      case "rule" -> {
        return new RuleCommand(out, rules).run(rest);
      }
      default -> {
        if (command.startsWith("-")) {
          throw new UsageException("unknown option '" + command + "'");
        }
        throw new UsageException("unknown command '" + command + "'");
      }
    }
  }

  /** The {@code Implementation-Version} of the jar's manifest, or {@code dev} outside a jar. */
  static String version() {
    Package p = Main.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  static String usage() {
    return """
    security-review: finds security defects in Python code (Gerrit plugin and CLI).

    Usage: java -jar security-review.jar COMMAND [OPTIONS] [ARGS]
           java -jar security-review.jar --help | --version

    Commands:
    """
        + ParseCommand.SUMMARY
        + ScanCommand.SUMMARY
        + RuleCommand.SUMMARY
        + """

        Options:
          -h, --help     show this help; 'COMMAND --help' shows a command's help
          -V, --version  print the version

        Exit status: 0 success, 1 problems found (parse: syntax errors; scan:
        findings at or above the thresholds), 2 usage, I/O, git, configuration or
        internal error.
        """;
  }

  /**
   * A buffered stream on a standard file descriptor. Uses the encoding the JVM chose for the
   * terminal, except that a plain ASCII locale (POSIX/C, common in CI) gets UTF-8 so that non-ASCII
   * paths and messages are not turned into '?'.
   */
  private static PrintStream stream(FileDescriptor fd, String encodingProperty) {
    Charset charset = StandardCharsets.UTF_8;
    String name = System.getProperty(encodingProperty);
    if (name != null) {
      try {
        Charset c = Charset.forName(name);
        if (!c.equals(StandardCharsets.US_ASCII)) {
          charset = c;
        }
      } catch (IllegalArgumentException e) {
        // Unknown or unsupported: keep UTF-8.
      }
    }
    return new PrintStream(
        new BufferedOutputStream(new FileOutputStream(fd), 1 << 16), false, charset);
  }
}
