package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Checked;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Scanned;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanTargets.Target;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan --fix}: applies the fixes the rules offer for the findings a scan reports, the very
 * replacements the plugin attaches to its Gerrit comments as fix suggestions, where that is safe.
 *
 * <p>Each file with a fixable finding is read and checked again, so that the fixes fit the bytes
 * they are applied to. A fix is left out when one of its edits lies outside the file, overlaps an
 * edit taken already (an identical fix of another finding counts as applied), or, when {@code
 * onlyChangedLines}, touches a line the change did not. The edits taken are applied bottom-up; the
 * file is rewritten only if it parsed before and still parses after, is UTF-8 as the parser read
 * it, and did not change meanwhile: through a new file in the same folder moved over the old one,
 * so that no reader ever sees half a fix.
 */
final class ScanFix {
  /**
   * What {@code --fix} did.
   *
   * @param messages one line per fix applied or left out, and per file left alone, then a total
   * @param fixedPaths the paths (as reported) of the files rewritten
   */
  record Result(List<String> messages, Set<String> fixedPaths) {}

  /** One edit as offsets into the file's text: {@code [start, end)} becomes {@code replacement}. */
  private record Span(int start, int end, String replacement) {
    boolean overlaps(Span o) {
      // Two insertions at one point, or an insertion at the start of a replacement, have no order.
      return start == o.start || (start < o.end && o.start < end);
    }
  }

  private ScanFix() {}

  /**
   * Applies the fixes of the findings in {@code report}.
   *
   * @param targets the targets {@code report} checked
   * @param onlyChangedLines whether fixes may change only the target's changed lines ({@code
   *     --diff})
   */
  static Result apply(
      Engine engine, ScanReport report, List<Target> targets, boolean onlyChangedLines) {
    Map<String, Target> byPath = new HashMap<>();
    for (Target t : targets) {
      byPath.put(t.path(), t);
    }
    List<String> messages = new ArrayList<>();
    Set<String> fixed = new LinkedHashSet<>();
    int applied = 0;
    int leftOut = 0;
    for (Scanned s : report.files()) {
      Target t = byPath.get(s.result().path());
      int reported = (int) s.result().findings().stream().filter(ScanFix::fixable).count();
      if (t == null || reported == 0) {
        continue;
      }
      FileFix f = new FileFix(engine, t, onlyChangedLines);
      f.run(reported);
      messages.addAll(f.messages);
      applied += f.applied;
      leftOut += f.leftOut;
      if (f.applied > 0) {
        fixed.add(t.path());
      }
    }
    if (applied == 0 && leftOut == 0) {
      messages.add("--fix: no finding reported has a fix");
    } else {
      messages.add(
          "--fix: "
              + plural(applied, "fix", "fixes")
              + " applied in "
              + plural(fixed.size(), "file", "files")
              + (leftOut > 0 ? ", " + leftOut + " left out" : ""));
    }
    return new Result(List.copyOf(messages), Set.copyOf(fixed));
  }

  /**
   * {@code report} with the files of {@code recheck}, checked after fixing, in place of their
   * earlier results; the problems of both.
   */
  static ScanReport replaced(ScanReport report, ScanReport recheck, long millis) {
    Map<String, Scanned> again = new HashMap<>();
    for (Scanned s : recheck.files()) {
      again.put(s.result().path(), s);
    }
    Set<String> failed = new LinkedHashSet<>();
    for (Problem p : recheck.errors()) {
      failed.add(p.path());
    }
    List<Scanned> files = new ArrayList<>();
    for (Scanned s : report.files()) {
      String path = s.result().path();
      if (again.containsKey(path)) {
        files.add(again.get(path));
      } else if (!failed.contains(path)) {
        files.add(s);
      }
    }
    List<Problem> errors = new ArrayList<>(report.errors());
    errors.addAll(recheck.errors());
    return new ScanReport(List.copyOf(files), List.copyOf(errors), millis, report.diff());
  }

  private static boolean fixable(Finding f) {
    return f.fix() != null && !f.fix().edits().isEmpty();
  }

  /** The fixing of one file, and what it tells. */
  private static final class FileFix {
    private final Engine engine;
    private final Target target;
    private final boolean onlyChangedLines;
    private final List<String> messages = new ArrayList<>();

