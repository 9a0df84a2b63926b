package com.googlesource.gerrit.plugins.securityreview.python;

import java.util.HashMap;
import java.util.Map;

/** Token kinds: CPython's token types, with each operator and hard keyword a kind of its own. */
final class Tok {
  private Tok() {}

  static final int ENDMARKER = 0;
  static final int NAME = 1;
  static final int NUMBER = 2;
  static final int STRING = 3;
  static final int NEWLINE = 4;
  static final int INDENT = 5;
  static final int DEDENT = 6;
  static final int FSTRING_START = 7;
  static final int FSTRING_MIDDLE = 8;
  static final int FSTRING_END = 9;

  /** A character that starts no token; the tokenizer has reported it. */
  static final int ERROR = 10;

  // Operators.
  static final int LPAR = 20;
  static final int RPAR = 21;
  static final int LSQB = 22;
  static final int RSQB = 23;
  static final int COLON = 24;
  static final int COMMA = 25;
  static final int SEMI = 26;
  static final int PLUS = 27;
  static final int MINUS = 28;
  static final int STAR = 29;
  static final int SLASH = 30;
  static final int VBAR = 31;
  static final int AMPER = 32;
  static final int LESS = 33;
  static final int GREATER = 34;
  static final int EQUAL = 35;
  static final int DOT = 36;
  static final int PERCENT = 37;
  static final int LBRACE = 38;
  static final int RBRACE = 39;
  static final int EQEQUAL = 40;
  static final int NOTEQUAL = 41;
  static final int LESSEQUAL = 42;
  static final int GREATEREQUAL = 43;
  static final int TILDE = 44;
  static final int CIRCUMFLEX = 45;
  static final int LEFTSHIFT = 46;
  static final int RIGHTSHIFT = 47;
  static final int DOUBLESTAR = 48;
  static final int PLUSEQUAL = 49;
  static final int MINEQUAL = 50;
  static final int STAREQUAL = 51;
  static final int SLASHEQUAL = 52;
  static final int PERCENTEQUAL = 53;
  static final int AMPEREQUAL = 54;
  static final int VBAREQUAL = 55;
  static final int CIRCUMFLEXEQUAL = 56;
  static final int LEFTSHIFTEQUAL = 57;
  static final int RIGHTSHIFTEQUAL = 58;
  static final int DOUBLESTAREQUAL = 59;
  static final int DOUBLESLASH = 60;
  static final int DOUBLESLASHEQUAL = 61;
  static final int AT = 62;
  static final int ATEQUAL = 63;
  static final int RARROW = 64;
  static final int ELLIPSIS = 65;
  static final int COLONEQUAL = 66;
  static final int EXCLAMATION = 67;

  /** {@code <>}: only valid under {@code barry_as_FLUFL}; kept to report Python 2 code. */
  static final int NOTEQUAL_PY2 = 68;

  // Hard keywords.
  static final int FALSE = 80;
  static final int NONE = 81;
  static final int TRUE = 82;
  static final int AND = 83;
  static final int AS = 84;
  static final int ASSERT = 85;
  static final int ASYNC = 86;
  static final int AWAIT = 87;
  static final int BREAK = 88;
  static final int CLASS = 89;
  static final int CONTINUE = 90;
  static final int DEF = 91;
  static final int DEL = 92;
  static final int ELIF = 93;
  static final int ELSE = 94;
  static final int EXCEPT = 95;
  static final int FINALLY = 96;
  static final int FOR = 97;
  static final int FROM = 98;
  static final int GLOBAL = 99;
  static final int IF = 100;
  static final int IMPORT = 101;
  static final int IN = 102;
  static final int IS = 103;
  static final int LAMBDA = 104;
  static final int NONLOCAL = 105;
  static final int NOT = 106;
  static final int OR = 107;
  static final int PASS = 108;
  static final int RAISE = 109;
  static final int RETURN = 110;
  static final int TRY = 111;
  static final int WHILE = 112;
  static final int WITH = 113;
  static final int YIELD = 114;

  private static final String[] NAMES = new String[120];
  private static final Map<String, Integer> KEYWORDS = new HashMap<>();

