package com.googlesource.gerrit.plugins.securityreview.python;

import java.math.BigInteger;

/** Values of Python numeric literals, as CPython's tokenizer accepted them. */
final class Numbers {
  private Numbers() {}

  /** A BigInteger, Double or {@link Ast.Complex} for a NUMBER token's text. */
  static Object parse(String literal) {
    String s = literal.indexOf('_') >= 0 ? literal.replace("_", "") : literal;
    if (s.length() > 1 && s.charAt(0) == '0') {
      char b = Character.toLowerCase(s.charAt(1));
      int radix = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 0;
      if (radix != 0) {
        return new BigInteger(s.substring(2), radix);
      }
    }
    char last = s.charAt(s.length() - 1);
    if (last == 'j' || last == 'J') {
      return new Ast.Complex(Double.parseDouble(s.substring(0, s.length() - 1)));
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return Double.parseDouble(s);
      }
    }
    if (s.length() < 18) {
      return BigInteger.valueOf(Long.parseLong(s));
    }
    return new BigInteger(s);
  }
}
