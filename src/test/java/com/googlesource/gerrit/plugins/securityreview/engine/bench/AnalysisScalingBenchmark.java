package com.googlesource.gerrit.plugins.securityreview.engine.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Shapes of input that once made the analysis superlinear, each generated and analysed by every
 * rule (off-by-default ones included): the time of each must stay far below the file budget. Not a
 * test: run it with {@code ./run bench-analysis [ROUNDS]} and read the figures.
 */
public final class AnalysisScalingBenchmark {
  private AnalysisScalingBenchmark() {}

  /** The target of the semantic-model work: each input analysed in under this. */
  private static final Duration TARGET = Duration.ofSeconds(2);

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Set<String> all = Rules.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
    // The budget is lifted so that the figures show the real cost, not the stop.
    EngineOptions options =
        EngineOptions.defaults().withRules(Set.of(), all).withFileBudget(Duration.ofHours(1));
    Engine engine = new Engine(Rules.all(), options);
    Map<String, Supplier<byte[]>> inputs = new LinkedHashMap<>();
    inputs.put("1 MB function of assignments and calls", AnalysisScalingBenchmark::longFunction);
    inputs.put("5,000 findings", AnalysisScalingBenchmark::manyFindings);
    inputs.put("100k attribute chain", () -> chain(".b", 100_000));
    inputs.put("100k method chain", () -> chain(".f()", 100_000));
    System.out.printf(
        "%-40s %10s %10s %10s %9s %s%n", "input", "bytes", "best ms", "worst ms", "findings", "");
    boolean allUnder = true;
    for (Map.Entry<String, Supplier<byte[]>> in : inputs.entrySet()) {
      byte[] content = in.getValue().get();
      long[] ms = new long[rounds];
      int findings = 0;
      boolean complete = true;
      engine.analyze("neutron/agent/bench.py", content, ChangedLines.ALL); // warm-up
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        FileResult r = engine.analyze("neutron/agent/bench.py", content, ChangedLines.ALL);
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
        findings = r.findings().size() + r.suppressed() + r.belowThreshold();
        complete = r.diagnostics().isEmpty();
      }
      Arrays.sort(ms);
      boolean under = ms[ms.length - 1] < TARGET.toMillis() && complete;
      allUnder &= under;
      System.out.printf(
          "%-40s %10d %10d %10d %9d %s%n",
          in.getKey(),
          content.length,
          ms[0],
          ms[ms.length - 1],
          findings,
          !complete ? "not fully checked" : under ? "" : "over " + TARGET.toSeconds() + " s");
    }
    System.out.println(
        (allUnder ? "every input under " : "NOT every input under ") + TARGET.toSeconds() + " s");
  }

  /** One function of assignments that follow each other and calls that rules look through. */
  static byte[] longFunction() {
    StringBuilder b = new StringBuilder("import os\nimport subprocess\n\n\ndef work(arg):\n");
    b.append("    v0 = arg\n");
    for (int i = 1; b.length() < 1_000_000; i++) {
      b.append("    v")
          .append(i)
          .append(" = helper(v")
          .append(i - 1)
          .append(", 'x")
          .append(i)
          .append("')\n");
      b.append("    mode").append(i).append(" = 0o644\n");
      b.append("    os.chmod(v").append(i).append(", mode").append(i).append(")\n");
      b.append("    subprocess.check_call(['ls', v").append(i).append("])\n");
    }
    return b.toString().getBytes(UTF_8);
  }

  /** 5,000 flagged calls, each of a command assembled from a parameter a line before. */
  static byte[] manyFindings() {
    StringBuilder b = new StringBuilder("import subprocess\n\n\ndef run(arg):\n");
    for (int i = 0; i < 5_000; i++) {
      b.append("    cmd").append(i).append(" = 'ls ' + arg\n");
      b.append("    subprocess.call(cmd").append(i).append(", shell=True)\n");
    }
    return b.toString().getBytes(UTF_8);
  }

  /**
   * One chain {@code n} links long where a rule looks at it: an attribute chain as the {@code
   * verify=} of an HTTP call (OVN404 once took 109 s on it), a method chain as the protocol of an
   * SSL context (PY304 once took 38 s).
   */
  static byte[] chain(String link, int n) {
    String chain = "a" + link.repeat(n);
    String call =
        link.endsWith(")")
            ? "ssl.SSLContext(" + chain + ")"
            : "requests.get(url, verify=" + chain + ", timeout=5)";
    return ("import requests\nimport ssl\n\n\ndef f(a, url):\n    return " + call + "\n")
        .getBytes(UTF_8);
  }
}
