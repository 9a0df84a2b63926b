package com.googlesource.gerrit.plugins.securityreview.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of the command line in a folder, with the rules a test chooses, and what it printed. */
record CliRun(int status, String out, String err) {

  static CliRun in(Path cwd, List<Rule> rules, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Main.run(args, o, e, cwd, rules);
    }
    return new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** {@code COMMAND ARGS...}, e.g. {@code scan --config project.config}. */
  static CliRun command(Path cwd, List<Rule> rules, String command, String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = command;
    System.arraycopy(args, 0, argv, 1, args.length);
    return in(cwd, rules, argv);
  }

  /** The last line of standard output: for a text scan, the predicted vote. */
  String lastLine() {
    List<String> lines = out.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** Writes a file below {@code root}, making its folders. */
  static Path write(Path root, String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.writeString(p, content, UTF_8);
    return p;
  }
}
