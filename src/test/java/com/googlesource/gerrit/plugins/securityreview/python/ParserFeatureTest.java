package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code src/test/resources/python/features/} (one syntax feature per file) must
 * parse without diagnostics to exactly the tree CPython 3.13 gives: its {@code NAME.ast} beside it
 * is CPython's dump in {@link AstDumper}'s form. The fixtures of {@code features-3.14/} use syntax
 * that Python 3.14 added (template strings) and their dumps come from CPython 3.14; those of {@code
 * features-3.15/}, syntax that Python 3.15 added (lazy imports, unpacking in comprehensions), come
 * from CPython 3.15. A dump has every field of CPython 3.15 ({@code is_lazy=0} in those of older
 * versions, as {@code tools/differential/cpython_dump.py} writes them). {@code
 * tools/cpython-oracle/regen-expected.sh} makes the dumps of every folder, each with its CPython.
 *
 * <p>A fuzz-ish test also cuts and punches holes in each fixture: the parser must never throw and
 * must always give a module.
 */
class ParserFeatureTest {
  /** Regenerates the expected dumps of one folder: this script followed by the folder's version. */
  private static final String REGEN = "tools/cpython-oracle/regen-expected.sh";

  /** A folder of feature fixtures and the CPython version whose trees they hold. */
  private record FeatureDir(String resource, String python) {
    String regen() {
      return REGEN + " " + python;
    }
  }

  private static final List<FeatureDir> FEATURE_DIRS =
      List.of(
          new FeatureDir("python/features", "3.13"),
          new FeatureDir("python/features-3.14", "3.14"),
          new FeatureDir("python/features-3.15", "3.15"));