  static {
    String[][] ops = {
      {"(", "20"},
      {")", "21"},
      {"[", "22"},
      {"]", "23"},
      {":", "24"},
      {",", "25"},
      {";", "26"},
      {"+", "27"},
      {"-", "28"},
      {"*", "29"},
      {"/", "30"},
      {"|", "31"},
      {"&", "32"},
      {"<", "33"},
      {">", "34"},
      {"=", "35"},
      {".", "36"},
      {"%", "37"},
      {"{", "38"},
      {"}", "39"},
      {"==", "40"},
      {"!=", "41"},
      {"<=", "42"},
      {">=", "43"},
      {"~", "44"},
      {"^", "45"},
      {"<<", "46"},
      {">>", "47"},
      {"**", "48"},
      {"+=", "49"},
      {"-=", "50"},
      {"*=", "51"},
      {"/=", "52"},
      {"%=", "53"},
      {"&=", "54"},
      {"|=", "55"},
      {"^=", "56"},
      {"<<=", "57"},
      {">>=", "58"},
      {"**=", "59"},
      {"//", "60"},
      {"//=", "61"},
      {"@", "62"},
      {"@=", "63"},
      {"->", "64"},
      {"...", "65"},
      {":=", "66"},
      {"!", "67"},
      {"<>", "68"}
    };
    for (String[] op : ops) {
      NAMES[Integer.parseInt(op[1])] = "'" + op[0] + "'";
    }
    String[] keywords = {
      "False",
      "None",
      "True",
      "and",
      "as",
      "assert",
      "async",
      "await",
      "break",
      "class",
      "continue",
      "def",
      "del",
      "elif",
      "else",
      "except",
      "finally",
      "for",
      "from",
      "global",
      "if",
      "import",
      "in",
      "is",
      "lambda",
      "nonlocal",
      "not",
      "or",
      "pass",
      "raise",
      "return",
      "try",
      "while",
      "with",
      "yield"
    };
    for (int i = 0; i < keywords.length; i++) {
      KEYWORDS.put(keywords[i], FALSE + i);
      NAMES[FALSE + i] = "'" + keywords[i] + "'";
    }
    NAMES[ENDMARKER] = "end of file";
    NAMES[NAME] = "name";
    NAMES[NUMBER] = "number";
    NAMES[STRING] = "string";
    NAMES[NEWLINE] = "newline";
    NAMES[INDENT] = "indent";
    NAMES[DEDENT] = "dedent";
    NAMES[FSTRING_START] = "f-string";
    NAMES[FSTRING_MIDDLE] = "f-string text";
    NAMES[FSTRING_END] = "end of f-string";
    NAMES[ERROR] = "invalid character";
  }

  /** The keyword kind for an identifier, or {@link #NAME}. */
  static int keyword(String name) {
    Integer k = KEYWORDS.get(name);
    return k == null ? NAME : k;
  }

  static boolean isKeyword(int kind) {
    return kind >= FALSE && kind <= YIELD;
  }

  static String describe(int kind) {
    String n = kind >= 0 && kind < NAMES.length ? NAMES[kind] : null;
    return n == null ? "token " + kind : n;
  }

  /** The kind of the operator at {@code s[i]}, longest match first; 0 if none. */
  static int operator(char[] s, int i, int end) {
    char c = s[i];
    char c1 = i + 1 < end ? s[i + 1] : '\0';
    char c2 = i + 2 < end ? s[i + 2] : '\0';
    switch (c) {
      case '(':
        return LPAR;
      case ')':
        return RPAR;
      case '[':
        return LSQB;
      case ']':
        return RSQB;
      case '{':
        return LBRACE;
      case '}':
        return RBRACE;
      case ',':
        return COMMA;
      case ';':
        return SEMI;
      case '~':
        return TILDE;
      case ':':
        return c1 == '=' ? COLONEQUAL : COLON;
      case '+':
        return c1 == '=' ? PLUSEQUAL : PLUS;
      case '-':
        return c1 == '=' ? MINEQUAL : c1 == '>' ? RARROW : MINUS;
      case '*':
        if (c1 == '*') {
          return c2 == '=' ? DOUBLESTAREQUAL : DOUBLESTAR;
        }
        return c1 == '=' ? STAREQUAL : STAR;
      case '/':
        if (c1 == '/') {
          return c2 == '=' ? DOUBLESLASHEQUAL : DOUBLESLASH;
        }
        return c1 == '=' ? SLASHEQUAL : SLASH;
      case '|':
        return c1 == '=' ? VBAREQUAL : VBAR;
      case '&':
        return c1 == '=' ? AMPEREQUAL : AMPER;
      case '^':
        return c1 == '=' ? CIRCUMFLEXEQUAL : CIRCUMFLEX;
      case '%':
        return c1 == '=' ? PERCENTEQUAL : PERCENT;
      case '@':
        return c1 == '=' ? ATEQUAL : AT;
      case '=':
        return c1 == '=' ? EQEQUAL : EQUAL;
      case '!':
        return c1 == '=' ? NOTEQUAL : EXCLAMATION;
      case '<':
        if (c1 == '<') {
          return c2 == '=' ? LEFTSHIFTEQUAL : LEFTSHIFT;
        }
        return c1 == '=' ? LESSEQUAL : c1 == '>' ? NOTEQUAL_PY2 : LESS;
      case '>':
        if (c1 == '>') {
          return c2 == '=' ? RIGHTSHIFTEQUAL : RIGHTSHIFT;
        }
        return c1 == '=' ? GREATEREQUAL : GREATER;
      case '.':
        return c1 == '.' && c2 == '.' ? ELLIPSIS : DOT;
      default:
        return 0;
    }
  }

  static int operatorLength(int kind) {
    return switch (kind) {
      case LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL, DOUBLESLASHEQUAL, ELLIPSIS -> 3;
      case EQEQUAL,
          NOTEQUAL,
          LESSEQUAL,
          GREATEREQUAL,
          LEFTSHIFT,
          RIGHTSHIFT,
          DOUBLESTAR,
          PLUSEQUAL,
          MINEQUAL,
          STAREQUAL,
          SLASHEQUAL,
          PERCENTEQUAL,
          AMPEREQUAL,
          VBAREQUAL,
          CIRCUMFLEXEQUAL,
          DOUBLESLASH,
          ATEQUAL,
          RARROW,
          COLONEQUAL,
          NOTEQUAL_PY2 ->
          2;
      default -> 1;
    };
  }
}
