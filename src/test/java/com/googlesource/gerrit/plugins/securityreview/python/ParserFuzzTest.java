package com.googlesource.gerrit.plugins.securityreview.python;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.googlesource.gerrit.plugins.securityreview.testing.FuzzSeeds;
import java.util.List;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the front end: for any bytes, {@link PythonParser#parse} returns
 * (never throws), reports no defect of its own (an internal diagnostic), gives a tree that {@link
 * AstDumper} can print, and takes at most {@link FuzzSeeds#MAX_TIME_PER_INPUT}.
 *
 * <p>In the test suite this runs over the seeds and the inputs that once failed ({@code
 * ParserFuzzTestInputs/parse/} under the test resources). To fuzz: {@code ./run fuzz parser
 * [DURATION]}.
 */
class ParserFuzzTest {
  static {
    FuzzSeeds.warmUp(PythonParser::parse);
  }

  static List<byte[]> parse() {
    return FuzzSeeds.pythonFiles();
  }

  @MethodSource
  @FuzzTest
  void parse(byte[] source) {
    long start = FuzzSeeds.cpuNanos();
    ParseResult result = PythonParser.parse(source);
    for (Diagnostic d : result.diagnostics()) {
      if (d.internal()) {
        throw new AssertionError("defect of the front end: " + d);
      }
    }
    AstDumper.dump(result.module());
    FuzzSeeds.withinTimeLimit(start, "parsing " + source.length + " bytes");
  }
}