  private static Path dir(FeatureDir d) {
    URL url = ParserFeatureTest.class.getClassLoader().getResource(d.resource());
    if (url == null) {
      throw new IllegalStateException("test resource folder " + d.resource() + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> fixtures(FeatureDir d) {
    try (Stream<Path> files = Files.list(dir(d))) {
      List<Path> list =
          files.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList();
      if (list.isEmpty()) {
        throw new IllegalStateException("no fixtures in " + d.resource());
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> fixtures() {
    return FEATURE_DIRS.stream().flatMap(d -> fixtures(d).stream()).toList();
  }

  static Stream<Arguments> features() {
    return FEATURE_DIRS.stream()
        .flatMap(
            d ->
                fixtures(d).stream()
                    .map(p -> Arguments.of(p.getFileName().toString(), p, d.python(), d.regen())));
  }

  @ParameterizedTest(name = "{0} (CPython {2})")
  @MethodSource("features")
  void parsesLikeCPython(String name, Path fixture, String python, String regen)
      throws IOException {
    byte[] source = Files.readAllBytes(fixture);
    Path expectedFile =
        fixture.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".ast");
    assertWithMessage("expected dump %s (run %s)", expectedFile, regen)
        .that(Files.exists(expectedFile))
        .isTrue();
    String expected = stripFinalNewline(Files.readString(expectedFile, StandardCharsets.UTF_8));

    ParseResult result = PythonParser.parse(source);
    assertWithMessage("%s: parse result", name).that(result).isNotNull();
    assertWithMessage("%s: diagnostics", name).that(result.diagnostics()).isEmpty();
    String actual = AstDumper.dump(result.module());
    if (!actual.equals(expected)) {
      fail(
          name
              + ": dump differs from CPython "
              + python
              + "'s\n"
              + describeDifferences(expected, result));
    }
  }

  /** Cut points and holes per fixture; with about 40 fixtures, a few hundred variants. */
  private static final int CUTS_PER_FIXTURE = 5;

  private static final int HOLES_PER_FIXTURE = 5;

  static Stream<Arguments> mutilated() {
    List<Arguments> variants = new ArrayList<>();
    Random random = new Random(0x5EC_2E71E3L);
    for (Path fixture : fixtures()) {
      String name = fixture.getFileName().toString();
      byte[] source;
      try {
        source = Files.readAllBytes(fixture);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (source.length == 0) {
        continue;
      }
      // Truncations at every Nth byte (possibly inside a multi-byte character or a token).
      int step = Math.max(1, source.length / (CUTS_PER_FIXTURE + 1));
      for (int cut = step; cut < source.length; cut += step) {
        variants.add(Arguments.of(name + " cut at " + cut, Arrays.copyOf(source, cut)));
      }
      // Token-sized holes (1 to 8 bytes) at random places.
      for (int i = 0; i < HOLES_PER_FIXTURE; i++) {
        int len = 1 + random.nextInt(8);
        int at = random.nextInt(Math.max(1, source.length - len));
        int end = Math.min(source.length, at + len);
        byte[] holed = new byte[source.length - (end - at)];
        System.arraycopy(source, 0, holed, 0, at);
        System.arraycopy(source, end, holed, at, source.length - end);
        variants.add(Arguments.of(name + " without [" + at + ", " + end + ")", holed));
      }
      // A chunk moved elsewhere.
      int a = random.nextInt(source.length);
      int b = random.nextInt(source.length);
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      int len = Math.min(1 + random.nextInt(6), source.length - hi);
      byte[] moved = new byte[source.length];
      // source[0, lo) + source[hi, hi+len) + source[lo, hi) + source[hi+len, end)
      int p = 0;
      System.arraycopy(source, 0, moved, p, lo);
      p += lo;
      System.arraycopy(source, hi, moved, p, len);
      p += len;
      System.arraycopy(source, lo, moved, p, hi - lo);
      p += hi - lo;
      System.arraycopy(source, hi + len, moved, p, source.length - hi - len);
      variants.add(Arguments.of(name + " with [" + hi + ", +" + len + ") moved to " + lo, moved));
    }
    return variants.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutilated")
  void neverThrowsOnMutilatedFixtures(String name, byte[] source) {
    ParseResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> PythonParser.parse(source),
            () -> name + ": parser took too long (endless loop?)");
    assertWithMessage("%s: parse result", name).that(result).isNotNull();
    assertWithMessage("%s: module", name).that(result.module()).isNotNull();
    assertWithMessage("%s: module body", name).that(result.module().body()).isNotNull();
    assertWithMessage("%s: source", name).that(result.source()).isNotNull();
    assertWithMessage("%s: diagnostics", name).that(result.diagnostics()).isNotNull();
    for (Diagnostic d : result.diagnostics()) {
      assertWithMessage("%s: line of %s", name, d).that(d.line()).isAtLeast(1);
      assertWithMessage("%s: line of %s", name, d)
          .that(d.line())
          .isAtMost(result.source().lineCount() + 1);
      assertWithMessage("%s: column of %s", name, d).that(d.col()).isAtLeast(0);
    }
    // The tree that is there must be dumpable (no null where a list or node is required).
    AstDumper.dump(result.module());
  }

  private static final String MODULE_PREFIX = "Module(body=[";

  private static final String MODULE_SUFFIX = "], type_ignores=[])";

  private static final Pattern STMT_POSITION =
      Pattern.compile("lineno=(\\d+), col_offset=\\d+, end_lineno=(\\d+), end_col_offset=\\d+\\)$");

  /**
   * Compares top-level statement by statement, so that one difference does not hide the others:
   * says which statements (by line) differ and where the first few first differ.
   */
  static String describeDifferences(String expected, ParseResult result) {
    String actual = AstDumper.dump(result.module());
    if (!expected.startsWith(MODULE_PREFIX) || !expected.endsWith(MODULE_SUFFIX)) {
      return firstDifference(expected, actual);
    }
    List<String> want =
        splitTopLevel(
            expected.substring(MODULE_PREFIX.length(), expected.length() - MODULE_SUFFIX.length()));
    List<String> got = new ArrayList<>();
    for (Ast.Stmt s : result.module().body()) {
      got.add(AstDumper.dump(s));
    }
    StringBuilder b = new StringBuilder();
    if (want.size() != got.size()) {
      b.append("CPython has ")
          .append(want.size())
          .append(" top-level statements, we have ")
          .append(got.size())
          .append('\n');
    }
    List<String> differing = new ArrayList<>();
    int shown = 0;
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      String w = i < want.size() ? want.get(i) : "";
      String g = i < got.size() ? got.get(i) : "";
      if (w.equals(g)) {
        continue;
      }
      String where = lines(w.isEmpty() ? g : w);
      differing.add(where);
      if (shown++ < 3) {
        b.append("-- statement #").append(i + 1).append(" (").append(where).append("): ");
        b.append(firstDifference(w, g));
      }
    }
    b.insert(0, "differing top-level statements: " + differing + "\n");
    return b.toString();
  }

  private static String lines(String stmtDump) {
    Matcher m = STMT_POSITION.matcher(stmtDump);
    if (!m.find()) {
      return "?";
    }
    return m.group(1).equals(m.group(2))
        ? "line " + m.group(1)
        : "lines " + m.group(1) + "-" + m.group(2);
  }

  /** Splits a dumped list's contents at its top-level commas. */
  static List<String> splitTopLevel(String s) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        items.add(s.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (start < s.length()) {
      items.add(s.substring(start).strip());
    }
    return items;
  }

  static String stripFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Describes where two dumps first differ: the offset, the enclosing node kinds, and some context
   * of each.
   */
  static String firstDifference(String expected, String actual) {
    int n = Math.min(expected.length(), actual.length());
    int i = 0;
    while (i < n && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 200);
    StringBuilder b = new StringBuilder();
    b.append("first difference at offset ").append(i);
    b.append(" (expected length ").append(expected.length());
    b.append(", actual ").append(actual.length()).append(")\n");
    b.append("in: ").append(enclosing(expected, i)).append('\n');
    b.append("common prefix tail: ...").append(expected, from, i).append('\n');
    b.append("expected (CPython): ")
        .append(expected, i, Math.min(expected.length(), i + 200))
        .append('\n');
    b.append("actual   (ours):    ")
        .append(actual, i, Math.min(actual.length(), i + 200))
        .append('\n');
    return b.toString();
  }

  /** The chain of node kinds open at {@code offset}, outermost first. */
  private static String enclosing(String dump, int offset) {
    List<String> open = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < offset && i < dump.length(); i++) {
      char c = dump.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        int s = i;
        while (s > 0 && Character.isJavaIdentifierPart(dump.charAt(s - 1))) {
          s--;
        }
        open.add(dump.substring(s, i));
      } else if (c == ')') {
        if (!open.isEmpty()) {
          open.remove(open.size() - 1);
        }
      }
    }
    return String.join(" > ", open);
  }
}
