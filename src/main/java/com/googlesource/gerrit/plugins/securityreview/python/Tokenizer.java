package com.googlesource.gerrit.plugins.securityreview.python;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Python 3.14 tokenizer: CPython's rules for indentation (tabs to multiples of eight, checked
 * against tab size one), implicit line joining in brackets, {@code \} continuations, string
 * prefixes, numeric literals, and PEP 701 f-strings (FSTRING_START / FSTRING_MIDDLE / FSTRING_END
 * with ordinary tokens for the replacement fields). Python 3.14's template strings (PEP 750) come
 * out as f-string tokens whose FSTRING_START carries the {@code t} prefix.
 *
 * <p>Errors do not stop it: each is reported once, an {@link Tok#ERROR} token marks the spot, and
 * tokenizing goes on so that the parser can recover.
 *
 * <p>CPython's explicit tokenizer limits are kept exactly, with its messages: 200 open brackets
 * (MAXLEVEL), 99 indented blocks (MAXINDENT) and 149 nested f-strings or t-strings
 * (MAXFSTRINGLEVEL). The text arrives decoded as a whole, as CPython 3.14 and later decode it, so
 * an undecodable byte in a comment has already been reported (3.13 skipped comments undecoded).
 */
final class Tokenizer {
  /** CPython's MAXLEVEL: brackets nested deeper are a syntax error. */
  static final int MAX_BRACKET_DEPTH = 200;

  /**
   * CPython's MAXINDENT: the indentation stack holds the top level and at most 99 indented blocks;
   * a line that would open the 100th is an error.
   */
  private static final int MAX_INDENT_DEPTH = 100;

  /**
   * CPython's MAXFSTRINGLEVEL: its tokenizer mode stack holds the normal mode and at most 149
   * f-strings (or t-strings); opening the 150th nested one is an error.
   */
  private static final int MAX_FSTRING_DEPTH = 150;

  private static final int TAB_SIZE = 8;

  private final String text;

  /** {@link SourceText#chars}. */
  private final char[] chars;

  private final int len;
  private final SourceText source;
  private final List<Diagnostic> diagnostics;
  private final Tokens out;
  private final NameTable names;

  private int pos;
  private boolean atLineStart = true;
  private final int[] indents = new int[MAX_INDENT_DEPTH + 1];
  private final int[] altIndents = new int[MAX_INDENT_DEPTH + 1];
  private int indentDepth;

  private final char[] brackets = new char[MAX_BRACKET_DEPTH + 1];
  private final int[] bracketOffsets = new int[MAX_BRACKET_DEPTH + 1];
  private int level;

  /** Brackets opened beyond {@link #MAX_BRACKET_DEPTH}: reported once, then only counted. */
  private int overflow;

  /** Open f-strings and replacement fields, innermost last. */
  private final List<Mode> modes = new ArrayList<>();

  /**
   * The line of the last token, from {@code hintStart} to before {@code hintEnd}: the next one is
   * usually on it. None before the first token.
   */
  private int hintLine;

  private int hintStart;
  private int hintEnd;

  /** Whether the hinted line is all ASCII: its columns are then offsets from its start. */
  private boolean hintAscii;

  /** A running UTF-8 column on a non-ASCII line, so a long line is measured once. */
  private int byteLine;

  private int byteOff;
  private int byteCol;

  private Tokenizer(SourceText source, List<Diagnostic> diagnostics) {
    this.source = source;
    this.text = source.text();
    this.chars = source.chars();
    this.len = text.length();
    this.diagnostics = diagnostics;
    // Python has about one token per six characters: arrays that rarely grow.
    this.out = new Tokens(len / 6);
    this.names = out.names;
  }

  static Tokens tokenize(SourceText source, List<Diagnostic> diagnostics) {
    Tokenizer t = new Tokenizer(source, diagnostics);
    t.run();
    return t.out;
  }

  /** A replacement field or the literal part of an f-string (or of a format spec). */
  private static final class Mode {
    final boolean field;
    final char quote;
    final int quoteSize;
    final boolean raw;
    final boolean formatSpec;
    final int startOffset;

    /** "f-string" or "t-string": the kind of literal this mode is part of, for messages. */
    final String kind;

    /** For a field: the bracket level inside its braces. */
    final int fieldLevel;

    /** How many f-string (or t-string) literals are open here, this one included. */
    final int fstringDepth;

    Mode(
        boolean field,
        char quote,
        int quoteSize,
        boolean raw,
        boolean formatSpec,
        int startOffset,
        String kind,
        int fieldLevel,
        int fstringDepth) {
      this.field = field;
      this.quote = quote;
      this.quoteSize = quoteSize;
      this.raw = raw;
      this.fstringDepth = fstringDepth;
      this.formatSpec = formatSpec;
      this.startOffset = startOffset;
      this.kind = kind;
      this.fieldLevel = fieldLevel;
    }
  }

  // ---------------------------------------------------------------- positions

  private int lineOf(int off) {
    if (off >= hintStart && off < hintEnd) {
      return hintLine;
    }
    int next = hintLine + 1;
    if (off >= hintEnd
        && next <= source.lineCount()
        && (next == source.lineCount() || off < source.lineStart(next + 1))) {
      return next; // the line after the last token's: a statement's first token
    }
    int lo = 1;
    int hi = source.lineCount();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (source.lineStart(mid) <= off) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Makes a token's line the hint: the next token is usually on it, or on the line after it. */
  private void hint(int line) {
    if (line != hintLine) {
      hintLine = line;
      hintStart = source.lineStart(line);
      hintEnd = line == source.lineCount() ? Integer.MAX_VALUE : source.lineStart(line + 1);
      hintAscii = source.isAsciiLine(line);
    }
  }

  /** The last line that has text, as CPython counts it in "detected at line N". */
  private int lastLine() {
    return lineOf(len > 0 && chars[len - 1] == '\n' ? len - 1 : len);
  }

  private int colOf(int line, int off) {
    int ls = source.lineStart(line);
    if (source.isAsciiLine(line)) {
      return off - ls;
    }
    if (line != byteLine || off < byteOff) {
      byteLine = line;
      byteOff = ls;
      byteCol = 0;
    }
    byteCol += SourceText.utf8Length(text, byteOff, off);
    byteOff = off;
    return byteCol;
  }

  private int emit(int kind, int s, int e, String value) {
    int l = lineOf(s);
    hint(l);
    if (e < hintEnd && hintAscii) {
      // Most tokens: one ASCII line.
      return out.add(kind, s, e, l, s - hintStart, l, e - hintStart, value);
    }
    int c = colOf(l, s);
    int el = lineOf(e);
    int ec = colOf(el, e);
    hint(el);
    return out.add(kind, s, e, l, c, el, ec, value);
  }

  private void error(int off, String message) {
    int l = lineOf(Math.min(off, len));
    diagnostics.add(new Diagnostic(l, colOf(l, Math.min(off, len)), message));
  }

  // ---------------------------------------------------------------- main loop

  private void run() {
    while (true) {
      int before = pos;
      try {
        if (!step()) {
          break;
        }
      } catch (RuntimeException e) {
        // A defect of ours: lose the line it is on, not the rest of the file.
        skipLineAfterDefect(before, e);
      }
    }
    finish();
  }

  /** Reads the next token or line break; false at the end of input. */
  private boolean step() {
    Mode mode = modes.isEmpty() ? null : modes.get(modes.size() - 1);
    if (mode != null && !mode.field) {
      fstringLiteral(mode);
      return true;
    }
    if (atLineStart && level == 0 && modes.isEmpty()) {
      if (!indentation()) {
        return false;
      }
    }
    if (!skipSpaceAndComments()) {
      return false;
    }
    if (pos >= len) {
      return false;
    }
    char c = chars[pos];
    if (c == '\n') {
      int s = pos;
      pos++;
      if (level == 0 && modes.isEmpty()) {
        emit(Tok.NEWLINE, s, s + 1, null);
        atLineStart = true;
      } else if (modes.isEmpty() && statementKeywordStartsLine(pos)) {
        // No expression goes on with such a line: the bracket was never closed. Close it
        // here so that the statements below are read as statements.
        error(bracketOffsets[level - 1], "'" + brackets[level - 1] + "' was never closed");
        level = 0;
        overflow = 0;
        emit(Tok.NEWLINE, s, s + 1, null);
        atLineStart = true;
      }
      return true;
    }
    token(c, mode);
    return true;
  }

  /**
   * After an unexpected exception at {@code start}: reports it, drops open brackets and f-strings,
   * and goes on at the next line break, marking what was skipped as an error token, so that the
   * parser loses only the statement it was in.
   */
  private void skipLineAfterDefect(int start, RuntimeException e) {
    int s = Math.min(start, len);
    int l = lineOf(s);
    diagnostics.add(Diagnostic.internalError(l, colOf(l, s), "tokenizer", e));
    modes.clear();
    level = 0;
    overflow = 0;
    int nl = text.indexOf('\n', Math.min(Math.max(pos, s + 1), len));
    pos = nl < 0 ? len : nl;
    if (pos > s) {
      emit(Tok.ERROR, s, pos, null);
    }
  }

  /** Drops every open f-string after an error that leaves their structure unknown. */
  private void unwindFstrings() {
    while (!modes.isEmpty()) {
      Mode m = modes.remove(modes.size() - 1);
      if (m.field && level > 0) {
        level = Math.max(0, m.fieldLevel - 1);
      }
    }
    if (level > 0) {
      level = 0;
    }
  }

  private static final java.util.Set<String> STATEMENT_KEYWORDS =
      java.util.Set.of(
          "def",
          "class",
          "return",
          "import",
          "with",
          "while",
          "try",
          "except",
          "finally",
          "raise",
          "pass",
          "break",
          "continue",
          "global",
          "nonlocal",
          "assert",
          "del",
          "elif");

  /** Whether the next non-blank line starts with a keyword that only begins a statement. */
  private boolean statementKeywordStartsLine(int p) {
    while (p < len) {
      char c = chars[p];
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n') {
        p++;
      } else if (c == '#') {
        while (p < len && chars[p] != '\n') {
          p++;
        }
      } else {
        break;
      }
    }
    int e = p;
    while (e < len && isIdentifierPart(chars[e])) {
      e++;
    }
    return e > p
        && (e >= len || !isIdentifierPart(chars[e]))
        && STATEMENT_KEYWORDS.contains(text.substring(p, e));
  }

  private void finish() {
    if (!modes.isEmpty()) {
      Mode outer = modes.get(0);
      error(
          outer.startOffset,
          (outer.quoteSize == 3
                  ? "unterminated triple-quoted " + outer.kind + " literal"
                  : "unterminated " + outer.kind + " literal")
              + " (detected at line "
              + lastLine()
              + ")");
      modes.clear();
    }
    if (level > 0) {
      error(bracketOffsets[0], "'" + brackets[0] + "' was never closed");
      level = 0;
    }
    if (!atLineStart) {
      emit(Tok.NEWLINE, len, len, null);
    }
    while (indentDepth > 0) {
      indentDepth--;
      emit(Tok.DEDENT, len, len, null);
    }
    emit(Tok.ENDMARKER, len, len, null);
  }

  /**
   * Measures the indentation of a new logical line and emits INDENT or DEDENTs. Blank and
   * comment-only lines are skipped. Returns false at end of input.
   */
  private boolean indentation() {
    while (true) {
      int col = 0;
      int alt = 0;
      int p = pos;
      while (p < len) {
        char c = chars[p];
        if (c == ' ') {
          col++;
          alt++;
        } else if (c == '\t') {
          col = (col / TAB_SIZE + 1) * TAB_SIZE;
          alt++;
        } else if (c == '\f') {
          col = 0;
          alt = 0;
        } else {
          break;
        }
        p++;
      }
      pos = p;
      if (p >= len) {
        return false;
      }
      char c = chars[p];
      if (c == '#' || c == '\n') {
        skipComment();
        if (pos < len) {
          pos++;
        }
        continue;
      }
      atLineStart = false;
      int cur = indents[indentDepth];
      if (col == cur) {
        if (alt != altIndents[indentDepth]) {
          error(p, "inconsistent use of tabs and spaces in indentation");
        }
      } else if (col > cur) {
        if (indentDepth + 1 >= MAX_INDENT_DEPTH) {
          // CPython points at the start of the line.
          error(source.lineStart(lineOf(p)), "too many levels of indentation");
          return true;
        }
        if (alt <= altIndents[indentDepth]) {
          error(p, "inconsistent use of tabs and spaces in indentation");
        }
        indentDepth++;
        indents[indentDepth] = col;
        altIndents[indentDepth] = alt;
        emit(Tok.INDENT, source.lineStart(lineOf(p)), p, null);
      } else {
        while (indentDepth > 0 && col < indents[indentDepth]) {
          indentDepth--;
          emit(Tok.DEDENT, p, p, null);
        }
        if (col != indents[indentDepth]) {
          error(p, "unindent does not match any outer indentation level");
          // Recover as if the line were at the enclosing level.
        } else if (alt != altIndents[indentDepth]) {
          error(p, "inconsistent use of tabs and spaces in indentation");
        }
      }
      return true;
    }
  }

  /** Skips to the end of the line, keeping the comment that starts at {@code pos}, if any. */
  private void skipComment() {
    int s = pos;
    while (pos < len && chars[pos] != '\n') {
      pos++;
    }
    if (s < pos && chars[s] == '#') {
      out.comments.add(new Comment(lineOf(s), text.substring(s, pos)));
    }
  }

  /** Skips blanks, comments and {@code \} continuations. Returns false at end of input. */
  private boolean skipSpaceAndComments() {
    while (pos < len) {
      char c = chars[pos];
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else if (c == '\\') {
        if (pos + 1 < len && chars[pos + 1] == '\n') {
          pos += 2;
          if (pos >= len) {
            error(pos - 2, "unexpected EOF while parsing");
            return false;
          }
        } else if (pos + 1 >= len) {
          error(pos, "unexpected EOF while parsing");
          pos++;
          return false;
        } else {
          error(pos + 1, "unexpected character after line continuation character");
          emit(Tok.ERROR, pos, pos + 1, null);
          pos++;
        }
      } else {
        return true;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- tokens

  private void token(char c, Mode mode) {
    int s = pos;
    if (isIdentifierStart(c)) {
      // The ASCII part read once, its hash (String's) worked out on the way for the name table.
      int p = pos + 1;
      int hash = c;
      while (p < len && isIdentifierPart(chars[p])) {
        hash = 31 * hash + chars[p];
        p++;
      }
      boolean ascii = p == len || chars[p] < 0x80;
      if (!ascii) {
        p = identifierEnd(p);
      }
      if (p < len && (chars[p] == '"' || chars[p] == '\'')) {
        int prefix = stringPrefix(s, p);
        if (prefix >= 0) {
          string(s, p, prefix);
          return;
        }
        String conflict = templatePrefixConflict(s, p);
        if (conflict != null) {
          error(s, conflict);
          emit(Tok.ERROR, s, p, null);
          string(p, p, 0);
          return;
        }
      }
      pos = p;
      if (ascii) {
        asciiName(s, p, hash);
      } else {
        name(s, p);
      }
      return;
    }
    if (c >= '0' && c <= '9' || (c == '.' && pos + 1 < len && isDigit(chars[pos + 1]))) {
      number(s);
      return;
    }
    if (c == '"' || c == '\'') {
      string(s, s, 0);
      return;
    }
    if (c >= 0x80 || Character.isSurrogate(c)) {
      int cp = Character.codePointAt(chars, pos);
      if (Character.isUnicodeIdentifierStart(cp)) {
        int p = identifierEnd(pos + Character.charCount(cp));
        pos = p;
        name(s, p);
        return;
      }
      pos += Character.charCount(cp);
      String shown = new String(Character.toChars(cp));
      if (Character.isISOControl(cp) || Character.isWhitespace(cp) || cp == 0xa0) {
        error(s, String.format("invalid non-printable character U+%04X", cp));
      } else {
        error(s, String.format("invalid character '%s' (U+%04X)", shown, cp));
      }
      emit(Tok.ERROR, s, pos, null);
      return;
    }
    int op = Tok.operator(chars, pos, len);
    if (op == 0) {
      pos++;
      if (c == '\0') {
        error(s, "source code cannot contain null bytes");
      } else if (c < 0x20 || c == 0x7f) {
        error(s, String.format("invalid non-printable character U+%04X", (int) c));
      } else {
        error(s, "invalid syntax");
      }
      emit(Tok.ERROR, s, pos, null);
      return;
    }
    Mode field = mode != null && mode.field ? mode : null;
    if (field != null && level == field.fieldLevel) {
      if (op == Tok.COLONEQUAL || op == Tok.COLON) {
        // At the top of a replacement field, ':' starts the format spec.
        pos++;
        emit(Tok.COLON, s, pos, null);
        modes.add(
            new Mode(
                false,
                field.quote,
                field.quoteSize,
                field.raw,
                true,
                s,
                field.kind,
                0,
                field.fstringDepth));
        return;
      }
      if (op == Tok.RBRACE) {
        pos++;
        level--;
        emit(Tok.RBRACE, s, pos, null);
        modes.remove(modes.size() - 1);
        return;
      }
    }
    pos += Tok.operatorLength(op);
    switch (op) {
      case Tok.LPAR, Tok.LSQB, Tok.LBRACE -> {
        if (level >= MAX_BRACKET_DEPTH) {
          if (overflow++ == 0) {
            error(s, "too many nested parentheses");
          }
          emit(Tok.ERROR, s, pos, null);
          return;
        }
        brackets[level] = c;
        bracketOffsets[level] = s;
        level++;
      }
      case Tok.RPAR, Tok.RSQB, Tok.RBRACE -> {
        if (overflow > 0) {
          overflow--;
          emit(Tok.ERROR, s, pos, null);
          return;
        }
        int floor = field != null ? field.fieldLevel : 0;
        if (level <= floor) {
          error(s, "unmatched '" + c + "'");
          emit(Tok.ERROR, s, pos, null);
          return;
        }
        char open = brackets[level - 1];
        char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
        if (c != expected) {
          int ol = lineOf(bracketOffsets[level - 1]);
          int cl = lineOf(s);
          error(
              s,
              "closing parenthesis '"
                  + c
                  + "' does not match opening parenthesis '"
                  + open
                  + "'"
                  + (ol != cl ? " on line " + ol : ""));
        }
        level--;
      }
      default -> {}
    }
    emit(op, s, pos, null);
  }

  private int identifierEnd(int p) {
    while (p < len) {
      char c = chars[p];
      if (c < 0x80) {
        if (!isIdentifierPart(c)) {
          break;
        }
        p++;
      } else {
        int cp = Character.codePointAt(chars, p);
        if (!isIdentifierPart(cp)) {
          break;
        }
        p += Character.charCount(cp);
      }
    }
    return p;
  }

  private void name(int s, int e) {
    int hash = 0;
    for (int i = s; i < e; i++) {
      char c = chars[i];
      if (c >= 0x80) {
        String id = Normalizer.normalize(text.substring(s, e), Normalizer.Form.NFKC);
        names.add(id);
        emit(Tok.NAME, s, e, id);
        return;
      }
      hash = 31 * hash + c;
    }
    asciiName(s, e, hash);
  }

  /** An identifier of ASCII characters, with its {@link String#hashCode}. */
  private void asciiName(int s, int e, int hash) {
    int n = names.indexOf(text, chars, s, e, hash);
    emit(names.kind(n), s, e, names.name(n));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  }

  private static boolean isIdentifierPart(int cp) {
    if (cp < 0x80) {
      return isIdentifierPart((char) cp);
    }
    return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
  }

  // ---------------------------------------------------------------- numbers

  private void number(int s) {
    int p = pos;
    char c = chars[p];
    if (c == '0' && p + 1 < len && "xXoObB".indexOf(chars[p + 1]) >= 0) {
      char base = Character.toLowerCase(chars[p + 1]);
      p += 2;
      int digits = 0;
      boolean bad = false;
      while (p < len) {
        char d = chars[p];
        if (d == '_') {
          if (p + 1 >= len || !isBaseDigit(chars[p + 1], 'x')) {
            bad = true;
            p++;
            break;
          }
          p++;
          continue;
        }
        if (!isBaseDigit(d, 'x') && !(d >= '0' && d <= '9')) {
          break;
        }
        if (!isBaseDigit(d, base)) {
          bad = true;
        }
        digits++;
        p++;
      }
      pos = p;
      String what = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
      if (digits == 0 || bad || (p < len && isIdentifierPart(chars[p]))) {
        error(s, "invalid " + what + " literal");
        while (pos < len && isIdentifierPart(chars[pos])) {
          pos++;
        }
        emit(Tok.ERROR, s, pos, null);
        return;
      }
      emit(Tok.NUMBER, s, p, text.substring(s, p));
      return;
    }
    boolean isFloat = false;
    boolean leadingZero = c == '0';
    boolean nonZeroInt = false;
    p = digits(p);
    for (int i = s; i < p; i++) {
      char d = chars[i];
      if (d != '0' && d != '_') {
        nonZeroInt = true;
      }
    }
    if (p < 0) {
      badNumber(s, -p - 1, "invalid decimal literal");
      return;
    }
    if (p < len && chars[p] == '.') {
      isFloat = true;
      p++;
      if (p < len && isDigit(chars[p])) {
        p = digits(p);
        if (p < 0) {
          badNumber(s, -p - 1, "invalid decimal literal");
          return;
        }
      }
    }
    if (p < len && (chars[p] == 'e' || chars[p] == 'E')) {
      int q = p + 1;
      if (q < len && (chars[q] == '+' || chars[q] == '-')) {
        q++;
      }
      if (q < len && isDigit(chars[q])) {
        p = digits(q);
        if (p < 0) {
          badNumber(s, -p - 1, "invalid decimal literal");
          return;
        }
        isFloat = true;
      } else if (q == p + 1 && !(q < len && isIdentifierPart(chars[q]))) {
        // "1e" followed by a non-identifier character.
        badNumber(s, q, "invalid decimal literal");
        return;
      } else if (q > p + 1) {
        badNumber(s, q, "invalid decimal literal");
        return;
      }
      // Otherwise "1else": the number ends before the 'e'.
    }
    boolean imaginary = false;
    if (p < len && (chars[p] == 'j' || chars[p] == 'J')) {
      imaginary = true;
      p++;
    }
    if (!isFloat && !imaginary && leadingZero && nonZeroInt) {
      pos = p;
      error(
          s,
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for"
              + " octal integers");
      emit(Tok.ERROR, s, p, null);
      return;
    }
    if (p < len && isIdentifierPart(chars[p]) && !keywordFollows(p)) {
      badNumber(s, p, isFloat || imaginary ? "invalid decimal literal" : "invalid decimal literal");
      return;
    }
    pos = p;
    emit(Tok.NUMBER, s, p, text.substring(s, p));
  }

  /** Whether a keyword that may follow a number without a space ("1if x else 2") starts here. */
  private boolean keywordFollows(int p) {
    for (String k : new String[] {"and", "else", "for", "if", "in", "is", "not", "or"}) {
      if (text.startsWith(k, p)) {
        int e = p + k.length();
        if (e >= len || !isIdentifierPart(chars[e])) {
          return true;
        }
      }
    }
    return false;
  }

  private void badNumber(int s, int at, String message) {
    error(at, message);
    int p = Math.max(at, s + 1);
    while (p < len && (isIdentifierPart(chars[p]) || chars[p] == '.')) {
      p++;
    }
    pos = p;
    emit(Tok.ERROR, s, p, null);
  }

  /**
   * Scans decimal digits with single underscores between them. Returns the end, or {@code -(offset
   * of the fault) - 1}.
   */
  private int digits(int p) {
    while (p < len) {
      char d = chars[p];
      if (isDigit(d)) {
        p++;
      } else if (d == '_') {
        if (p + 1 < len && isDigit(chars[p + 1])) {
          p++;
        } else {
          return -(p + 1) - 1;
        }
      } else {
        break;
      }
    }
    return p;
  }

  private static boolean isBaseDigit(char d, char base) {
    return switch (base) {
      case 'b' -> d == '0' || d == '1';
      case 'o' -> d >= '0' && d <= '7';
      default -> isDigit(d) || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F');
    };
  }

  // ---------------------------------------------------------------- strings

  private static final int PREFIX_RAW = 1;
  private static final int PREFIX_BYTES = 2;
  private static final int PREFIX_UNICODE = 4;
  private static final int PREFIX_F = 8;
  private static final int PREFIX_T = 16;

  /** Flags of a valid string prefix {@code text[s, e)}, or -1. */
  private int stringPrefix(int s, int e) {
    if (e - s > 2) {
      return -1;
    }
    int flags = 0;
    for (int i = s; i < e; i++) {
      int f =
          switch (Character.toLowerCase(chars[i])) {
            case 'r' -> PREFIX_RAW;
            case 'b' -> PREFIX_BYTES;
            case 'u' -> PREFIX_UNICODE;
            case 'f' -> PREFIX_F;
            case 't' -> PREFIX_T;
            default -> -1;
          };
      if (f < 0 || (flags & f) != 0) {
        return -1;
      }
      flags |= f;
    }
    if ((flags & PREFIX_UNICODE) != 0 && flags != PREFIX_UNICODE) {
      return -1;
    }
    if ((flags & PREFIX_BYTES) != 0 && (flags & PREFIX_F) != 0) {
      return -1;
    }
    if ((flags & PREFIX_T) != 0 && (flags & (PREFIX_BYTES | PREFIX_F)) != 0) {
      return -1;
    }
    return flags;
  }

  /**
   * For a prefix {@code text[s, e)} that combines {@code t} with a letter it cannot go with, the
   * message CPython 3.14 gives; else null.
   */
  private String templatePrefixConflict(int s, int e) {
    String p = text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    if (p.length() != 2 || p.indexOf('t') < 0) {
      return null;
    }
    char other = p.charAt(0) == 't' ? p.charAt(1) : p.charAt(0);
    return other == 'b' || other == 'u' || other == 'f'
        ? "'" + other + "' and 't' prefixes are incompatible"
        : null;
  }

  /** A string literal with prefix {@code text[s, q)} and its opening quote at {@code q}. */
  private void string(int s, int q, int prefix) {
    char quote = chars[q];
    int quoteSize = q + 2 < len && chars[q + 1] == quote && chars[q + 2] == quote ? 3 : 1;
    if ((prefix & (PREFIX_F | PREFIX_T)) != 0) {
      // A t-string (PEP 750) is tokenized as an f-string is; the parser tells them apart by the
      // prefix of FSTRING_START.
      pos = q + quoteSize;
      emit(Tok.FSTRING_START, s, pos, text.substring(s, pos));
      String kind = (prefix & PREFIX_T) != 0 ? "t-string" : "f-string";
      int fstringDepth = modes.isEmpty() ? 1 : modes.get(modes.size() - 1).fstringDepth + 1;
      if (fstringDepth == MAX_FSTRING_DEPTH) {
        error(q, "too many nested f-strings or t-strings");
      }
      modes.add(
          new Mode(
              false,
              quote,
              quoteSize,
              (prefix & PREFIX_RAW) != 0,
              false,
              s,
              kind,
              0,
              fstringDepth));
      return;
    }
    int p = q + quoteSize;
    while (true) {
      if (p >= len) {
        if (quoteSize == 3) {
          error(
              s, "unterminated triple-quoted string literal (detected at line " + lastLine() + ")");
        } else {
          error(s, "unterminated string literal (detected at line " + lastLine() + ")");
        }
        pos = len;
        emit(Tok.ERROR, s, len, null);
        return;
      }
      char c = chars[p];
      if (c == '\\') {
        p += 2;
        continue;
      }
      if (c == '\n' && quoteSize == 1) {
        error(s, "unterminated string literal (detected at line " + lineOf(p) + ")");
        pos = p;
        emit(Tok.ERROR, s, p, null);
        return;
      }
      if (c == quote) {
        if (quoteSize == 1) {
          p++;
          break;
        }
        if (p + 2 < len && chars[p + 1] == quote && chars[p + 2] == quote) {
          p += 3;
          break;
        }
      }
      p++;
    }
    pos = p;
    emit(Tok.STRING, s, p, text.substring(s, p));
  }

  /**
   * Scans the literal part of an f-string or format spec up to a replacement field, the end of the
   * format spec, or the closing quote, and emits what it passed.
   */
  private void fstringLiteral(Mode mode) {
    int s = pos;
    StringBuilder value = null;
    int p = pos;
    int runStart = pos;
    while (true) {
      if (p >= len) {
        flushMiddle(s, p, value, runStart);
        error(
            modes.get(0).startOffset,
            (mode.quoteSize == 3
                    ? "unterminated triple-quoted " + modes.get(0).kind + " literal"
                    : "unterminated " + modes.get(0).kind + " literal")
                + " (detected at line "
                + lastLine()
                + ")");
        pos = len;
        unwindFstrings();
        return;
      }
      char c = chars[p];
      if (c == mode.quote
          && (mode.quoteSize == 1 || (p + 2 < len && chars[p + 1] == c && chars[p + 2] == c))) {
        flushMiddle(s, p, value, runStart);
        if (mode.formatSpec) {
          // The quote ends the f-string inside a format spec: the field was never closed.
          error(p, mode.kind + ": expecting '}'");
          pos = p;
          modes.remove(modes.size() - 1);
          // Drop the field as well and let the outer literal mode see the quote.
          if (!modes.isEmpty() && modes.get(modes.size() - 1).field) {
            Mode f = modes.remove(modes.size() - 1);
            level = f.fieldLevel - 1;
          }
          return;
        }
        pos = p + mode.quoteSize;
        emit(Tok.FSTRING_END, p, pos, null);
        modes.remove(modes.size() - 1);
        return;
      }
      if (c == '\n' && mode.quoteSize == 1) {
        flushMiddle(s, p, value, runStart);
        if (mode.formatSpec) {
          error(
              p,
              mode.kind
                  + ": newlines are not allowed in format specifiers for single quoted "
                  + mode.kind
                  + "s");
        } else {
          error(
              modes.get(0).startOffset,
              "unterminated "
                  + modes.get(0).kind
                  + " literal (detected at line "
                  + lineOf(p)
                  + ")");
        }
        pos = p;
        unwindFstrings();
        return;
      }
      if (c == '\\' && !mode.raw) {
        if (p + 1 < len && chars[p + 1] == 'N' && p + 2 < len && chars[p + 2] == '{') {
          int close = text.indexOf('}', p + 3);
          int nl = text.indexOf('\n', p + 3);
          if (close > 0 && (nl < 0 || close < nl)) {
            p = close + 1;
            continue;
          }
        }
        if (p + 1 < len && (chars[p + 1] == '{' || chars[p + 1] == '}')) {
          p++;
          continue;
        }
        // A backslash that ends the file escapes nothing: stop at the end, not past it.
        p = Math.min(p + 2, len);
        continue;
      }
      if (c == '\\' && mode.raw) {
        if (p + 1 < len && chars[p + 1] != '{' && chars[p + 1] != '}') {
          p += 2;
        } else {
          p++;
        }
        continue;
      }
      if ((c == '{' || c == '}') && !mode.formatSpec && p + 1 < len && chars[p + 1] == c) {
        // "{{" and "}}" stand for one brace.
        if (value == null) {
          value = new StringBuilder();
        }
        value.append(text, runStart, p + 1);
        p += 2;
        runStart = p;
        continue;
      }
      if (c == '{') {
        flushMiddle(s, p, value, runStart);
        if (level >= MAX_BRACKET_DEPTH) {
          error(p, "too many nested parentheses");
        }
        brackets[Math.min(level, MAX_BRACKET_DEPTH)] = '{';
        bracketOffsets[Math.min(level, MAX_BRACKET_DEPTH)] = p;
        level = Math.min(level + 1, MAX_BRACKET_DEPTH);
        pos = p + 1;
        emit(Tok.LBRACE, p, p + 1, null);
        modes.add(
            new Mode(
                true,
                mode.quote,
                mode.quoteSize,
                mode.raw,
                false,
                p,
                mode.kind,
                level,
                mode.fstringDepth));
        return;
      }
      if (c == '}') {
        if (mode.formatSpec) {
          flushMiddle(s, p, value, runStart);
          pos = p;
          modes.remove(modes.size() - 1);
          return;
        }
        flushMiddle(s, p, value, runStart);
        error(p, mode.kind + ": single '}' is not allowed");
        emit(Tok.ERROR, p, p + 1, null);
        p++;
        s = p;
        runStart = p;
        value = null;
        continue;
      }
      p++;
    }
  }

  private void flushMiddle(int s, int e, StringBuilder value, int runStart) {
    if (e > s) {
      String v = value == null ? text.substring(s, e) : value.append(text, runStart, e).toString();
      emit(Tok.FSTRING_MIDDLE, s, e, v);
    }
  }
}
