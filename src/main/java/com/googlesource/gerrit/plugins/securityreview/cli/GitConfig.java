package com.googlesource.gerrit.plugins.securityreview.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A file in git's config format ({@code project.config}), read as Gerrit reads it with JGit, so
 * that {@code scan --config} sees exactly the values the plugin sees: the same values, and an error
 * wherever Gerrit would reject the file. JGit is not on the class path under {@code java -jar};
 * this reader follows JGit's, quirks included (a bare {@code name} is an empty value, {@code name
 * =} no value at all; the rest of a section header's line is ignored; white space inside an
 * unquoted value is kept as written). Each entry keeps its line, for messages.
 */
final class GitConfig {

  /**
   * One setting.
   *
   * @param section the section's name as written (compare ignoring case)
   * @param subsection the quoted subsection name (compare exactly); null for none
   * @param value null for {@code name =} (no value), the empty string for a bare {@code name}
   * @param line the 1-based line the setting starts on
   */
  record Entry(String section, String subsection, String name, String value, int line) {
    boolean in(String section, String subsection) {
      return this.section.equalsIgnoreCase(section)
          && (this.subsection == null ? subsection == null : this.subsection.equals(subsection));
    }
  }

  /** A section header, for the messages about sections that do not apply. */
  record Header(String section, String subsection, int line) {}

  /** Text git and Gerrit would refuse, with the 1-based line where it is. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private final List<Entry> entries;
  private final List<Header> headers;

  private GitConfig(List<Entry> entries, List<Header> headers) {
    this.entries = List.copyOf(entries);
    this.headers = List.copyOf(headers);
  }

  List<Entry> entries() {
    return entries;
  }

  List<Header> headers() {
    return headers;
  }

  /** Parses the text of a file (line breaks {@code \n} or {@code \r\n}). */
  static GitConfig parse(String text) throws SyntaxError {
    return new Reader(text).read();
  }

  private static final int EOF = -1;

  /** The parser: one pass over the characters, tracking the line. */
  private static final class Reader {
    private final String text;
    private int pos;
    private int line = 1;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Header> headers = new ArrayList<>();
    private String section;
    private String subsection;

    Reader(String text) {
      this.text = text;
    }

    private int next() {
      if (pos >= text.length()) {
        pos = text.length() + 1;
        return EOF;
      }
      char c = text.charAt(pos++);
      if (c == '\n') {
        line++;
      }
      return c;
    }

    /** Steps back over the character {@link #next} returned last. */
    private void back() {
      pos--;
      if (pos < text.length() && text.charAt(pos) == '\n') {
        line--;
      }
    }

    private SyntaxError error(String message) {
      return new SyntaxError(line, message);
    }

    GitConfig read() throws SyntaxError {
      // Per line: blank, a comment, a section header (the rest of its line ignored), or a setting.
      // A setting reads up to its comment or line break.
      boolean skipRest = false;
      for (int c = next(); c != EOF; c = next()) {
        if (c == '\n') {
          skipRest = false;
        } else if (skipRest || Character.isWhitespace(c)) {
          continue;
        } else if (c == ';' || c == '#') {
          skipRest = true;
        } else if (c == '[') {
          readHeader();
          skipRest = true;
        } else if (section != null) {
          back();
          readSetting();
        } else if (c == '\uFEFF') {
          throw error(
              "the file starts with a byte order mark, which Gerrit does not accept; save it as"
                  + " UTF-8 without one");
        } else {
          throw error(
              "a setting outside any section: settings follow a section header such as"
                  + " [plugin \"security-review\"]");
        }
      }
      return new GitConfig(entries, headers);
    }

    /** {@code [name]} or {@code [name "subsection"]}, after the {@code [}. */
    private void readHeader() throws SyntaxError {
      int start = line;
      StringBuilder name = new StringBuilder();
      for (; ; ) {
        int c = next();
        if (c == EOF) {
          throw error("the file ends inside a section header");
        }
        if (c == ']') {
          back();
          break;
        }
        if (c == ' ' || c == '\t') {
          int d = nextNonBlank("the file ends inside a section header");
          if (d != '"') {
            throw error(
                "bad section header: after '["
                    + name
                    + "' a space may only come before a quoted subsection name, not before "
                    + charName(d));
          }
          back();
          break;
        }
        if (Character.isLetterOrDigit(c) || c == '.' || c == '-') {
          name.append((char) c);
        } else {
          throw error(
              charName(c)
                  + " cannot be part of a section name"
                  + after(name)
                  + ": a section name has only letters, digits, '.' and '-'");
        }
      }
      String sub = null;
      int c = next();
      if (c == '"') {
        sub = readSubsection();
        c = next();
      }
      if (c != ']') {
        throw error("bad section header: ']' must follow the quoted subsection name");
      }
      section = name.toString();
      subsection = sub;
      headers.add(new Header(section, subsection, start));
    }

