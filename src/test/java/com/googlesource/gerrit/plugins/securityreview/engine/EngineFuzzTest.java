package com.googlesource.gerrit.plugins.securityreview.engine;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import com.googlesource.gerrit.plugins.securityreview.testing.FuzzSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the whole engine with every rule on, those off by default included:
 * for any file, alone or compared with any base version, as service or as test code, {@link
 * Engine#analyze} returns, no rule fails, and it takes at most {@link
 * FuzzSeeds#MAX_TIME_PER_INPUT}.
 *
 * <p>In the test suite this runs over the seeds and the inputs that once failed ({@code
 * EngineFuzzTestInputs/analyze/} under the test resources). To fuzz: {@code ./run fuzz engine
 * [DURATION]}.
 */
class EngineFuzzTest {
  private static final String SERVICE_PATH =
      "neutron/plugins/ml2/drivers/ovn/mech_driver/ovsdb/ovn_client.py";
  private static final String TEST_PATH = "neutron/tests/unit/ovn/test_ovn_client.py";

  private static final Engine ENGINE =
      new Engine(
          Rules.all(),
          EngineOptions.defaults()
              .withRules(
                  Set.of(),
                  Rules.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet())));

  static {
    FuzzSeeds.warmUp(content -> ENGINE.analyze(SERVICE_PATH, content, ChangedLines.ALL));
  }

  /** Each seed alone, and each compared with the seed before it as its base. */
  static List<Arguments> analyze() {
    List<byte[]> files = FuzzSeeds.pythonFiles();
    List<Arguments> seeds = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      seeds.add(arguments(files.get(i), null, i % 2 == 0));
      if (i > 0) {
        seeds.add(arguments(files.get(i), files.get(i - 1), false));
      }
    }
    return seeds;
  }

  @MethodSource
  @FuzzTest
  void analyze(byte @NotNull [] content, byte[] base, boolean testCode) {
    String path = testCode ? TEST_PATH : SERVICE_PATH;
    long start = FuzzSeeds.cpuNanos();
    FileResult result =
        ENGINE.analyze(
            path,
            content,
            ChangedLines.ALL,
            base == null ? null : new BaseVersion(path, base, Set.of(path)));
    if (!result.ruleFailures().isEmpty()) {
      throw new AssertionError(result.ruleFailures().get(0).describe());
    }
    FuzzSeeds.withinTimeLimit(start, "checking " + content.length + " bytes");
  }
}