    /** The findings with a fix, in order, each with why its fix was left out (null: applied). */
    private final Map<Finding, String> outcomes = new LinkedHashMap<>();

    private int applied;
    private int leftOut;

    FileFix(Engine engine, Target target, boolean onlyChangedLines) {
      this.engine = engine;
      this.target = target;
      this.onlyChangedLines = onlyChangedLines;
    }

    /**
     * @param reported how many fixable findings the scan reported in the file
     */
    void run(int reported) {
      byte[] content;
      try {
        content = Files.readAllBytes(target.file());
      } catch (IOException e) {
        fileLeftOut(reported, "cannot read: " + e.getMessage());
        return;
      }
      Checked checked = ScanRun.check(engine, target, content);
      if (!(checked instanceof Scanned scanned)) {
        fileLeftOut(reported, ((Problem) checked).message());
        return;
      }
      FileResult result = scanned.result();
      List<Finding> fixable = result.findings().stream().filter(ScanFix::fixable).toList();
      if (fixable.isEmpty()) {
        return;
      }
      if (!result.parsed()) {
        Diagnostic d = result.diagnostics().get(0);
        fileLeftOut(
            fixable.size(),
            "fixes are applied only to files that parse, and this one does not (line "
                + d.line()
                + ": "
                + d.message()
                + ")");
        return;
      }
      FileText text = FileText.of(content);
      if (text == null || !text.readAsByTheParser(content)) {
        fileLeftOut(fixable.size(), "fixes are applied only to UTF-8 files, and this one is not");
        return;
      }
      List<Span> spans = take(fixable, text);
      if (!spans.isEmpty()) {
        byte[] fixedContent = text.withEdits(spans);
        String why = write(content, fixedContent);
        if (why != null) {
          outcomes.replaceAll((f, w) -> w == null ? why : w);
        }
      }
      outcomes.forEach(
          (f, why) -> {
            if (why == null) {
              messages.add("fixed " + describe(f));
              applied++;
            } else {
              messages.add("not fixed " + describe(f) + ": " + why);
              leftOut++;
            }
          });
    }

    /**
     * Takes the fixes that apply, in the order of their findings, and notes in {@link #outcomes}
     * why each other one does not; returns the edits taken.
     */
    private List<Span> take(List<Finding> fixable, FileText text) {
      Map<Finding, List<Span>> taken = new LinkedHashMap<>();
      for (Finding f : fixable) {
        List<Span> spans = new ArrayList<>();
        String why = null;
        for (Fix.Edit e : f.fix().edits()) {
          Span span = text.span(e);
          if (span == null) {
            why = "its edit at " + e.line() + ":" + (e.col() + 1) + " lies outside the file";
          } else if (onlyChangedLines && !changedLinesOnly(e)) {
            why = "it edits lines the change does not touch";
          } else if (spans.stream().anyMatch(span::overlaps)) {
            why = "its edits overlap";
          }
          if (why != null) {
            break;
          }
          spans.add(span);
        }
        boolean same = false;
        if (why == null) {
          for (Map.Entry<Finding, List<Span>> other : taken.entrySet()) {
            if (Set.copyOf(other.getValue()).equals(Set.copyOf(spans))) {
              // The very replacements of a fix taken already: applying that one fixes this too.
              same = true;
            } else if (other.getValue().stream()
                .anyMatch(o -> spans.stream().anyMatch(o::overlaps))) {
              Finding o = other.getKey();
              why =
                  "it overlaps the fix of " + o.ruleId() + " at " + o.line() + ":" + (o.col() + 1);
              break;
            }
          }
        }
        outcomes.put(f, why);
        if (why == null && !same) {
          taken.put(f, spans);
        }
      }
      return taken.values().stream().flatMap(List::stream).toList();
    }