    /** The next character that is no space or tab; the end of the file is the error given. */
    private int nextNonBlank(String endOfFile) throws SyntaxError {
      int c;
      do {
        c = next();
      } while (c == ' ' || c == '\t');
      if (c == EOF) {
        throw error(endOfFile);
      }
      return c;
    }

    /** The quoted subsection name, after the opening quote: a backslash escapes any character. */
    private String readSubsection() throws SyntaxError {
      StringBuilder name = new StringBuilder();
      for (; ; ) {
        int c = next();
        if (c == EOF || c == '"') {
          return name.toString();
        }
        if (c == '\n') {
          back();
          throw error("a quoted subsection name must end on its line (missing '\"')");
        }
        if (c == '\\') {
          c = next();
          if (c == EOF) {
            throw error("the file ends after a backslash");
          }
        }
        name.append((char) c);
      }
    }

    /** {@code name}, {@code name =} or {@code name = value}, up to its comment or line break. */
    private void readSetting() throws SyntaxError {
      int start = line;
      StringBuilder name = new StringBuilder();
      for (; ; ) {
        int c = next();
        String endsInside =
            "the file ends inside the setting '"
                + name
                + "': end it with '= VALUE' or a line break";
        if (c == EOF) {
          throw error(endsInside);
        }
        if (c == '=') {
          break;
        }
        if (c == ' ' || c == '\t') {
          int d = nextNonBlank(endsInside);
          if (d == ';' || d == '#' || d == '\n') {
            back();
            break;
          }
          if (d != '=') {
            throw error("'=' must follow the name '" + name + "', not " + charName(d));
          }
          break;
        }
        if (Character.isLetterOrDigit(c) || c == '-') {
          name.append((char) c);
        } else if (c == '\n') {
          back();
          entries.add(new Entry(section, subsection, name.toString(), "", start));
          return;
        } else {
          throw error(
              charName(c)
                  + " cannot be part of a setting's name"
                  + after(name)
                  + ": a name has only letters, digits and '-'");
        }
      }
      entries.add(new Entry(section, subsection, name.toString(), readValue(), start));
    }

    /**
     * A value: quotes group, {@code \t \n \b \\ \"} escape, a backslash at the end of a line joins
     * the next; outside quotes {@code ;} and {@code #} start a comment, and white space is dropped
     * at both ends but kept inside. Null when nothing is left.
     */
    private String readValue() throws SyntaxError {
      StringBuilder value = new StringBuilder();
      StringBuilder pendingSpace = new StringBuilder();
      boolean quoted = false;
      boolean leading = true;
      for (; ; ) {
        int c = next();
        if (c == EOF) {
          break;
        }
        if (c == '\n') {
          back();
          if (quoted) {
            throw error("a quoted value must end on its line (missing '\"')");
          }
          break;
        }
        if (!quoted && (c == ';' || c == '#')) {
          back();
          break;
        }
        if (Character.isWhitespace(c)) {
          // Kept once something follows, even in quotes; dropped at the end.
          if (quoted || !leading) {
            pendingSpace.append((char) c);
          }
          continue;
        }
        leading = false;
        value.append(pendingSpace);
        pendingSpace.setLength(0);
        if (c == '\\') {
          value.append(escaped());
        } else if (c == '"') {
          quoted = !quoted;
        } else {
          value.append((char) c);
        }
      }
      return value.isEmpty() ? null : value.toString();
    }

    /** What a backslash in a value stands for: a character, or nothing at a line break. */
    private String escaped() throws SyntaxError {
      int c = next();
      int known = "tbn\\\"".indexOf(c);
      if (known >= 0) {
        return String.valueOf("\t\b\n\\\"".charAt(known));
      }
      if (c == EOF) {
        throw error("the file ends after a backslash");
      }
      if (c == '\n') {
        return "";
      }
      if (c == '\r') {
        int d = next();
        if (d == '\n') {
          return "";
        }
        if (d != EOF) {
          back();
        }
      }
      throw error(
          "a backslash before "
              + charName(c)
              + " in a value: the escapes are \\\\, \\\", \\t, \\n and \\b, and a backslash"
              + " at the end of a line");
    }
  }

  /** A character for a message: quoted, or named when it is invisible. */
  private static String charName(int c) {
    return switch (c) {
      case '\n' -> "a line break";
      case ' ' -> "a space";
      case '\t' -> "a tab";
      case '\r' -> "a carriage return";
      default ->
          Character.isISOControl(c) || Character.isWhitespace(c) || c == '\uFEFF'
              ? String.format("U+%04X", c)
              : "'" + (char) c + "'";
    };
  }

  /** Where in a name a bad character is: " (after 'vote')", or " (at its start)". */
  private static String after(CharSequence name) {
    return name.isEmpty() ? " (at its start)" : " (after '" + name + "')";
  }
}
