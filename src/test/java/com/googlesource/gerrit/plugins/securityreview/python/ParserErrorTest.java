package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that CPython 3.13 rejects, or that is hostile: the parser must never throw, must always
 * give a module, must point its first diagnostic where CPython points, and must keep the good
 * statements around one bad statement.
 *
 * <p>Each expectation was checked with CPython 3.13.2 ({@code
 * tools/cpython-oracle/python3.13.mjs}); its message is quoted in the case, and its {@code
 * SyntaxError.offset - 1} is the expected column where one is given.
 */
class ParserErrorTest {
  /** No column check. */
  private static final int ANY = -1;

  /**
   * One rejected input.
   *
   * @param name test name
   * @param source file content
   * @param line expected line of the first diagnostic
   * @param col expected byte column of the first diagnostic, or {@link #ANY}
   * @param cpython CPython 3.13's message, for the reader and for failure messages
   * @param before top-level names that must be in the module before the bad statement
   * @param after top-level names that must be in the module after it
   */
  record Case(
      String name,
      byte[] source,
      int line,
      int col,
      String cpython,
      List<String> before,
      List<String> after) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case bad(String name, String source, int line, int col, String cpython) {
    return bad(name, source.getBytes(StandardCharsets.UTF_8), line, col, cpython);
  }

  private static Case bad(String name, byte[] source, int line, int col, String cpython) {
    return new Case(name, source, line, col, cpython, List.of(), List.of());
  }

  /** A bad statement between {@code before = ...} and {@code after = ...}. */
  private static Case between(String name, String source, int line, int col, String cpython) {
    return between(name, source.getBytes(StandardCharsets.UTF_8), line, col, cpython);
  }

  private static Case between(String name, byte[] source, int line, int col, String cpython) {
    return new Case(name, source, line, col, cpython, List.of("before"), List.of("after"));
  }

  private static Case beforeOnly(String name, String source, int line, int col, String cpython) {
    return new Case(
        name,
        source.getBytes(StandardCharsets.UTF_8),
        line,
        col,
        cpython,
        List.of("before"),
        List.of());
  }

