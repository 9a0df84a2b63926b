package com.googlesource.gerrit.plugins.securityreview.python;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decoded source text with its line table. Newlines are normalised as CPython's tokenizer does
 * ({@code \r\n} and a lone {@code \r} become {@code \n}), which keeps every line's columns.
 *
 * <p>CPython counts columns in UTF-8 bytes; Gerrit comment ranges count characters (UTF-16 code
 * units). This class converts between the two.
 */
public final class SourceText {
  private final String text;
  private final char[] chars;

  /** Indexed by 1-based line, up to {@link #lineCount}; longer, not cut to size. */
  private final int[] lineStarts;

  /** Per line, whether it is all ASCII; null when the whole text is. */
  private final boolean[] asciiLine;

  private final int lineCount;
  private final int firstNul;

  /** Text whose newlines are normalised already. */
  public SourceText(String text) {
    this(text, Lines.of(text.toCharArray(), false));
  }

  private SourceText(String raw, Lines lines) {
    this.text = lines.changed ? new String(lines.chars, 0, lines.length) : raw;
    this.chars = lines.chars;
    this.lineStarts = lines.starts;
    this.asciiLine = lines.ascii;
    this.lineCount = lines.count;
    this.firstNul = lines.nul;
  }

  /** The text with its newlines normalised as CPython reads them. */
  static SourceText normalized(String raw) {
    return new SourceText(raw, Lines.of(raw.toCharArray(), true));
  }

  /**
   * Bytes from {@code from} on read as ASCII, newlines normalised; null at the first byte that is
   * not ASCII. Most files are ASCII: read in the same pass that finds the lines, they skip the
   * UTF-8 decoder's pass and the copy of a String into characters.
   */
  static SourceText ascii(byte[] content, int from) {
    int n = content.length - from;
    Lines lines = new Lines(new char[n]);
    if (!lines.scanAscii(content, from)) {
      return null;
    }
    return new SourceText(
        lines.changed ? null : new String(content, from, n, StandardCharsets.ISO_8859_1), lines);
  }

  /**
   * The line table, worked out in one pass over the characters: newlines normalised in place, lines
   * found, the first NUL noted. The line arrays grow as lines are found, and are kept as they end
   * (a copy to size was a percent of a scan).
   */
  private static final class Lines {
    final char[] chars;
    int[] starts;

    /** Per line, whether it is all ASCII; none for text read as ASCII. */
    boolean[] ascii;

    int count = 1;
    int nul = -1;
    boolean changed;

    /** The characters of the text: fewer than {@code chars.length} once a CRLF is normalised. */
    int length;

    Lines(char[] chars) {
      this.chars = chars;
      starts = new int[Math.max(16, chars.length / 24)];
    }

    static Lines of(char[] chars, boolean normalize) {
      Lines lines = new Lines(chars);
      lines.ascii = new boolean[lines.starts.length];
      lines.scan(normalize);
      return lines;
    }

    /** Finds the lines of the characters, normalising newlines in place. */
    void scan(boolean normalize) {
      char[] c = chars;
      int n = c.length;
      int line = 1;
      boolean lineAscii = true;
      int w = 0;
      for (int r = 0; r < n; r++, w++) {
        char ch = c[r];
        if (ch == '\r' && normalize) {
          ch = '\n';
          changed = true;
          if (r + 1 < n && c[r + 1] == '\n') {
            r++;
          }
        }
        c[w] = ch;
        if (ch == '\n') {
          ascii[line] = lineAscii;
          line = newLine(line, w + 1);
          lineAscii = true;
        } else if (ch >= 0x80) {
          lineAscii = false;
        } else if (ch == 0 && nul < 0) {
          nul = w;
        }
      }
      ascii[line] = lineAscii;
      count = line;
      length = w;
    }

    /**
     * Reads the ASCII bytes from {@code from} into the characters, normalising newlines and finding
     * the lines; false at a byte that is not ASCII. One comparison per byte in the common case: a
     * byte above {@code \r} is neither a newline, a NUL nor (as a signed byte) non-ASCII.
     */
    boolean scanAscii(byte[] bytes, int from) {
      char[] c = chars;
      int n = c.length;
      int line = 1;
      int w = 0;
      for (int r = 0; r < n; r++, w++) {
        byte b = bytes[from + r];
        if (b <= '\r') {
          if (b < 0) {
            return false;
          }
          if (b == '\r') {
            b = '\n';
            changed = true;
            if (r + 1 < n && bytes[from + r + 1] == '\n') {
              r++;
            }
          }
          if (b == '\n') {
            line = newLine(line, w + 1);
          } else if (b == 0 && nul < 0) {
            nul = w;
          }
        }
        c[w] = (char) b;
      }
      count = line;
      length = w;
      return true;
    }

    /** Records that line {@code line + 1} starts at {@code start}; returns its number. */
    private int newLine(int line, int start) {
      int next = line + 1;
      if (next == starts.length) {
        starts = Arrays.copyOf(starts, next * 2);
        if (ascii != null) {
          ascii = Arrays.copyOf(ascii, next * 2);
        }
      }
      starts[next] = start;
      return next;
    }
  }

  public String text() {
    return text;
  }

  /**
   * The text's characters, for the tokenizer, which reads each several times: an array index is
   * cheaper than {@code String.charAt} under the client compiler a scan runs with. Not to be
   * changed; where a CRLF was normalised it is longer than the text, whose length counts.
   */
  char[] chars() {
    return chars;
  }

  /** Offset of the first NUL character, or -1. */
  int firstNul() {
    return firstNul;
  }

  /** Number of lines; a final line without a newline counts, an empty last line too. */
  public int lineCount() {
    return lineCount;
  }

  /** Offset in {@link #text()} of the first character of a 1-based line. */
  public int lineStart(int line) {
    if (line > lineCount) {
      throw noSuchLine(line);
    }
    return lineStarts[line];
  }

  // Apart, so that lineStart stays small enough for the client compiler to inline.
  private IndexOutOfBoundsException noSuchLine(int line) {
    return new IndexOutOfBoundsException("line " + line + " of " + lineCount);
  }

  /** The text of a 1-based line, without its newline. */
  public String line(int line) {
    if (line < 1 || line > lineCount()) {
      return "";
    }
    int start = lineStarts[line];
    int end = line < lineCount() ? lineStarts[line + 1] - 1 : text.length();
    return text.substring(start, end);
  }

  /** Converts a UTF-8 byte column of a 1-based line to a character (UTF-16) column. */
  public int charColumn(int line, int byteCol) {
    if (line < 1 || line > lineCount() || isAsciiLine(line)) {
      return byteCol;
    }
    int start = lineStarts[line];
    int bytes = 0;
    int i = start;
    while (bytes < byteCol && i < text.length() && text.charAt(i) != '\n') {
      bytes += utf8Length(text, i);
      i += Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
    }
    return i - start;
  }

  /** Converts a character (UTF-16) column of a 1-based line to a UTF-8 byte column. */
  public int byteColumn(int line, int charCol) {
    if (line < 1 || line > lineCount() || isAsciiLine(line)) {
      return charCol;
    }
    int start = lineStarts[line];
    return utf8Length(text, start, start + charCol);
  }

  /** Whether the 1-based line holds only ASCII characters. */
  boolean isAsciiLine(int line) {
    return asciiLine == null || asciiLine[line];
  }

  /** UTF-8 length of {@code s[from, to)}. */
  static int utf8Length(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static int utf8Length(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      return 4;
    }
    return 3;
  }

  @Override
  public String toString() {
    return "SourceText[" + lineCount() + " lines]";
  }
}