    private boolean changedLinesOnly(Fix.Edit e) {
      for (int line = e.line(); line <= e.endLine(); line++) {
        if (!target.changed().overlaps(line, line)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Writes the fixed content, unless it would not parse or the file changed since it was read;
     * returns why not, or null.
     */
    private String write(byte[] content, byte[] fixedContent) {
      ParseResult reparsed = PythonParser.parse(fixedContent);
      // Not ok(): a defect of the parser would leave the fixed code unchecked, not checked.
      if (!reparsed.diagnostics().isEmpty()) {
        Diagnostic d = reparsed.diagnostics().get(0);
        return "with the fixes the file would not parse (line "
            + d.line()
            + ": "
            + d.message()
            + ")";
      }
      try {
        if (!Arrays.equals(Files.readAllBytes(target.file()), content)) {
          return "the file changed while it was being fixed";
        }
        replace(target.file(), fixedContent);
        return null;
      } catch (IOException e) {
        return "cannot write the file: " + e.getMessage();
      }
    }

    private void fileLeftOut(int fixes, String why) {
      messages.add("not fixed " + target.path() + ": " + why);
      leftOut += fixes;
    }
  }

  /**
   * Replaces {@code file} (through its symbolic links) by {@code content} at once: written to a new
   * file beside it, with its permissions, then moved over it.
   */
  private static void replace(Path file, byte[] content) throws IOException {
    Path real = file.toRealPath();
    Path temp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".fix");
    try {
      Files.write(temp, content);
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the new file has the folder's default permissions.
      }
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** E.g. {@code pkg/a.py:3:5: TST101 Call safe() instead}. */
  private static String describe(Finding f) {
    return f.path()
        + ":"
        + f.line()
        + ":"
        + (f.col() + 1)
        + ": "
        + f.ruleId()
        + " "
        + f.fix().description();
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * A file's text as UTF-8, its lines ending as Python ends them ({@code \n}, {@code \r\n} or a
   * lone {@code \r}), which the edits' positions count in: 1-based lines, columns in UTF-16 code
   * units after a byte order mark.
   */
  private static final class FileText {
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final boolean bom;
    private final String text;

    /** Where each line starts in {@link #text}, and where its content ends (before the newline). */
    private final int[] lineStarts;

    private final int[] lineEnds;

    private FileText(boolean bom, String text, int[] lineStarts, int[] lineEnds) {
      this.bom = bom;
      this.text = text;
      this.lineStarts = lineStarts;
      this.lineEnds = lineEnds;
    }

    /** Null when the content is not UTF-8. */
    static FileText of(byte[] content) {
      boolean bom = content.length >= 3 && Arrays.equals(content, 0, 3, BOM, 0, 3);
      int offset = bom ? 3 : 0;
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                .toString();
      } catch (CharacterCodingException e) {
        return null;
      }
      List<Integer> starts = new ArrayList<>(List.of(0));
      List<Integer> ends = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          ends.add(i);
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          starts.add(i + 1);
        }
      }
      ends.add(text.length());
      return new FileText(
          bom,
          text,
          starts.stream().mapToInt(Integer::intValue).toArray(),
          ends.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Whether the parser reads the same lines: it honours a PEP 263 coding declaration, under which
     * the same bytes can be other text, with other columns.
     */
    boolean readAsByTheParser(byte[] content) {
      SourceText source = PythonParser.parse(content).source();
      if (source.lineCount() != lineStarts.length) {
        return false;
      }
      for (int line = 1; line <= lineStarts.length; line++) {
        if (!source.line(line).equals(text.substring(lineStarts[line - 1], lineEnds[line - 1]))) {
          return false;
        }
      }
      return true;
    }

    /** Where an edit lies in {@link #text}; null when it lies outside. */
    Span span(Fix.Edit e) {
      int start = offset(e.line(), e.col());
      int end = offset(e.endLine(), e.endCol());
      return start < 0 || end < start ? null : new Span(start, end, e.replacement());
    }

    private int offset(int line, int col) {
      if (line < 1 || line > lineStarts.length || col < 0) {
        return -1;
      }
      int start = lineStarts[line - 1];
      return col <= lineEnds[line - 1] - start ? start + col : -1;
    }

    /** The content with the spans, which do not overlap, replaced: from the last one up. */
    byte[] withEdits(List<Span> spans) {
      StringBuilder b = new StringBuilder(text);
      spans.stream()
          .sorted(Comparator.comparingInt(Span::start).reversed())
          .forEach(s -> b.replace(s.start(), s.end(), s.replacement()));
      byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
      if (!bom) {
        return body;
      }
      byte[] withBom = Arrays.copyOf(BOM, BOM.length + body.length);
      System.arraycopy(body, 0, withBom, BOM.length, body.length);
      return withBom;
    }
  }
}
