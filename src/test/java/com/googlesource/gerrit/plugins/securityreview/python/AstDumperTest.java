package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AstDumper must print constants exactly as {@code tools/differential/cpython_dump.py} prints
 * CPython's. Every expectation here was computed with CPython 3.11 ({@code repr(float)}, {@code
 * repr(complex(0, x))}, {@code json.dumps(s)}).
 */
class AstDumperTest {
  @Test
  void floatReprMatchesPython() {
    assertThat(AstDumper.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(AstDumper.floatRepr(1e-05)).isEqualTo("1e-05");
    assertThat(AstDumper.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(AstDumper.floatRepr(1e22)).isEqualTo("1e+22");
    assertThat(AstDumper.floatRepr(1e23)).isEqualTo("1e+23");
    assertThat(AstDumper.floatRepr(9.999999999999999e22)).isEqualTo("1e+23");
    assertThat(AstDumper.floatRepr(123456789012345680.0)).isEqualTo("1.2345678901234568e+17");
    assertThat(AstDumper.floatRepr(12345678901234567.0)).isEqualTo("1.2345678901234568e+16");
    assertThat(AstDumper.floatRepr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(AstDumper.floatRepr(1e16 - 2)).isEqualTo("9999999999999998.0");
    assertThat(AstDumper.floatRepr(9007199254740992.0)).isEqualTo("9007199254740992.0");
    assertThat(AstDumper.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(AstDumper.floatRepr(1e-4 * 1.5)).isEqualTo("0.00015000000000000001");
    assertThat(AstDumper.floatRepr(9.5e-5)).isEqualTo("9.5e-05");
    assertThat(AstDumper.floatRepr(5e-05)).isEqualTo("5e-05");
    assertThat(AstDumper.floatRepr(1.23456e-08)).isEqualTo("1.23456e-08");
    assertThat(AstDumper.floatRepr(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(AstDumper.floatRepr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    assertThat(AstDumper.floatRepr(2.5)).isEqualTo("2.5");
    assertThat(AstDumper.floatRepr(1.0)).isEqualTo("1.0");
    assertThat(AstDumper.floatRepr(100.0)).isEqualTo("100.0");
    assertThat(AstDumper.floatRepr(123.0)).isEqualTo("123.0");
    assertThat(AstDumper.floatRepr(-1.5)).isEqualTo("-1.5");
    assertThat(AstDumper.floatRepr(0.0)).isEqualTo("0.0");
    assertThat(AstDumper.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(AstDumper.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(AstDumper.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(AstDumper.floatRepr(Double.NaN)).isEqualTo("nan");
  }

  @Test
  void floatReprOfSubnormalsIsShortest() {
    // Double.toString gives "4.9E-324" and "9.9E-324": at least two digits.
    assertThat(AstDumper.floatRepr(5e-324)).isEqualTo("5e-324");
    assertThat(AstDumper.floatRepr(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(AstDumper.floatRepr(1e-323)).isEqualTo("1e-323");
    assertThat(AstDumper.floatRepr(1e-322)).isEqualTo("1e-322");
    assertThat(AstDumper.floatRepr(5e-323)).isEqualTo("5e-323");
    assertThat(AstDumper.floatRepr(Double.MIN_VALUE * 3)).isEqualTo("1.5e-323");
  }

  @Test
  void complexReprMatchesPython() {
    assertThat(AstDumper.complexRepr(1.0)).isEqualTo("1j");
    assertThat(AstDumper.complexRepr(1.5e300)).isEqualTo("1.5e+300j");
    assertThat(AstDumper.complexRepr(0.0)).isEqualTo("0j");
    assertThat(AstDumper.complexRepr(1e16)).isEqualTo("1e+16j");
    assertThat(AstDumper.complexRepr(1e15)).isEqualTo("1000000000000000j");
    assertThat(AstDumper.complexRepr(10.0)).isEqualTo("10j");
    assertThat(AstDumper.complexRepr(2.5)).isEqualTo("2.5j");
    assertThat(AstDumper.complexRepr(1e-05)).isEqualTo("1e-05j");
    assertThat(AstDumper.complexRepr(Double.POSITIVE_INFINITY)).isEqualTo("infj");
    assertThat(AstDumper.dump(new Ast.Complex(1.5e300))).isEqualTo("1.5e+300j");
  }

  @Test
  void stringsAreJsonWithAsciiEscapes() {
    // json.dumps(s) with ensure_ascii.
    assertThat(AstDumper.dump("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(AstDumper.dump("\u0000\u0001\u001f\u007f"))
        .isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
    assertThat(AstDumper.dump("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    assertThat(AstDumper.dump("é")).isEqualTo("\"\\u00e9\"");
    assertThat(AstDumper.dump("\u00e9\u0101\uffff")).isEqualTo("\"\\u00e9\\u0101\\uffff\"");
    assertThat(AstDumper.dump("\u0080\u00ff\u2028")).isEqualTo("\"\\u0080\\u00ff\\u2028\"");
    assertThat(AstDumper.dump("\ud800")).isEqualTo("\"\\ud800\"");
    assertThat(AstDumper.dump("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
    assertThat(AstDumper.dump(" ~")).isEqualTo("\" ~\"");
  }

  @Test
  void bytesAreTheirLatin1Reading() {
    byte[] b = {0, 0x7f, (byte) 0x80, (byte) 0xff, '\\', '"'};
    // b + json.dumps(b'\x00\x7f\x80\xff\\"'.decode('latin-1'))
    assertThat(AstDumper.dump(new Ast.Bytes(b)))
        .isEqualTo("b\"\\u0000\\u007f\\u0080\\u00ff\\\\\\\"\"");
  }

  @Test
  void otherConstants() {
    assertThat(AstDumper.dump(BigInteger.TEN.pow(30))).isEqualTo("1000000000000000000000000000000");
    assertThat(AstDumper.dump(Boolean.TRUE)).isEqualTo("True");
    assertThat(AstDumper.dump(Boolean.FALSE)).isEqualTo("False");
    assertThat(AstDumper.dump(Ast.Singleton.NONE)).isEqualTo("None");
    assertThat(AstDumper.dump(Ast.Singleton.ELLIPSIS)).isEqualTo("...");
    assertThat(AstDumper.dump((Object) null)).isEqualTo("None");
    assertThat(AstDumper.dump(Ast.ExprContext.Load)).isEqualTo("Load()");
  }

  @Test
  void nodesAsCpythonDumpPy() {
    Ast.Expr name = new Ast.Name("x", Ast.ExprContext.Load, new Ast.Loc(1, 3, 1, 4));
    Ast.Expr fv = new Ast.FormattedValue(name, -1, null, new Ast.Loc(1, 2, 1, 5));
    Ast.Expr js = new Ast.JoinedStr(List.of(fv), new Ast.Loc(1, 0, 1, 6));
    Ast.Stmt stmt = new Ast.ExprStmt(js, new Ast.Loc(1, 0, 1, 6));
    Ast.Module m = new Ast.Module(List.of(stmt, new Ast.Pass(new Ast.Loc(2, 0, 2, 4))), List.of());
    // python3 tools/differential/cpython_dump.py on 'f"{x}"\npass\n' with CPython 3.13.
    assertThat(AstDumper.dump(m))
        .isEqualTo(
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id=\"x\","
                + " ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4),"
                + " conversion=-1, format_spec=None, lineno=1, col_offset=2, end_lineno=1,"
                + " end_col_offset=5)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6),"
                + " lineno=1, col_offset=0, end_lineno=1, end_col_offset=6), Pass(lineno=2,"
                + " col_offset=0, end_lineno=2, end_col_offset=4)], type_ignores=[])");
    // The same with CPython 3.11, which puts the f-string's parts at the whole string.
    assertThat(AstDumper.dump(m, false))
        .isEqualTo(
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id=\"x\","
                + " ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4),"
                + " conversion=-1, format_spec=None)], lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=6), lineno=1, col_offset=0, end_lineno=1, end_col_offset=6),"
                + " Pass(lineno=2, col_offset=0, end_lineno=2, end_col_offset=4)],"
                + " type_ignores=[])");
  }
}