  static Stream<Case> rejected() {
    return Stream.of(
        // ---- strings
        between(
            "unterminated string",
            "before = 1\ns = \"abc\nafter = 2\n",
            2,
            4,
            "unterminated string literal (detected at line 2)"),
        beforeOnly(
            "unterminated triple-quoted string",
            "before = 1\ns = \"\"\"abc\n\nx = 2\n",
            2,
            4,
            "unterminated triple-quoted string literal (detected at line 4)"),
        bad(
            "f-string bad conversion",
            "f\"{x!z}\"\n",
            1,
            5,
            "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'"),
        bad(
            "f-string empty expression",
            "f\"{}\"\n",
            1,
            3,
            "f-string: valid expression required before '}'"),
        // ---- template strings (Python 3.14; messages checked with CPython 3.14.2,
        // tools/cpython-oracle/python3.14.mjs)
        bad(
            "t-string mixed with a string",
            "x = t\"a\" \"b\"\n",
            1,
            4,
            "cannot mix t-string literals with string or bytes literals"),
        bad(
            "string mixed with a t-string",
            "x = f\"{a}\" t\"b\"\n",
            1,
            4,
            "cannot mix t-string literals with string or bytes literals"),
        bad("t with b prefix", "bt\"a\"\n", 1, 0, "'b' and 't' prefixes are incompatible"),
        bad("t with f prefix", "tf\"a\"\n", 1, 0, "'f' and 't' prefixes are incompatible"),
        bad("t with u prefix", "ut\"a\"\n", 1, 0, "'u' and 't' prefixes are incompatible"),
        bad(
            "t-string unterminated",
            "t\"abc\n",
            1,
            0,
            "unterminated t-string literal (detected at line 1)"),
        bad("t-string single brace", "t\"a}b\"\n", 1, 3, "t-string: single '}' is not allowed"),
        bad(
            "t-string bad conversion",
            "t\"{x!z}\"\n",
            1,
            5,
            "t-string: invalid conversion character 'z': expected 's', 'r', or 'a'"),
        bad(
            "t-string empty expression",
            "t\"{}\"\n",
            1,
            3,
            "t-string: valid expression required before '}'"),
        bad(
            "assign to t-string",
            "t\"a\" = 1\n",
            1,
            0,
            "cannot assign to t-string expression here. Maybe you meant '==' instead of '='?"),
        // ---- lazy imports and unpacking in comprehensions (Python 3.15; messages checked
        // with CPython 3.15.0rc1, tools/cpython-oracle/python3.15.mjs). CPython's parser accepts
        // a lazy import inside a function, a class or a try statement and `lazy from m import *`;
        // only its compiler rejects them, so they are no errors here (features-3.15/).
        between(
            "lazy from __future__",
            "before = 1\nlazy from __future__ import annotations\nafter = 2\n",
            2,
            0,
            "lazy from __future__ import is not allowed"),
        bad(
            "lazy from __future__ in a function",
            "def f():\n    lazy from __future__ import annotations\n",
            2,
            4,
            "lazy from __future__ import is not allowed"),
        between(
            "lazy import without names",
            "before = 1\nlazy import\nafter = 2\n",
            2,
            11,
            "invalid syntax"),
        bad("lazy from without a module", "lazy from\n", 1, 9, "invalid syntax"),
        bad("lazy before a name", "lazy json\n", 1, 5, "invalid syntax"),
        bad("lazy import in parentheses", "(lazy import json)\n", 1, 6, "invalid syntax"),
        bad("lazy def", "lazy def f(): pass\n", 1, 5, "invalid syntax"),
        bad(
            "dict unpacking in a list comprehension",
            "[**m for m in ms]\n",
            1,
            1,
            "cannot use dict unpacking in list comprehension"),
        bad(
            "dict unpacking in a generator expression",
            "(**m for m in ms)\n",
            1,
            1,
            "cannot use dict unpacking in generator expression"),
        bad(
            "dict unpacking in a call's generator expression",
            "f(**m for m in ms)\n",
            1,
            2,
            "cannot use dict unpacking in generator expression"),
        bad("dict unpacking in a list", "[a, **m]\n", 1, 4, "cannot use dict unpacking here"),
        bad(
            "starred conditional in a list comprehension",
            "[*a if b else c for a in d]\n",
            1,
            1,
            "invalid starred expression. Did you forget to wrap the conditional expression in"
                + " parentheses?"),
        bad(
            "double-starred conditional in a dict",
            "{**a if b else c}\n",
            1,
            1,
            "invalid double starred expression. Did you forget to wrap the conditional expression"
                + " in parentheses?"),
        bad(
            "two unpackings before a dict comprehension's for",
            "{**a, **b for a in c}\n",
            1,
            1,
            "cannot use dict unpacking here"),
        bad("double-starred or in a dict", "{**a or b}\n", 1, 1, "cannot use dict unpacking here"),
        bad("starred or in parentheses", "(*a or b)\n", 1, 1, "cannot use starred expression here"),
        bad("double-starred not in a dict", "{**not a}\n", 1, 8, "invalid syntax"),
        bad(
            "starred generator after an argument",
            "f(c, *a for a in b)\n",
            1,
            5,
            "Generator expression must be parenthesized"),
        bad(
            "starred generator after a keyword",
            "f(x=1, *a for a in b)\n",
            1,
            10,
            "invalid syntax"),
        bad(
            "starred generator before an argument",
            "f(*a for a in b, c)\n",
            1,
            15,
            "invalid syntax"),
        bad(
            "starred generator as a base",
            "class C(*a for a in b): pass\n",
            1,
            11,
            "invalid syntax"),
        bad(
            "two elements before a comprehension's for",
            "[*a, b for a in c]\n",
            1,
            1,
            "did you forget parentheses around the comprehension target?"),
        bad(
            "starred dict comprehension key",
            "{*a: 1 for a in b}\n",
            1,
            1,
            "cannot use a starred expression in a dictionary key"),
        bad(
            "double-starred dict comprehension key",
            "{**a: 1 for a in b}\n",
            1,
            1,
            "cannot use dict unpacking in a dictionary key"),
        bad(
            "dict item without a value after unpacking",
            "x = {**d, e for e in f}\n",
            1,
            10,
            "':' expected after dictionary key"),
        bad(
            "dict item without a value, at the key's last character",
            "x = {a: 1, foo.bar}\n",
            1,
            17,
            "':' expected after dictionary key"),
        bad(
            "dict item without a value, key over two lines",
            "x = {a: 1, (b +\n c)}\n",
            1,
            1,
            "':' expected after dictionary key"),
        bad("starred walrus in a comprehension", "[*a := b for a in c]\n", 1, 4, "invalid syntax"),
        bad(
            "assign to a comprehension that unpacks",
            "[*a for a in b] = 1\n",
            1,
            0,
            "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?"),
        // ---- unknown __future__ features (rejected by ast.parse since Python 3.14; checked
        // with CPython 3.14.2 and 3.15.0rc1)
        bad(
            "unknown future feature",
            "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations, rested_snopes\n",
            2,
            36,
            "future feature rested_snopes is not defined"),
        bad(
            "future braces",
            "from __future__ import annotations\n"
                + "from __future__ import (nested_scopes,\n"
                + "    braces)\n",
            3,
            4,
            "not a chance"),
        bad("future star", "from __future__ import *\n", 1, 23, "future feature * is not defined"),
        // ---- brackets
        beforeOnly(
            "never closed", "before = 1\ns = (1, 2\nafter = 3\n", 2, 4, "'(' was never closed"),
        between("unmatched close", "before = 1\ns = 1)\nafter = 3\n", 2, 5, "unmatched ')'"),
        beforeOnly(
            "mismatched close",
            "before = 1\ns = [1, 2)\nafter = 3\n",
            2,
            9,
            "closing parenthesis ')' does not match opening parenthesis '['"),
        bad("open at EOF", "x = {\n", 1, 4, "'{' was never closed"),
        // ---- indentation
        between(
            "unexpected indent",
            "before = 1\n    s = 2\nafter = 3\n",
            2,
            ANY,
            "IndentationError: unexpected indent"),
        new Case(
            "unindent mismatch",
            "if x:\n        a = 1\n    b = 2\nafter = 3\n".getBytes(StandardCharsets.UTF_8),
            3,
            ANY,
            "IndentationError: unindent does not match any outer indentation level",
            List.of("if"),
            List.of("after")),
        bad(
            "inconsistent tabs and spaces",
            "if x:\n        a = 1\n\tb = 2\n",
            3,
            ANY,
            "TabError: inconsistent use of tabs and spaces in indentation"),
        bad(
            "expected indent",
            "if x:\na = 1\n",
            2,
            0,
            "IndentationError: expected an indented block after 'if' statement on line 1"),
        // ---- Python 2
        between(
            "py2 print statement",
            "before = 1\nprint \"hello\"\nafter = 2\n",
            2,
            0,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        // `except A, B:` is valid since Python 3.14 (PEP 758), so the Python 2 form
        // `except A, e:` parses as two types; with `as` the types still need parentheses.
        between(
            "several types with as",
            "before = 1\ntry:\n    pass\nexcept ValueError, TypeError as e:\n    pass\nafter = 2\n",
            4,
            7,
            "multiple exception types must be parenthesized when using 'as'"),
        between("py2 backticks", "before = 1\nx = `y`\nafter = 2\n", 2, 4, "invalid syntax"),
        between(
            "py2 octal",
            "before = 1\nx = 0777\nafter = 2\n",
            2,
            4,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for"
                + " octal integers"),
        between(
            "py2 not-equal",
            "before = 1\nif a <> b:\n    pass\nafter = 2\n",
            2,
            5,
            "invalid syntax"),
        between(
            "py2 exec statement",
            "before = 1\nexec \"code\"\nafter = 2\n",
            2,
            0,
            "Missing parentheses in call to 'exec'. Did you mean exec(...)?"),
        between(
            "py2 raise comma", "before = 1\nraise E, \"msg\"\nafter = 2\n", 2, 7, "invalid syntax"),
        // ---- other syntax errors, with recovery
        between("bad def", "before = 1\ndef f(:\n    pass\nafter = 3\n", 2, 6, "invalid syntax"),
        between("double equals", "before = 1\nx = = 2\nafter = 3\n", 2, 4, "invalid syntax"),
        between("missing colon", "before = 1\nif x\n    y = 1\nafter = 3\n", 2, 4, "expected ':'"),
        between("keyword as name", "before = 1\nclass = 2\nafter = 3\n", 2, 6, "invalid syntax"),
        between(
            "walrus on attribute",
            "before = 1\n(a.b := 1)\nafter = 2\n",
            2,
            1,
            "cannot use assignment expressions with attribute"),
        new Case(
            "bad statement inside a function",
            "def f():\n    a = 1\n    b = = 2\n    c = 3\nafter = 4\n"
                .getBytes(StandardCharsets.UTF_8),
            3,
            8,
            "invalid syntax",
            List.of("f"),
            List.of("after")),
        // ---- bytes and encodings
        // CPython: "source code string cannot contain null bytes", without a line; we want the
        // NUL's place.
        between(
            "NUL byte",
            "before = 1\ns = 2\0\nafter = 3\n",
            2,
            5,
            "source code string cannot contain null bytes"),
        // CPython points at the string (col 4); the byte itself is at col 5.
        between(
            "invalid UTF-8",
            bytes("before = 1\ns = \"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"\nafter = 3\n"),
            2,
            ANY,
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start"
                + " byte"),
        bad(
            "Latin-1 bytes without a coding declaration",
            bytes("s = \"caf", new byte[] {(byte) 0xe9}, "\"\n"),
            1,
            ANY,
            "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of"
                + " data"),
        // CPython says line 0; the declaration is on line 1.
        bad(
            "unknown coding",
            "# -*- coding: klingon -*-\nx = 1\n",
            1,
            ANY,
            "unknown encoding: klingon"),
        bad(
            "BOM with a Latin-1 cookie",
            bytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "# coding: latin-1\nx = 1\n"),
            1,
            ANY,
            "encoding problem: iso-8859-1 with BOM"),
        // ---- EOF
        new Case(
            "lone backslash at EOF",
            "x = 1\n\\".getBytes(StandardCharsets.UTF_8),
            2,
            ANY,
            "unexpected EOF while parsing (offset 2)",
            List.of("x"),
            List.of()),
        new Case(
            "lone backslash and newline at EOF",
            "x = 1\n\\\n".getBytes(StandardCharsets.UTF_8),
            2,
            ANY,
            "unexpected EOF while parsing (offset 2)",
            List.of("x"),
            List.of()),
        // ---- nesting: CPython's tokenizer allows 200 open brackets.
        bad(
            "1000 nested parentheses",
            "x = " + "(".repeat(1000) + "1" + ")".repeat(1000) + "\n",
            1,
            204,
            "too many nested parentheses"),
        bad(
            "300 nested mixed brackets",
            "x = " + "[{(".repeat(100) + "1" + ")}]".repeat(100) + "\n",
            1,
            204,
            "too many nested parentheses"),
        // CPython: MemoryError "Parser stack overflowed - Python source too complex to parse".
        bad(
            "100000 unary minus",
            "x = " + "-".repeat(100_000) + "1\n",
            1,
            ANY,
            "MemoryError: Parser stack overflowed - Python source too complex to parse"),
        bad(
            "100000 not",
            "x = " + "not ".repeat(100_000) + "1\n",
            1,
            ANY,
            "MemoryError: Parser stack overflowed - Python source too complex to parse"),
        // CPython's parser stack (MAXSTACK 6000) holds 5969 unary operators at the top level.
        bad(
            "5970 unary minus",
            "-".repeat(5970) + "x\n",
            1,
            ANY,
            "MemoryError: Parser stack overflowed - Python source too complex to parse"),
        bad(
            "5970 not",
            "not ".repeat(5970) + "x\n",
            1,
            ANY,
            "MemoryError: Parser stack overflowed - Python source too complex to parse"),
        bad(
            "5970 mixed not and minus",
            "not ".repeat(2985) + "-".repeat(2985) + "x\n",
            1,
            ANY,
            "MemoryError: Parser stack overflowed - Python source too complex to parse"),
        // ---- CPython's MAXINDENT (100): 99 indented blocks at most.
        bad(
            "100 nested indented blocks",
            "if x:\n" + buildNestedIfs(99),
            101,
            0,
            "IndentationError: too many levels of indentation"),
        // ---- CPython's MAXFSTRINGLEVEL (150): 149 nested f-strings or t-strings at most.
        bad(
            "150 nested f-strings",
            "f\"{".repeat(150) + "1" + "}\"".repeat(150) + "\n",
            1,
            448,
            "too many nested f-strings or t-strings"),
        bad(
            "150 nested t-strings",
            "t\"{".repeat(150) + "1" + "}\"".repeat(150) + "\n",
            1,
            448,
            "too many nested f-strings or t-strings"),
        bad(
            "150th nested f-string in a format spec",
            "f\"{".repeat(149) + "x:{f\"a\"}" + "}\"".repeat(149) + "\n",
            1,
            451,
            "too many nested f-strings or t-strings"),
        // ---- CPython 3.14 and later decode the whole file first, comments included (3.13
        // skipped comments undecoded).
        between(
            "invalid UTF-8 in a comment",
            bytes("before = 1\n# say ", new byte[] {(byte) 0xff}, "\nafter = 3\n"),
            2,
            6,
            "Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see"
                + " https://peps.python.org/pep-0263/ for details"),
        bad(
            "invalid UTF-8 in a comment after a UTF-8 declaration",
            bytes(
                "# coding: utf-8\nx = 1  # a ",
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                "\n"),
            2,
            11,
            "Non-UTF-8 code starting with '\\xed' on line 2, but no encoding declared; see"
                + " https://peps.python.org/pep-0263/ for details"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void reportsRejectedInput(Case c) {
    ParseResult result = parseSafely(c.name(), c.source());
    List<Diagnostic> diagnostics = result.diagnostics();
    assertWithMessage("%s: diagnostics (CPython: %s)", c.name(), c.cpython())
        .that(diagnostics)
        .isNotEmpty();
    Diagnostic first = diagnostics.get(0);
    assertWithMessage("%s: line of first diagnostic %s (CPython: %s)", c.name(), first, c.cpython())
        .that(first.line())
        .isEqualTo(c.line());
    if (c.col() != ANY) {
      assertWithMessage(
              "%s: column of first diagnostic %s (CPython: %s)", c.name(), first, c.cpython())
          .that(first.col())
          .isEqualTo(c.col());
    }
    List<String> names = topLevelNames(result.module());
    for (String name : c.before()) {
      assertWithMessage("%s: statement before the error; top level is %s", c.name(), names)
          .that(names)
          .contains(name);
    }
    for (String name : c.after()) {
      assertWithMessage("%s: statement after the error; top level is %s", c.name(), names)
          .that(names)
          .contains(name);
    }
    if (!c.before().isEmpty() && !c.after().isEmpty()) {
      assertWithMessage("%s: order of top-level statements", c.name())
          .that(names)
          .containsAtLeastElementsIn(List.of(c.before().get(0), c.after().get(0)))
          .inOrder();
    }
  }

  @Test
  void latin1CodingDeclarationIsHonoured() {
    byte[] source = bytes("# -*- coding: latin-1 -*-\ns = \"caf", new byte[] {(byte) 0xe9}, "\"\n");
    ParseResult result = parseSafely("latin-1", source);
    assertThat(result.diagnostics()).isEmpty();
    // CPython 3.13: Constant(value="caf\u00e9", ..., lineno=2, col_offset=4, end_lineno=2,
    // end_col_offset=11): columns count bytes of the line re-encoded as UTF-8.
    Ast.Assign assign = (Ast.Assign) result.module().body().get(0);
    Ast.Constant value = (Ast.Constant) assign.value();
    assertThat(value.value()).isEqualTo("caf\u00e9");
    assertThat(value.loc()).isEqualTo(new Ast.Loc(2, 4, 2, 11));
  }

  @Test
  void emptyFileIsAnEmptyModule() {
    for (String s : List.of("", "\n", "\n\n\n", "   ", "# only a comment")) {
      ParseResult result = parseSafely("empty", s.getBytes(StandardCharsets.UTF_8));
      assertWithMessage("%s", s).that(result.diagnostics()).isEmpty();
      assertWithMessage("%s", s).that(result.module().body()).isEmpty();
    }
    ParseResult fromString = PythonParser.parse("");
    assertThat(fromString.diagnostics()).isEmpty();
    assertThat(fromString.module().body()).isEmpty();
  }

  @Test
  void twoHundredNestedParenthesesAreFine() {
    // CPython 3.13 accepts 200 (its limit), rejects 201.
    String source = "x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n";
    ParseResult result = parseSafely("200 parentheses", source.getBytes(StandardCharsets.UTF_8));
    assertThat(result.diagnostics()).isEmpty();
    Ast.Assign assign = (Ast.Assign) result.module().body().get(0);
    assertThat(assign.value().loc()).isEqualTo(new Ast.Loc(1, 204, 1, 205));
  }

  @Test
  void ninetyNineNestedIndentedBlocksAreFine() {
    ParseResult result =
        parseSafely("99 blocks", ("if x:\n" + buildNestedIfs(98)).getBytes(StandardCharsets.UTF_8));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void oneHundredFortyNineNestedFStringsAreFine() {
    for (String prefix : List.of("f", "t", "rf")) {
      String source = (prefix + "\"{").repeat(149) + "1" + "}\"".repeat(149) + "\n";
      ParseResult result = parseSafely(prefix, source.getBytes(StandardCharsets.UTF_8));
      assertWithMessage("%s", prefix).that(result.diagnostics()).isEmpty();
    }
    // The 149th nested in a format spec.
    String inSpec = "f\"{".repeat(148) + "x:{f\"a\"}" + "}\"".repeat(148) + "\n";
    assertThat(parseSafely("spec", inSpec.getBytes(StandardCharsets.UTF_8)).diagnostics())
        .isEmpty();
  }

  @Test
  void longUnaryChainsAreFine() {
    // CPython accepts these (up to 5969 operators in a bare top-level statement).
    List<String> sources =
        List.of(
            "-".repeat(5969) + "x\n",
            "not ".repeat(5969) + "x\n",
            "~".repeat(3000) + "x\n",
            "x = " + "- ".repeat(3000) + "1\n",
            "x = " + "not ".repeat(1500) + "-".repeat(1500) + "y\n",
            "def f():\n    return " + "+".repeat(5900) + "1\n");
    for (String s : sources) {
      ParseResult result = parseSafely("unary", s.getBytes(StandardCharsets.UTF_8));
      assertWithMessage("%s...", s.substring(0, 20)).that(result.diagnostics()).isEmpty();
    }
    ParseResult result =
        parseSafely("nested", ("-".repeat(3) + "not x\n").getBytes(StandardCharsets.UTF_8));
    assertThat(result.diagnostics()).isNotEmpty();
  }

  @Test
  void unaryChainBuildsNestedOperatorsWithPositions() {
    ParseResult result = parseSafely("chain", "x = -~+y\n".getBytes(StandardCharsets.UTF_8));
    assertThat(result.diagnostics()).isEmpty();
    Ast.Assign assign = (Ast.Assign) result.module().body().get(0);
    Ast.UnaryOp minus = (Ast.UnaryOp) assign.value();
    assertThat(minus.op()).isEqualTo(Ast.UnaryOperator.USub);
    assertThat(minus.loc()).isEqualTo(new Ast.Loc(1, 4, 1, 8));
    Ast.UnaryOp invert = (Ast.UnaryOp) minus.operand();
    assertThat(invert.op()).isEqualTo(Ast.UnaryOperator.Invert);
    assertThat(invert.loc()).isEqualTo(new Ast.Loc(1, 5, 1, 8));
    Ast.UnaryOp plus = (Ast.UnaryOp) invert.operand();
    assertThat(plus.op()).isEqualTo(Ast.UnaryOperator.UAdd);
    assertThat(plus.loc()).isEqualTo(new Ast.Loc(1, 6, 1, 8));
    assertThat(plus.operand()).isInstanceOf(Ast.Name.class);
  }

  @Test
  void invalidBytesInACommentAreFineUnderALatin1Declaration() {
    byte[] source = bytes("# -*- coding: latin-1 -*-\nx = 1  # ", new byte[] {(byte) 0xff}, "\n");
    assertThat(parseSafely("latin-1 comment", source).diagnostics()).isEmpty();
  }

  @Test
  void tenMegabyteFlatExpressionLine() {
    // CPython 3.13 accepts it (3495253 elements).
    int n = 10 * 1024 * 1024 / 3;
    StringBuilder b = new StringBuilder(10 * 1024 * 1024 + 16).append("x = [");
    for (int i = 0; i < n; i++) {
      b.append("1, ");
    }
    b.append("]\n");
    ParseResult result =
        parseSafely("10MB list", b.toString().getBytes(StandardCharsets.UTF_8), 120);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.module().body()).hasSize(1);
    Ast.Assign assign = (Ast.Assign) result.module().body().get(0);
    assertThat(((Ast.List) assign.value()).elts()).hasSize(n);
  }

  @Test
  void tenMegabyteLeftNestedExpressionLine() {
    // "x = 1 + 1 + ... + 1": CPython 3.13's parser reads it but ast.parse then fails with
    // "RecursionError: maximum recursion depth exceeded during ast construction". We only ask
    // for no exception and a module.
    String source = "x = " + "1 + ".repeat(10 * 1024 * 1024 / 4) + "1\n";
    parseSafely("10MB chain", source.getBytes(StandardCharsets.UTF_8), 120);
  }

  @Test
  void randomGarbage() {
    Random random = new Random(20240613L);
    for (int i = 0; i < 50; i++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      ParseResult result = parseSafely("garbage #" + i, garbage);
      if (garbage.length > 64) {
        assertWithMessage("garbage #%s", i).that(result.diagnostics()).isNotEmpty();
      }
    }
    // Printable garbage: ASCII punctuation and letters, so it gets past the decoder.
    String alphabet = "()[]{}:;,.=+-*/%@<>!~^&|'\"\\#\n\t abcdefif else0123456789_";
    for (int i = 0; i < 100; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + random.nextInt(300);
      for (int j = 0; j < len; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      parseSafely("printable garbage #" + i, b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void deepNestingOnASmallStack() throws InterruptedException {
    // Gerrit's threads may have the JVM's default 1 MB stack rather than surefire's -Xss16m.
    List<String> sources =
        List.of(
            "x = " + "(".repeat(1000) + "1" + ")".repeat(1000) + "\n",
            "x = " + "-".repeat(100_000) + "1\n",
            "x = " + "not ".repeat(100_000) + "1\n",
            "-".repeat(5969) + "x\n",
            "not ".repeat(5969) + "x\n",
            "x = " + "[".repeat(100_000) + "\n",
            "x = " + "a if b else ".repeat(20_000) + "c\n",
            "x = " + "lambda: ".repeat(20_000) + "1\n",
            "x = " + "f\"{".repeat(200) + "1" + "}\"".repeat(200) + "\n",
            "if x:\n" + buildNestedIfs(2000));
    for (String s : sources) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<ParseResult> result = new AtomicReference<>();
      Thread t =
          new Thread(
              null,
              () -> {
                try {
                  result.set(PythonParser.parse(s.getBytes(StandardCharsets.UTF_8)));
                } catch (Throwable e) {
                  thrown.set(e);
                }
              },
              "small-stack-parse",
              1024 * 1024);
      t.start();
      t.join(60_000);
      String what = s.substring(0, Math.min(40, s.length()));
      assertWithMessage("%s...: still running after 60 s", what).that(t.isAlive()).isFalse();
      assertWithMessage("%s...: threw", what).that(thrown.get()).isNull();
      assertWithMessage("%s...: result", what).that(result.get()).isNotNull();
      assertWithMessage("%s...: module", what).that(result.get().module()).isNotNull();
    }
  }

  private static String buildNestedIfs(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= depth; i++) {
      b.append(" ".repeat(i)).append("if x:\n");
    }
    b.append(" ".repeat(depth + 1)).append("pass\n");
    return b.toString();
  }

  // ---------------------------------------------------------------- SourceText columns

  @Test
  void sourceTextConvertsColumnsOnNonAsciiLines() {
    // Line 2: s = "é中😀" + t
    // chars:  s0 ' '1 =2 ' '3 "4 é5 中6 😀7,8 "9 ' '10 +11 ' '12 t13
    // bytes:  s0 ' '1 =2 ' '3 "4 é5-6 中7-9 😀10-13 "14 ' '15 +16 ' '17 t18
    SourceText text = new SourceText("x = 1\ns = \"\u00e9\u4e2d\ud83d\ude00\" + t\ny = 2");
    assertThat(text.lineCount()).isEqualTo(3);
    int[][] charToByte = {
      {0, 0}, {4, 4}, {5, 5}, {6, 7}, {7, 10}, {9, 14}, {10, 15}, {13, 18}, {14, 19}
    };
    for (int[] p : charToByte) {
      assertWithMessage("byteColumn(2, %s)", p[0]).that(text.byteColumn(2, p[0])).isEqualTo(p[1]);
      assertWithMessage("charColumn(2, %s)", p[1]).that(text.charColumn(2, p[1])).isEqualTo(p[0]);
    }
    // ASCII lines: the same number.
    assertThat(text.charColumn(1, 3)).isEqualTo(3);
    assertThat(text.byteColumn(1, 3)).isEqualTo(3);
    assertThat(text.charColumn(3, 5)).isEqualTo(5);
    assertThat(text.byteColumn(3, 5)).isEqualTo(5);
  }

  @Test
  void parserColumnsAreUtf8BytesAndConvertToChars() {
    String source = "s = \"\u00e9\u4e2d\ud83d\ude00\" + t\n\u00e9t\u00e9 = \u4e2d\n";
    ParseResult result = parseSafely("non-ASCII", source.getBytes(StandardCharsets.UTF_8));
    assertThat(result.diagnostics()).isEmpty();
    // CPython 3.13: BinOp(left=Constant(..., col_offset=4, end_col_offset=15),
    // right=Name(id="t", col_offset=18, end_col_offset=19))
    Ast.Assign first = (Ast.Assign) result.module().body().get(0);
    Ast.BinOp binOp = (Ast.BinOp) first.value();
    assertThat(binOp.left().loc()).isEqualTo(new Ast.Loc(1, 4, 1, 15));
    assertThat(binOp.right().loc()).isEqualTo(new Ast.Loc(1, 18, 1, 19));
    SourceText text = result.source();
    assertThat(text.charColumn(1, binOp.left().loc().endCol())).isEqualTo(10);
    assertThat(text.charColumn(1, binOp.right().loc().col())).isEqualTo(13);
    // Line 2: "été = 中": Name été at bytes [0, 5), 中 at bytes [8, 11) = chars [6, 7).
    Ast.Assign second = (Ast.Assign) result.module().body().get(1);
    assertThat(second.targets().get(0).loc()).isEqualTo(new Ast.Loc(2, 0, 2, 5));
    assertThat(second.value().loc()).isEqualTo(new Ast.Loc(2, 8, 2, 11));
    assertThat(text.charColumn(2, 8)).isEqualTo(6);
    assertThat(text.charColumn(2, 11)).isEqualTo(7);
    assertThat(text.byteColumn(2, 6)).isEqualTo(8);
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void fstringBackslashAtEndOfFile_keepsTheStatementsBefore() {
    // CPython 3.13: "SyntaxError: unterminated f-string literal (detected at line 3)".
    String source = "import os\nx = 1\nf\"\\";
    ParseResult result = parseSafely("f-string backslash at EOF", source.getBytes(UTF_8));
    assertThat(topLevelNames(result.module())).containsExactly("import", "x").inOrder();
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).line()).isEqualTo(3);
    assertThat(result.diagnostics().get(0).message())
        .isEqualTo("unterminated f-string literal (detected at line 3)");
  }

  /**
   * Every prefix of text full of string and f-string corner cases, alone and followed by a good
   * statement: no prefix may make the tokenizer or the parser fail (an internal error) where they
   * should report a syntax error.
   */
  @Test
  void everyPrefixOfStringCornerCases_givesSyntaxErrorsNotInternalErrors() {
    String text =
        """
        a = f'{x!r:>{w}}' t"{y=}" rb'\\' f\"""{'\\N{DASH}'}\\
        {z:{'{'}}}\""" f"{'\\n'}" rf"\\{x}\\"
        b = f"{f'{f"{1}"}'}" '\\
        ' u"\\"" f'{{}}' f'}}{{' f'{a:{b}{c}}}' f"{x:\\}"
        c = (1,
          f'''\\
        ''', [\\
        ]) \\
         + 2 # f"\\
        """;
    for (int i = 0; i <= text.length(); i++) {
      String prefix = text.substring(0, i);
      for (String source : List.of(prefix, prefix + "\nlast = 1\n")) {
        ParseResult result = parseSafely("prefix " + i, source.getBytes(UTF_8));
        for (Diagnostic d : result.diagnostics()) {
          assertWithMessage("prefix %s: %s", i, source)
              .that(d.message())
              .doesNotContain("internal");
        }
      }
    }
  }

  private static ParseResult parseSafely(String name, byte[] source) {
    return parseSafely(name, source, 30);
  }

  private static ParseResult parseSafely(String name, byte[] source, int seconds) {
    ParseResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(seconds),
            () -> PythonParser.parse(source),
            () -> name + ": parser took too long");
    assertWithMessage("%s: result", name).that(result).isNotNull();
    assertWithMessage("%s: module", name).that(result.module()).isNotNull();
    assertWithMessage("%s: module body", name).that(result.module().body()).isNotNull();
    assertWithMessage("%s: diagnostics", name).that(result.diagnostics()).isNotNull();
    assertWithMessage("%s: source", name).that(result.source()).isNotNull();
    return result;
  }

  /**
   * Top-level statements by a name: an assignment's first target name, a def's or class's name,
   * else the statement kind in lower case ({@code if}, {@code expr}, ...).
   */
  static List<String> topLevelNames(Ast.Module module) {
    List<String> names = new ArrayList<>();
    for (Ast.Stmt s : module.body()) {
      names.add(
          switch (s) {
            case Ast.Assign a when a.targets().get(0) instanceof Ast.Name n -> n.id();
            case Ast.FunctionDef f -> f.name();
            case Ast.ClassDef c -> c.name();
            default -> AstDumper.kind(s.getClass()).toLowerCase(java.util.Locale.ROOT);
          });
    }
    return names;
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p;
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }
}
