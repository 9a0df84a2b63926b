package com.googlesource.gerrit.plugins.securityreview.python;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The Python abstract syntax tree, node for node as CPython 3.14's {@code ast} module defines it
 * (Parser/Python.asdl): the same node kinds, the same fields in the same order, and the same
 * positions.
 *
 * <p>Java names follow Java conventions; {@link AstDumper} maps them back to CPython's names
 * ({@code decoratorList} is {@code decorator_list}, {@link Arguments} is {@code arguments}).
 * Positions are in {@link Loc}: lines 1-based, columns 0-based UTF-8 byte offsets as CPython
 * reports them; {@link SourceText#charColumn} converts a column to characters.
 *
 * <p>Sequences are never null; optional fields are null when absent, as {@code None} in CPython.
 */
public final class Ast {
  private Ast() {}

  /** A node of the tree. */
  public sealed interface Node
      permits Mod, Located, Arguments, WithItem, Comprehension, MatchCase {}

  /** A node that CPython gives a position. */
  public sealed interface Located extends Node
      permits Stmt, Expr, ExceptHandler, Arg, Keyword, Alias, Pattern, TypeParam {
    Loc loc();
  }

  /**
   * A source range: {@code lineno}, {@code col_offset}, {@code end_lineno}, {@code end_col_offset}.
   * Columns count UTF-8 bytes from the start of the line, end exclusive.
   */
  public record Loc(int line, int col, int endLine, int endCol) {
    public static Loc span(Loc start, Loc end) {
      return new Loc(start.line, start.col, end.endLine, end.endCol);
    }
  }

  // ---------------------------------------------------------------- mod

  public sealed interface Mod extends Node permits Module, Expression {}

  public record Module(java.util.List<Stmt> body, java.util.List<TypeIgnore> typeIgnores)
      implements Mod {}

  public record Expression(Expr body) implements Mod {}

  /** {@code TypeIgnore(int lineno, string tag)}; only produced with type comments on. */
  public record TypeIgnore(int lineno, String tag) {}

  // ---------------------------------------------------------------- stmt

  public sealed interface Stmt extends Located
      permits FunctionLike,
          WithLike,
          ForLike,
          FunctionDef,
          AsyncFunctionDef,
          ClassDef,
          Return,
          Delete,
          Assign,
          TypeAlias,
          AugAssign,
          AnnAssign,
          For,
          AsyncFor,
          While,
          If,
          With,
          AsyncWith,
          Match,
          Raise,
          Try,
          TryStar,
          Assert,
          Import,
          ImportFrom,
          Global,
          Nonlocal,
          ExprStmt,
          Pass,
          Break,
          Continue {}

  /** A function definition, sync or async: rules treat both alike. */
  public sealed interface FunctionLike extends Stmt permits FunctionDef, AsyncFunctionDef {
    String name();

    Arguments args();

    java.util.List<Stmt> body();

    java.util.List<Expr> decoratorList();

    Expr returns();
  }

  /** A {@code with} statement, sync or async. */
  public sealed interface WithLike extends Stmt permits With, AsyncWith {
    java.util.List<WithItem> items();

    java.util.List<Stmt> body();
  }

  /** A {@code for} loop, sync or async. */
  public sealed interface ForLike extends Stmt permits For, AsyncFor {
    Expr target();

    Expr iter();

    java.util.List<Stmt> body();

    java.util.List<Stmt> orelse();
  }

  public record FunctionDef(
      String name,
      Arguments args,
      java.util.List<Stmt> body,
      java.util.List<Expr> decoratorList,
      Expr returns,
      String typeComment,
      java.util.List<TypeParam> typeParams,
      Loc loc)
      implements Stmt, FunctionLike {}

  public record AsyncFunctionDef(
      String name,
      Arguments args,
      java.util.List<Stmt> body,
      java.util.List<Expr> decoratorList,
      Expr returns,
      String typeComment,
      java.util.List<TypeParam> typeParams,
      Loc loc)
      implements Stmt, FunctionLike {}

  public record ClassDef(
      String name,
      java.util.List<Expr> bases,
      java.util.List<Keyword> keywords,
      java.util.List<Stmt> body,
      java.util.List<Expr> decoratorList,
      java.util.List<TypeParam> typeParams,
      Loc loc)
      implements Stmt {}

  public record Return(Expr value, Loc loc) implements Stmt {}

  public record Delete(java.util.List<Expr> targets, Loc loc) implements Stmt {}

  public record Assign(java.util.List<Expr> targets, Expr value, String typeComment, Loc loc)
      implements Stmt {}

  public record TypeAlias(Expr name, java.util.List<TypeParam> typeParams, Expr value, Loc loc)
      implements Stmt {}

  public record AugAssign(Expr target, Operator op, Expr value, Loc loc) implements Stmt {}

  /** {@code simple} is 1 for a plain name target that is not in parentheses. */
  public record AnnAssign(Expr target, Expr annotation, Expr value, int simple, Loc loc)
      implements Stmt {}

  public record For(
      Expr target,
      Expr iter,
      java.util.List<Stmt> body,
      java.util.List<Stmt> orelse,
      String typeComment,
      Loc loc)
      implements Stmt, ForLike {}

  public record AsyncFor(
      Expr target,
      Expr iter,
      java.util.List<Stmt> body,
      java.util.List<Stmt> orelse,
      String typeComment,
      Loc loc)
      implements Stmt, ForLike {}

  public record While(Expr test, java.util.List<Stmt> body, java.util.List<Stmt> orelse, Loc loc)
      implements Stmt {}

  public record If(Expr test, java.util.List<Stmt> body, java.util.List<Stmt> orelse, Loc loc)
      implements Stmt {}

  public record With(
      java.util.List<WithItem> items, java.util.List<Stmt> body, String typeComment, Loc loc)
      implements Stmt, WithLike {}

  public record AsyncWith(
      java.util.List<WithItem> items, java.util.List<Stmt> body, String typeComment, Loc loc)
      implements Stmt, WithLike {}

  public record Match(Expr subject, java.util.List<MatchCase> cases, Loc loc) implements Stmt {}

  public record Raise(Expr exc, Expr cause, Loc loc) implements Stmt {}

  public record Try(
      java.util.List<Stmt> body,
      java.util.List<ExceptHandler> handlers,
      java.util.List<Stmt> orelse,
      java.util.List<Stmt> finalbody,
      Loc loc)
      implements Stmt {}

  public record TryStar(
      java.util.List<Stmt> body,
      java.util.List<ExceptHandler> handlers,
      java.util.List<Stmt> orelse,
      java.util.List<Stmt> finalbody,
      Loc loc)
      implements Stmt {}

  public record Assert(Expr test, Expr msg, Loc loc) implements Stmt {}

  /** {@code isLazy} is 1 for {@code lazy import x} (PEP 810, Python 3.15), else 0. */
  public record Import(java.util.List<Alias> names, int isLazy, Loc loc) implements Stmt {}

  /**
   * {@code module} is null for {@code from . import x}; {@code level} counts the dots; {@code
   * isLazy} is 1 for {@code lazy from m import x} (PEP 810, Python 3.15), else 0.
   */
  public record ImportFrom(
      String module, java.util.List<Alias> names, int level, int isLazy, Loc loc) implements Stmt {}

  public record Global(java.util.List<String> names, Loc loc) implements Stmt {}

  public record Nonlocal(java.util.List<String> names, Loc loc) implements Stmt {}

  /** CPython's {@code Expr} statement: an expression evaluated for its effect. */
  public record ExprStmt(Expr value, Loc loc) implements Stmt {}

  public record Pass(Loc loc) implements Stmt {}

  public record Break(Loc loc) implements Stmt {}

  public record Continue(Loc loc) implements Stmt {}

  // ---------------------------------------------------------------- expr

  public sealed interface Expr extends Located
      permits BoolOp,
          NamedExpr,
          BinOp,
          UnaryOp,
          Lambda,
          IfExp,
          Dict,
          Set,
          ListComp,
          SetComp,
          DictComp,
          GeneratorExp,
          Await,
          Yield,
          YieldFrom,
          Compare,
          Call,
          FormattedValue,
          JoinedStr,
          TemplateStr,
          Interpolation,
          Constant,
          Attribute,
          Subscript,
          Starred,
          Name,
          List,
          Tuple,
          Slice {}

  public record BoolOp(BoolOperator op, java.util.List<Expr> values, Loc loc) implements Expr {}

  public record NamedExpr(Expr target, Expr value, Loc loc) implements Expr {}

  public record BinOp(Expr left, Operator op, Expr right, Loc loc) implements Expr {}

  public record UnaryOp(UnaryOperator op, Expr operand, Loc loc) implements Expr {}

  public record Lambda(Arguments args, Expr body, Loc loc) implements Expr {}

  public record IfExp(Expr test, Expr body, Expr orelse, Loc loc) implements Expr {}

  /** A null key stands for {@code **value}. */
  public record Dict(java.util.List<Expr> keys, java.util.List<Expr> values, Loc loc)
      implements Expr {}

  public record Set(java.util.List<Expr> elts, Loc loc) implements Expr {}

  public record ListComp(Expr elt, java.util.List<Comprehension> generators, Loc loc)
      implements Expr {}

  public record SetComp(Expr elt, java.util.List<Comprehension> generators, Loc loc)
      implements Expr {}

  /**
   * {@code value} is null for {@code {**m for m in ms}} (PEP 798, Python 3.15), whose {@code key}
   * is the mapping unpacked.
   */
  public record DictComp(Expr key, Expr value, java.util.List<Comprehension> generators, Loc loc)
      implements Expr {}

  public record GeneratorExp(Expr elt, java.util.List<Comprehension> generators, Loc loc)
      implements Expr {}

  public record Await(Expr value, Loc loc) implements Expr {}

  public record Yield(Expr value, Loc loc) implements Expr {}

  public record YieldFrom(Expr value, Loc loc) implements Expr {}

  public record Compare(
      Expr left, java.util.List<CmpOp> ops, java.util.List<Expr> comparators, Loc loc)
      implements Expr {}

  public record Call(
      Expr func, java.util.List<Expr> args, java.util.List<Keyword> keywords, Loc loc)
      implements Expr {}

  /** {@code conversion} is -1 (none), or the code of {@code 's'}, {@code 'r'} or {@code 'a'}. */
  public record FormattedValue(Expr value, int conversion, Expr formatSpec, Loc loc)
      implements Expr {}

  public record JoinedStr(java.util.List<Expr> values, Loc loc) implements Expr {}

  /**
   * A template string (PEP 750, Python 3.14): its values are string Constants and {@link
   * Interpolation}s. It evaluates to a {@code string.templatelib.Template}, not a string: the parts
   * stay apart for the consumer to escape.
   */
  public record TemplateStr(java.util.List<Expr> values, Loc loc) implements Expr {}

  /**
   * A {@code {...}} field of a template string. {@code str} is the source text of the expression
   * (from after the brace, trailing blanks dropped); {@code conversion} as in {@link
   * FormattedValue}; {@code formatSpec} a JoinedStr or null.
   */
  public record Interpolation(Expr value, String str, int conversion, Expr formatSpec, Loc loc)
      implements Expr {}

  /**
   * A literal. {@code value} is a {@link String}, {@link Bytes}, {@link BigInteger}, {@link
   * Double}, {@link Complex}, {@link Boolean}, or one of {@link Singleton}. {@code kind} is {@code
   * "u"} for a {@code u''} string, else null.
   */
  public record Constant(Object value, String kind, Loc loc) implements Expr {
    public boolean isString() {
      return value instanceof String;
    }

    public boolean isNone() {
      return value == Singleton.NONE;
    }
  }

  public record Attribute(Expr value, String attr, ExprContext ctx, Loc loc) implements Expr {}

  public record Subscript(Expr value, Expr slice, ExprContext ctx, Loc loc) implements Expr {}

  public record Starred(Expr value, ExprContext ctx, Loc loc) implements Expr {}

  public record Name(String id, ExprContext ctx, Loc loc) implements Expr {}

  public record List(java.util.List<Expr> elts, ExprContext ctx, Loc loc) implements Expr {}

  public record Tuple(java.util.List<Expr> elts, ExprContext ctx, Loc loc) implements Expr {}

  public record Slice(Expr lower, Expr upper, Expr step, Loc loc) implements Expr {}

  // ---------------------------------------------------------------- constants

  /** A {@code bytes} literal's value. */
  public record Bytes(byte[] value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes" + Arrays.toString(value);
    }
  }

  /** An imaginary literal such as {@code 2j}: CPython's {@code complex(0, imag)}. */
  public record Complex(double imag) {}

  /** {@code None} and {@code ...} (Ellipsis). */
  public enum Singleton {
    NONE,
    ELLIPSIS
  }

  // ---------------------------------------------------------------- simple sums

  public enum ExprContext {
    Load,
    Store,
    Del
  }

  public enum BoolOperator {
    And,
    Or
  }

  public enum Operator {
    Add("+"),
    Sub("-"),
    Mult("*"),
    MatMult("@"),
    Div("/"),
    Mod("%"),
    Pow("**"),
    LShift("<<"),
    RShift(">>"),
    BitOr("|"),
    BitXor("^"),
    BitAnd("&"),
    FloorDiv("//");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public enum UnaryOperator {
    Invert,
    Not,
    UAdd,
    USub
  }

  public enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn
  }

  // ---------------------------------------------------------------- other nodes

  /** {@code comprehension}: one {@code for ... in ... if ...} clause. */
  public record Comprehension(Expr target, Expr iter, java.util.List<Expr> ifs, int isAsync)
      implements Node {}

  /** {@code ExceptHandler}; {@code type} and {@code name} are null for a bare except. */
  public record ExceptHandler(Expr type, String name, java.util.List<Stmt> body, Loc loc)
      implements Located {}

  /** {@code arguments}: the parameter list of a function or lambda. */
  public record Arguments(
      java.util.List<Arg> posonlyargs,
      java.util.List<Arg> args,
      Arg vararg,
      java.util.List<Arg> kwonlyargs,
      java.util.List<Expr> kwDefaults,
      Arg kwarg,
      java.util.List<Expr> defaults)
      implements Node {
    public static final Arguments EMPTY =
        new Arguments(
            java.util.List.of(),
            java.util.List.of(),
            null,
            java.util.List.of(),
            java.util.List.of(),
            null,
            java.util.List.of());
  }

  /** {@code arg}: one parameter. */
  public record Arg(String arg, Expr annotation, String typeComment, Loc loc) implements Located {}

  /** {@code keyword}: a keyword argument; {@code arg} is null for {@code **value}. */
  public record Keyword(String arg, Expr value, Loc loc) implements Located {}

  /** {@code alias}: an imported name. */
  public record Alias(String name, String asname, Loc loc) implements Located {}

  /** {@code withitem}. */
  public record WithItem(Expr contextExpr, Expr optionalVars) implements Node {}

  /** {@code match_case}. */
  public record MatchCase(Pattern pattern, Expr guard, java.util.List<Stmt> body) implements Node {}

  // ---------------------------------------------------------------- patterns

  public sealed interface Pattern extends Located
      permits MatchValue,
          MatchSingleton,
          MatchSequence,
          MatchMapping,
          MatchClass,
          MatchStar,
          MatchAs,
          MatchOr {}

  public record MatchValue(Expr value, Loc loc) implements Pattern {}

  /** {@code value} is {@link Singleton#NONE}, {@code Boolean.TRUE} or {@code Boolean.FALSE}. */
  public record MatchSingleton(Object value, Loc loc) implements Pattern {}

  public record MatchSequence(java.util.List<Pattern> patterns, Loc loc) implements Pattern {}

  public record MatchMapping(
      java.util.List<Expr> keys, java.util.List<Pattern> patterns, String rest, Loc loc)
      implements Pattern {}

  public record MatchClass(
      Expr cls,
      java.util.List<Pattern> patterns,
      java.util.List<String> kwdAttrs,
      java.util.List<Pattern> kwdPatterns,
      Loc loc)
      implements Pattern {}

  public record MatchStar(String name, Loc loc) implements Pattern {}

  public record MatchAs(Pattern pattern, String name, Loc loc) implements Pattern {}

  public record MatchOr(java.util.List<Pattern> patterns, Loc loc) implements Pattern {}

  // ---------------------------------------------------------------- type parameters

  public sealed interface TypeParam extends Located permits TypeVar, ParamSpec, TypeVarTuple {}

  public record TypeVar(String name, Expr bound, Expr defaultValue, Loc loc) implements TypeParam {}

  public record ParamSpec(String name, Expr defaultValue, Loc loc) implements TypeParam {}

  public record TypeVarTuple(String name, Expr defaultValue, Loc loc) implements TypeParam {}
}
