package com.googlesource.gerrit.plugins.securityreview.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Python 3 source (the grammar of CPython 3.14, with 3.15's lazy imports and unpacking in
 * comprehensions) into an {@link Ast.Module}.
 *
 * <p>Never throws for any input: undecodable bytes, syntax errors, NUL bytes, runaway nesting and
 * Python 2 code give {@link Diagnostic}s and as much of the tree as could be read.
 */
public final class PythonParser {
  /** PEP 263: {@code # -*- coding: latin-1 -*-} on line 1 or 2. */
  private static final Pattern CODING =
      Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

  /** Diagnostics kept per file: past the first few, more only repeat the same fault. */
  static final int MAX_DIAGNOSTICS = 100;

  private PythonParser() {}

  /** Parses file content, honouring a UTF-8 BOM and a PEP 263 coding declaration. */
  public static ParseResult parse(byte[] content) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    return parse(read(content, diagnostics), diagnostics);
  }

  /** Parses already decoded source text. */
  public static ParseResult parse(String source) {
    return parse(SourceText.normalized(source), new ArrayList<>());
  }

  private static ParseResult parse(SourceText source, List<Diagnostic> diagnostics) {
    int nul = source.firstNul();
    if (nul >= 0) {
      int line = lineOfOffset(source, nul);
      diagnostics.add(
          new Diagnostic(
              line,
              source.byteColumn(line, nul - source.lineStart(line)),
              "source code cannot contain null bytes"));
    }
    Ast.Module module;
    List<Comment> comments = List.of();
    NameTable names = null;
    try {
      Tokens tokens = Tokenizer.tokenize(source, diagnostics);
      comments = tokens.comments;
      names = tokens.names;
      module = new Parser(source, tokens, diagnostics).parseModule();
    } catch (StackOverflowError e) {
      diagnostics.add(new Diagnostic(1, 0, "too complex: nesting exceeds the parser's stack"));
      module = new Ast.Module(List.of(), List.of());
    } catch (RuntimeException e) {
      // A defect of ours; the caller still gets a diagnostic rather than an exception.
      diagnostics.add(Diagnostic.internalError(1, 0, "parser", e));
      module = new Ast.Module(List.of(), List.of());
    }
    diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
    if (diagnostics.size() > MAX_DIAGNOSTICS) {
      int more = diagnostics.size() - MAX_DIAGNOSTICS;
      Diagnostic last = diagnostics.get(MAX_DIAGNOSTICS - 1);
      List<Diagnostic> shown = new ArrayList<>(diagnostics.subList(0, MAX_DIAGNOSTICS));
      shown.add(new Diagnostic(last.line(), last.col(), more + " more errors not shown"));
      // Our own defects are never cut: each one means a statement went unchecked.
      diagnostics.subList(MAX_DIAGNOSTICS, diagnostics.size()).stream()
          .filter(Diagnostic::internal)
          .forEach(shown::add);
      diagnostics = shown;
    }
    return new ParseResult(module, source, List.copyOf(diagnostics), List.copyOf(comments), names);
  }

  private static int lineOfOffset(SourceText source, int offset) {
    int line = 1;
    while (line < source.lineCount() && source.lineStart(line + 1) <= offset) {
      line++;
    }
    return line;
  }

  /** Decodes bytes as CPython's tokenizer does: BOM, coding cookie, else UTF-8. */
  static SourceText read(byte[] content, List<Diagnostic> diagnostics) {
    int offset = 0;
    boolean bom = false;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      offset = 3;
      bom = true;
    }
    Charset charset = StandardCharsets.UTF_8;
    String declared = codingCookie(content, offset);
    if (declared != null) {
      String name = normalizeEncoding(declared);
      if (bom && !name.equals("utf-8")) {
        diagnostics.add(new Diagnostic(1, 0, "encoding problem: " + declared + " with BOM"));
      } else {
        try {
          charset = Charset.forName(javaCharsetName(name));
        } catch (IllegalArgumentException e) {
          diagnostics.add(new Diagnostic(1, 0, "unknown encoding: " + declared));
        }
      }
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      // The commonest case: ASCII, which UTF-8 leaves as it is.
      SourceText ascii = SourceText.ascii(content, offset);
      if (ascii != null) {
        return ascii;
      }
      // Then without a CharBuffer's copy: the String constructor replaces a malformed sequence
      // with U+FFFD, so a result without one is what the strict decoder gives.
      String text = new String(content, offset, content.length - offset, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return SourceText.normalized(text);
      }
    }
    ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
    CharsetDecoder strict =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(in);
      return SourceText.normalized(chars.toString());
    } catch (CharacterCodingException e) {
      int bad = firstUndecodable(content, offset, charset);
      String decodedPrefix = new String(content, offset, bad - offset, charset);
      SourceText prefix = SourceText.normalized(decodedPrefix);
      int line = prefix.lineCount();
      // CPython 3.14 and later decode the whole file before tokenizing, so an invalid byte is an
      // error wherever it is, comments included (3.13 let comments through undecoded).
      String message =
          charset.equals(StandardCharsets.UTF_8)
              ? String.format(
                  "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared;"
                      + " see https://peps.python.org/pep-0263/ for details",
                  content[bad] & 0xff, line)
              : String.format(
                  "(unicode error) '%s' codec can't decode byte 0x%02x in position %d",
                  charset.name().toLowerCase(Locale.ROOT), content[bad] & 0xff, bad - offset);
      diagnostics.add(
          new Diagnostic(
              line,
              SourceText.utf8Length(prefix.line(line), 0, prefix.line(line).length()),
              message));
      return SourceText.normalized(new String(content, offset, content.length - offset, charset));
    }
  }

  private static int firstUndecodable(byte[] content, int offset, Charset charset) {
    CharsetDecoder d =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    d.decode(in, out, true);
    return Math.min(in.position(), content.length - 1);
  }

  /** The declared encoding on line 1, or on line 2 when line 1 is blank or a comment. */
  private static String codingCookie(byte[] content, int offset) {
    int start = offset;
    for (int lineNo = 1; lineNo <= 2 && start < content.length; lineNo++) {
      int end = start;
      while (end < content.length && content[end] != '\n' && content[end] != '\r') {
        end++;
      }
      String line = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
      Matcher m = CODING.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        return null;
      }
      start = end;
      if (start < content.length && content[start] == '\r') {
        start++;
      }
      if (start < content.length && content[start] == '\n') {
        start++;
      }
    }
    return null;
  }

  /** CPython's get_normal_name plus the usual aliases. */
  private static String normalizeEncoding(String declared) {
    String s = declared.toLowerCase(Locale.ROOT).replace('_', '-');
    if (s.equals("utf-8") || s.startsWith("utf-8-")) {
      return "utf-8";
    }
    if (s.equals("latin-1")
        || s.equals("latin1")
        || s.equals("iso-8859-1")
        || s.equals("iso8859-1")
        || s.equals("iso-latin-1")
        || s.startsWith("latin-1-")
        || s.startsWith("iso-8859-1-")
        || s.startsWith("iso-latin-1-")) {
      return "iso-8859-1";
    }
    return s;
  }

  private static String javaCharsetName(String normalized) {
    if (normalized.matches("cp12[0-9][0-9]")) {
      return "windows-" + normalized.substring(2);
    }
    if (normalized.matches("cp[0-9]+")) {
      return "IBM" + normalized.substring(2);
    }
    if (normalized.equals("ascii")) {
      return "US-ASCII";
    }
    if (normalized.matches("latin-?[0-9]+")) {
      return "ISO-8859-" + normalized.replaceAll("\\D", "");
    }
    return normalized;
  }
}
