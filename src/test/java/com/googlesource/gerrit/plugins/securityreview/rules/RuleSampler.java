package com.googlesource.gerrit.plugins.securityreview.rules;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs rules over a source tree and prints, per rule, the count over the tree and under an OVN
 * folder, then every finding with its source line, for judging rules by hand against real code
 * ({@code ./run sample ROOT [--ovn PREFIX] [--sample N] [IDS...]}).
 */
public final class RuleSampler {
  private RuleSampler() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    String ovn = "neutron/plugins/ml2/drivers/ovn/";
    int sample = Integer.MAX_VALUE;
    Set<String> ids = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--ovn" -> ovn = args[++i];
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        default -> ids.add(args[i]);
      }
    }
    List<Rule> rules =
        Rules.all().stream().filter(r -> ids.isEmpty() || ids.contains(r.meta().id())).toList();
    Set<String> all = new HashSet<>();
    rules.forEach(r -> all.add(r.meta().id()));
    Engine engine = new Engine(rules, EngineOptions.defaults().withRules(Set.of(), all));
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    Map<String, List<String>> byRule = new TreeMap<>();
    Map<String, int[]> counts = new TreeMap<>();
    long t0 = System.nanoTime();
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      byte[] content = Files.readAllBytes(f);
      FileResult r = engine.analyze(rel, content, ChangedLines.ALL);
      List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (Finding x : r.findings()) {
        int[] c = counts.computeIfAbsent(x.ruleId(), k -> new int[3]);
        c[0]++;
        if (rel.startsWith(ovn)) {
          c[1]++;
        }
        if (Engine.isTestPath(rel)) {
          c[2]++;
        }
        String src = x.line() <= lines.size() ? lines.get(x.line() - 1).strip() : "";
        byRule
            .computeIfAbsent(x.ruleId(), k -> new ArrayList<>())
            .add(rel + ":" + x.line() + ": " + src);
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "%d files in %d ms%n%-8s %7s %7s %7s%n", files.size(), ms, "rule", "tree", "ovn", "tests");
    for (Rule r : rules) {
      int[] c = counts.getOrDefault(r.meta().id(), new int[3]);
      System.out.printf("%-8s %7d %7d %7d%n", r.meta().id(), c[0], c[1], c[2]);
    }
    for (var e : byRule.entrySet()) {
      System.out.println("\n== " + e.getKey());
      e.getValue().stream().limit(sample).forEach(System.out::println);
    }
  }
}
