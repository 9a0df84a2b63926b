package com.googlesource.gerrit.plugins.securityreview.python;

import static com.googlesource.gerrit.plugins.securityreview.python.Tok.*;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the Python 3.15 grammar (Grammar/python.gram), building the same
 * tree and positions as CPython's PEG parser: a node spans from the first token of its rule to the
 * last token consumed, skipping NEWLINE, INDENT and DEDENT, as CPython's {@code EXTRA} does.
 *
 * <p>A syntax error inside a statement is reported and the parser resumes at the next statement of
 * the same block, so one bad line costs only its statement.
 *
 * <p>Where CPython's limit is only its parser's stack (MAXSTACK, 6000 nested rule calls), we
 * approximate it. Unary chains cost CPython one call per operator and are parsed here in a loop
 * against the same budget, exact at the top level and within a dozen operators when nested. Other
 * nesting costs CPython a varying number of calls per level; we stop at {@link #MAX_DEPTH} nested
 * expressions, so that recursion fits a 1 MB thread stack, and may reject some nesting CPython
 * accepts.
 */
final class Parser {
  /** Expression nesting beyond which the parser reports an error instead of recursing on. */
  private static final int MAX_DEPTH = 1500;

  /**
   * Prefix operators allowed at nesting depth zero. CPython's parser gives up after MAXSTACK (6000)
   * nested rule calls; a unary operator costs one, and reaching the operator rule from a statement
   * costs about thirty: CPython accepts 5969 operators in a bare top-level expression statement
   * (5967 after {@code x = }, 5957 in parentheses), which this budget reproduces within a dozen.
   */
  private static final int UNARY_OPERATOR_BUDGET = 5974;

  /** CPython parser levels for one level of our {@link #depth} (an expression or a bracket). */
  private static final int LEVELS_PER_NESTING = 5;

  private final String text;
  private final List<Diagnostic> diagnostics;
  private final int[] kind;
  private final int[] tstart;
  private final int[] tend;
  private final int[] line;
  private final int[] col;
  private final int[] endLine;
  private final int[] endCol;
  private final String[] value;
  private final int n;
  private final StringDecoder strings;
  private int p;
  private int depth;

  /** Prefix operators of the unary chains being parsed, innermost included. */
  private int unaryOperators;

  /** A syntax error at a token; thrown to unwind to the enclosing statement. */
  static final class SyntaxError extends RuntimeException {
    final int token;

    /** Where CPython points when it is not at a token: a line and a byte column; else -1. */
    final int line;

    final int col;

    SyntaxError(int token, String message) {
      this(token, -1, -1, message);
    }

    SyntaxError(int token, int line, int col, String message) {
      super(message, null, false, false);
      this.token = token;
      this.line = line;
      this.col = col;
    }
  }

  Parser(SourceText source, Tokens tokens, List<Diagnostic> diagnostics) {
    this.text = source.text();
    this.diagnostics = diagnostics;
    this.kind = tokens.kind;
    this.tstart = tokens.start;
    this.tend = tokens.end;
    this.line = tokens.line;
    this.col = tokens.col;
    this.endLine = tokens.endLine;
    this.endCol = tokens.endCol;
    this.value = tokens.value;
    this.n = tokens.size;
    this.strings = new StringDecoder(this);
  }

  // ---------------------------------------------------------------- token helpers

  private int k() {
    return kind[p];
  }

  private int k(int ahead) {
    int i = p + ahead;
    return i < n ? kind[i] : ENDMARKER;
  }

  private boolean at(int kk) {
    return kind[p] == kk;
  }

  private boolean eat(int kk) {
    if (kind[p] == kk) {
      p++;
      return true;
    }
    return false;
  }

  private boolean atSoft(String word) {
    return kind[p] == NAME && value[p].equals(word);
  }

  private void expect(int kk) {
    if (kind[p] != kk) {
      throw expected(describe(kk));
    }
    p++;
  }

  private SyntaxError expected(String what) {
    if (kind[p] == ERROR) {
      return new SyntaxError(p, "invalid syntax");
    }
    return new SyntaxError(p, "expected " + what);
  }

  SyntaxError error(int token, String message) {
    return new SyntaxError(token, message);
  }

  private SyntaxError invalid() {
    return new SyntaxError(p, "invalid syntax");
  }

  private String name() {
    if (kind[p] != NAME) {
      throw kind[p] == ERROR || isKeyword(kind[p]) ? invalid() : expected("name");
    }
    return value[p++];
  }

  private static boolean whitespace(int kk) {
    return kk == NEWLINE || kk == INDENT || kk == DEDENT || kk == ENDMARKER;
  }

  /** The span from token {@code s} to the last non-whitespace token consumed. */
  private Loc loc(int s) {
    int e = p - 1;
    while (e > s && whitespace(kind[e])) {
      e--;
    }
    if (e < s) {
      e = s;
    }
    return new Loc(line[s], col[s], endLine[e], endCol[e]);
  }

  private Loc tokenLoc(int t) {
    return new Loc(line[t], col[t], endLine[t], endCol[t]);
  }

  String tokenText(int t) {
    return text.substring(tstart[t], tend[t]);
  }

  String value(int t) {
    return value[t];
  }

  int tokenStart(int t) {
    return tstart[t];
  }

  int tokenEnd(int t) {
    return tend[t];
  }

  Loc locOf(int t) {
    return tokenLoc(t);
  }

  String source() {
    return text;
  }

  private void report(SyntaxError e) {
    int t = Math.min(e.token, n - 1);
    int l = e.line >= 0 ? e.line : line[t];
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (d.line() == l) {
        if (d.message().endsWith("was never closed") && col[t] >= d.col()) {
          // CPython reports the first syntax error before an unclosed bracket found at EOF.
          diagnostics.remove(i);
          break;
        }
        return; // The tokenizer has said what is wrong on this line.
      }
    }
    String message = e.getMessage();
    if (kind[t] == INDENT && message.equals("invalid syntax")) {
      message = "unexpected indent";
    }
    diagnostics.add(new Diagnostic(l, e.col >= 0 ? e.col : col[t], message));
  }

  /**
   * Counts a chain of {@code count} prefix operators ({@code not}, {@code -}, {@code +}, {@code ~})
   * against CPython's parser stack. Chains are parsed in a loop, so they cost no Java stack, but
   * CPython's PEG parser spends one of its MAXSTACK levels per operator and rejects the source once
   * they run out. The levels already in use are estimated from our own nesting depth.
   */
  private void enterUnaryChain(int count) {
    unaryOperators += count;
    if (unaryOperators + LEVELS_PER_NESTING * depth > UNARY_OPERATOR_BUDGET) {
      unaryOperators -= count;
      throw new SyntaxError(p, "Parser stack overflowed - Python source too complex to parse");
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      depth = 0;
      throw new SyntaxError(p, "too many nested expressions");
    }
  }

  // ---------------------------------------------------------------- module and blocks

  Ast.Module parseModule() {
    List<Stmt> body = new ArrayList<>();
    while (!at(ENDMARKER)) {
      if (at(NEWLINE) || at(DEDENT)) {
        p++;
        continue;
      }
      statementInto(body);
    }
    if (diagnostics.isEmpty()) {
      checkFutureFeatures(body);
    }
    return new Ast.Module(body, List.of());
  }

  /** The features {@code from __future__ import} may name (CPython's Python/future.c). */
  private static final java.util.Set<String> FUTURE_FEATURES =
      java.util.Set.of(
          "nested_scopes",
          "generators",
          "division",
          "absolute_import",
          "with_statement",
          "print_function",
          "unicode_literals",
          "barry_as_FLUFL",
          "generator_stop",
          "annotations");

  /**
   * Since 3.14 CPython's ast.parse rejects an unknown feature in the future statements that open a
   * module (after its docstring), as compiling always did; a future import anywhere else is left to
   * the compiler.
   */
  private void checkFutureFeatures(List<Stmt> body) {
    int i = 0;
    if (!body.isEmpty()
        && body.get(0) instanceof ExprStmt e
        && e.value() instanceof Constant c
        && c.value() instanceof String) {
      i = 1;
    }
    for (; i < body.size(); i++) {
      if (!(body.get(i) instanceof ImportFrom f
          && f.level() == 0
          && "__future__".equals(f.module()))) {
        return;
      }
      for (Alias a : f.names()) {
        if (!FUTURE_FEATURES.contains(a.name())) {
          report(
              error(
                  tokenAt(a.loc()),
                  a.name().equals("braces")
                      ? "not a chance"
                      : "future feature " + a.name() + " is not defined"));
          return;
        }
      }
    }
  }

  Expression parseExpression() {
    while (at(NEWLINE)) {
      p++;
    }
    Expr e = starExpressions();
    while (at(NEWLINE)) {
      p++;
    }
    if (!at(ENDMARKER)) {
      throw invalid();
    }
    return new Expression(e);
  }

  private void statementInto(List<Stmt> out) {
    int saveDepth = depth;
    int start = p;
    try {
      statement(out);
    } catch (SyntaxError e) {
      depth = saveDepth;
      report(e);
      recover();
    } catch (RuntimeException e) {
      // A defect of ours: lose the statement it is in, not the rest of the file.
      depth = saveDepth;
      p = Math.min(Math.max(p, start), n - 1);
      int t = Math.min(start, n - 1);
      diagnostics.add(Diagnostic.internalError(line[t], col[t], "parser", e));
      recover();
    }
  }

  /** Skips the rest of a failed statement and any block that belongs to it. */
  private void recover() {
    int nesting = 0;
    while (true) {
      int kk = k();
      if (kk == ENDMARKER) {
        return;
      }
      if (kk == INDENT) {
        nesting++;
        p++;
      } else if (kk == DEDENT) {
        if (nesting == 0) {
          return;
        }
        nesting--;
        p++;
        if (nesting == 0 && !at(INDENT)) {
          return;
        }
      } else if (kk == NEWLINE) {
        p++;
        if (nesting == 0 && !at(INDENT)) {
          return;
        }
      } else {
        p++;
      }
    }
  }

  private List<Stmt> block() {
    if (eat(NEWLINE)) {
      if (!at(INDENT)) {
        report(new SyntaxError(p, "expected an indented block"));
        return new ArrayList<>();
      }
      p++;
      List<Stmt> body = new ArrayList<>();
      while (!at(DEDENT) && !at(ENDMARKER)) {
        statementInto(body);
      }
      eat(DEDENT);
      return body;
    }
    List<Stmt> body = new ArrayList<>();
    simpleStatements(body);
    return body;
  }

  // ---------------------------------------------------------------- statements

  private void statement(List<Stmt> out) {
    switch (k()) {
      case DEF -> out.add(functionDef(List.of(), p));
      case IF -> out.add(ifStmt());
      case CLASS -> out.add(classDef(List.of()));
      case WITH -> out.add(withStmt(p, false));
      case FOR -> out.add(forStmt(p, false));
      case TRY -> out.add(tryStmt());
      case WHILE -> out.add(whileStmt());
      case AT -> out.add(decorated());
      case ASYNC -> out.add(asyncStmt());
      case INDENT -> throw new SyntaxError(p, "unexpected indent");
      case NAME -> {
        if (value[p].equals("match")) {
          Stmt m = tryMatch();
          if (m != null) {
            out.add(m);
            return;
          }
        }
        simpleStatements(out);
      }
      default -> simpleStatements(out);
    }
  }

  private void simpleStatements(List<Stmt> out) {
    while (true) {
      out.add(simpleStatement());
      if (eat(SEMI)) {
        if (at(NEWLINE)) {
          break;
        }
        continue;
      }
      break;
    }
    if (!eat(NEWLINE)) {
      if (at(ENDMARKER)) {
        return;
      }
      throw invalid();
    }
  }

  private Stmt simpleStatement() {
    int s = p;
    switch (k()) {
      case PASS -> {
        p++;
        return new Pass(loc(s));
      }
      case BREAK -> {
        p++;
        return new Break(loc(s));
      }
      case CONTINUE -> {
        p++;
        return new Continue(loc(s));
      }
      case RETURN -> {
        p++;
        Expr v = canStartExpression(k()) ? starExpressions() : null;
        return new Return(v, loc(s));
      }
      case RAISE -> {
        p++;
        Expr exc = null;
        Expr cause = null;
        if (canStartExpression(k())) {
          exc = expression();
          if (eat(FROM)) {
            cause = expression();
          }
        }
        return new Raise(exc, cause, loc(s));
      }
      case GLOBAL, NONLOCAL -> {
        boolean global = k() == GLOBAL;
        p++;
        List<String> names = new ArrayList<>();
        names.add(name());
        while (eat(COMMA)) {
          names.add(name());
        }
        return global ? new Global(names, loc(s)) : new Nonlocal(names, loc(s));
      }
      case DEL -> {
        p++;
        List<Expr> targets = new ArrayList<>();
        do {
          if (at(SEMI) || at(NEWLINE)) {
            break;
          }
          targets.add(toTarget(bitwiseOrOrStar(), ExprContext.Del));
        } while (eat(COMMA));
        if (targets.isEmpty()) {
          throw invalid();
        }
        return new Delete(targets, loc(s));
      }
      case ASSERT -> {
        p++;
        Expr test = expression();
        Expr msg = eat(COMMA) ? expression() : null;
        return new Assert(test, msg, loc(s));
      }
      case IMPORT -> {
        return importStmt(s, 0);
      }
      case FROM -> {
        return importFrom(s, 0);
      }
      case NAME -> {
        if (value[p].equals("lazy") && (k(1) == IMPORT || k(1) == FROM)) {
          p++; // the soft keyword "lazy" (PEP 810), a name anywhere else
          return at(IMPORT) ? importStmt(s, 1) : importFrom(s, 1);
        }
        if (value[p].equals("type") && k(1) == NAME && (k(2) == EQUAL || k(2) == LSQB)) {
          return typeAlias();
        }
        return expressionStatement();
      }
      default -> {
        return expressionStatement();
      }
    }
  }

  private Stmt expressionStatement() {
    int s = p;
    if (at(NAME)
        && (value[p].equals("print") || value[p].equals("exec"))
        && (k(1) == NAME || k(1) == NUMBER || k(1) == STRING || k(1) == FSTRING_START)) {
      throw error(
          p,
          "Missing parentheses in call to '" + value[p] + "'. Did you mean " + value[p] + "(...)?");
    }
    if (!canStartExpression(k()) && !at(YIELD)) {
      throw invalid();
    }
    Expr first = at(YIELD) ? yieldExpr() : starExpressions();
    switch (k()) {
      case EQUAL -> {
        List<Expr> targets = new ArrayList<>();
        Expr valueExpr = first;
        while (eat(EQUAL)) {
          targets.add(toTarget(valueExpr, ExprContext.Store));
          valueExpr = at(YIELD) ? yieldExpr() : starExpressions();
        }
        return new Assign(targets, valueExpr, null, loc(s));
      }
      case COLON -> {
        p++;
        if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
          throw error(
              s,
              first instanceof Tuple
                  ? "only single target (not tuple) can be annotated"
                  : first instanceof Ast.List
                      ? "only single target (not list) can be annotated"
                      : "illegal target for annotation");
        }
        Expr target = toTarget(first, ExprContext.Store);
        Expr annotation = expression();
        Expr v = null;
        if (eat(EQUAL)) {
          v = at(YIELD) ? yieldExpr() : starExpressions();
        }
        int simple = first instanceof Name && kind[s] != LPAR ? 1 : 0;
        return new AnnAssign(target, annotation, v, simple, loc(s));
      }
      default -> {
        Operator op = augAssign(k());
        if (op != null) {
          if (!(first instanceof Name
              || first instanceof Attribute
              || first instanceof Subscript)) {
            throw error(
                s,
                "'" + describeExpr(first) + "' is an illegal expression for augmented assignment");
          }
          p++;
          Expr target = toTarget(first, ExprContext.Store);
          Expr v = at(YIELD) ? yieldExpr() : starExpressions();
          return new AugAssign(target, op, v, loc(s));
        }
        return new ExprStmt(first, loc(s));
      }
    }
  }

  private static Operator augAssign(int kk) {
    return switch (kk) {
      case PLUSEQUAL -> Operator.Add;
      case MINEQUAL -> Operator.Sub;
      case STAREQUAL -> Operator.Mult;
      case ATEQUAL -> Operator.MatMult;
      case SLASHEQUAL -> Operator.Div;
      case PERCENTEQUAL -> Operator.Mod;
      case AMPEREQUAL -> Operator.BitAnd;
      case VBAREQUAL -> Operator.BitOr;
      case CIRCUMFLEXEQUAL -> Operator.BitXor;
      case LEFTSHIFTEQUAL -> Operator.LShift;
      case RIGHTSHIFTEQUAL -> Operator.RShift;
      case DOUBLESTAREQUAL -> Operator.Pow;
      case DOUBLESLASHEQUAL -> Operator.FloorDiv;
      default -> null;
    };
  }

  private Stmt typeAlias() {
    int s = p;
    p++; // "type"
    int nameTok = p;
    String id = name();
    Expr nameExpr = new Name(id, ExprContext.Store, tokenLoc(nameTok));
    List<TypeParam> params = at(LSQB) ? typeParams() : List.of();
    expect(EQUAL);
    Expr v = expression();
    return new TypeAlias(nameExpr, params, v, loc(s));
  }

  /** An import statement from token {@code s}, which is 'import' or a "lazy" before it. */
  private Stmt importStmt(int s, int isLazy) {
    p++;
    List<Alias> names = new ArrayList<>();
    do {
      int a = p;
      String dotted = dottedName();
      String as = eat(AS) ? name() : null;
      names.add(new Alias(dotted, as, loc(a)));
    } while (eat(COMMA));
    return new Import(names, isLazy, loc(s));
  }

  private String dottedName() {
    String first = name();
    if (!at(DOT)) {
      return first;
    }
    StringBuilder b = new StringBuilder(first);
    while (eat(DOT)) {
      b.append('.').append(name());
    }
    return b.toString();
  }

  /** A from-import statement from token {@code s}, which is 'from' or a "lazy" before it. */
  private Stmt importFrom(int s, int isLazy) {
    p++;
    int level = 0;
    while (at(DOT) || at(ELLIPSIS)) {
      level += at(DOT) ? 1 : 3;
      p++;
    }
    String module = null;
    if (!at(IMPORT)) {
      module = dottedName();
    } else if (level == 0) {
      throw invalid();
    }
    expect(IMPORT);
    List<Alias> names = new ArrayList<>();
    if (at(STAR)) {
      names.add(new Alias("*", null, tokenLoc(p)));
      p++;
    } else if (eat(LPAR)) {
      do {
        if (at(RPAR)) {
          break;
        }
        names.add(importAlias());
      } while (eat(COMMA));
      if (names.isEmpty()) {
        throw invalid();
      }
      expect(RPAR);
    } else {
      do {
        names.add(importAlias());
      } while (eat(COMMA) && !at(NEWLINE) && !at(SEMI)
          || (kind[p - 1] == COMMA
              && fail("trailing comma not allowed without surrounding" + " parentheses")));
    }
    if (isLazy == 1 && level == 0 && module.equals("__future__")) {
      throw error(s, "lazy from __future__ import is not allowed");
    }
    return new ImportFrom(module, names, level, isLazy, loc(s));
  }

  private boolean fail(String message) {
    throw new SyntaxError(p - 1, message);
  }

  private Alias importAlias() {
    int a = p;
    String id = name();
    String as = eat(AS) ? name() : null;
    return new Alias(id, as, loc(a));
  }

  // ---------------------------------------------------------------- compound statements

  private Stmt decorated() {
    List<Expr> decorators = new ArrayList<>();
    while (eat(AT)) {
      decorators.add(namedExpression());
      expect(NEWLINE);
    }
    return switch (k()) {
      case DEF -> functionDef(decorators, p);
      case CLASS -> classDef(decorators);
      case ASYNC -> {
        int s = p;
        p++;
        if (!at(DEF)) {
          throw invalid();
        }
        yield functionDef(decorators, s);
      }
      default -> throw invalid();
    };
  }

  private Stmt asyncStmt() {
    int s = p;
    p++;
    return switch (k()) {
      case DEF -> functionDef(List.of(), s);
      case WITH -> withStmt(s, true);
      case FOR -> forStmt(s, true);
      default -> throw invalid();
    };
  }

  private Stmt functionDef(List<Expr> decorators, int s) {
    boolean async = kind[s] == ASYNC;
    expect(DEF);
    String fname = name();
    List<TypeParam> typeParams = at(LSQB) ? typeParams() : List.of();
    expect(LPAR);
    Arguments args = parameters(false);
    expect(RPAR);
    Expr returns = eat(RARROW) ? expression() : null;
    expect(COLON);
    List<Stmt> body = block();
    Loc l = loc(s);
    return async
        ? new AsyncFunctionDef(fname, args, body, decorators, returns, null, typeParams, l)
        : new FunctionDef(fname, args, body, decorators, returns, null, typeParams, l);
  }

  private Stmt classDef(List<Expr> decorators) {
    int s = p;
    expect(CLASS);
    String cname = name();
    List<TypeParam> typeParams = at(LSQB) ? typeParams() : List.of();
    List<Expr> bases = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    if (eat(LPAR)) {
      callArguments(bases, keywords, -1);
      expect(RPAR);
    }
    expect(COLON);
    List<Stmt> body = block();
    return new ClassDef(cname, bases, keywords, body, decorators, typeParams, loc(s));
  }

  private List<TypeParam> typeParams() {
    expect(LSQB);
    List<TypeParam> params = new ArrayList<>();
    do {
      if (at(RSQB) && !params.isEmpty()) {
        break;
      }
      int s = p;
      if (eat(STAR)) {
        String id = name();
        Expr def = null;
        if (eat(EQUAL)) {
          def = starExpression();
        }
        params.add(new TypeVarTuple(id, def, loc(s)));
      } else if (eat(DOUBLESTAR)) {
        String id = name();
        Expr def = eat(EQUAL) ? expression() : null;
        params.add(new ParamSpec(id, def, loc(s)));
      } else {
        String id = name();
        Expr bound = eat(COLON) ? expression() : null;
        Expr def = eat(EQUAL) ? expression() : null;
        params.add(new TypeVar(id, bound, def, loc(s)));
      }
    } while (eat(COMMA));
    expect(RSQB);
    return params;
  }

  private Stmt ifStmt() {
    int s = p;
    p++; // 'if' or 'elif'
    Expr test = namedExpression();
    expect(COLON);
    List<Stmt> body = block();
    List<Stmt> orelse;
    if (at(ELIF)) {
      orelse = new ArrayList<>();
      orelse.add(ifStmt());
    } else if (at(ELSE)) {
      orelse = elseBlock();
    } else {
      orelse = List.of();
    }
    return new If(test, body, orelse, loc(s));
  }

  private List<Stmt> elseBlock() {
    expect(ELSE);
    expect(COLON);
    return block();
  }

  private Stmt whileStmt() {
    int s = p;
    p++;
    Expr test = namedExpression();
    expect(COLON);
    List<Stmt> body = block();
    List<Stmt> orelse = at(ELSE) ? elseBlock() : List.of();
    return new While(test, body, orelse, loc(s));
  }

  private Stmt forStmt(int s, boolean async) {
    expect(FOR);
    Expr target = starTargets();
    expect(IN);
    Expr iter = starExpressions();
    expect(COLON);
    List<Stmt> body = block();
    List<Stmt> orelse = at(ELSE) ? elseBlock() : List.of();
    Loc l = loc(s);
    return async
        ? new AsyncFor(target, iter, body, orelse, null, l)
        : new For(target, iter, body, orelse, null, l);
  }

  private Stmt withStmt(int s, boolean async) {
    expect(WITH);
    List<WithItem> items = null;
    if (at(LPAR)) {
      int save = p;
      int saveDepth = depth;
      try {
        p++;
        List<WithItem> list = new ArrayList<>();
        do {
          if (at(RPAR) && !list.isEmpty()) {
            break;
          }
          list.add(withItem());
        } while (eat(COMMA));
        expect(RPAR);
        if (!at(COLON)) {
          throw invalid();
        }
        items = list;
      } catch (SyntaxError e) {
        p = save;
        depth = saveDepth;
      }
    }
    if (items == null) {
      items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (eat(COMMA));
    }
    expect(COLON);
    List<Stmt> body = block();
    Loc l = loc(s);
    return async ? new AsyncWith(items, body, null, l) : new With(items, body, null, l);
  }

  private WithItem withItem() {
    Expr e = expression();
    if (eat(AS)) {
      Expr target = toTarget(starTarget(), ExprContext.Store);
      if (!(at(COMMA) || at(RPAR) || at(COLON))) {
        throw invalid();
      }
      return new WithItem(e, target);
    }
    return new WithItem(e, null);
  }

  private Stmt tryStmt() {
    int s = p;
    p++;
    expect(COLON);
    List<Stmt> body = block();
    List<ExceptHandler> handlers = new ArrayList<>();
    Boolean star = null;
    while (at(EXCEPT)) {
      int hs = p;
      p++;
      boolean isStar = eat(STAR);
      if (star != null && star != isStar) {
        throw error(hs, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      star = isStar;
      Expr type = null;
      String hname = null;
      if (!at(COLON)) {
        int ts = p;
        type = expression();
        if (at(COMMA)) {
          // PEP 758 (Python 3.14): several types without parentheses, unless `as` follows.
          List<Expr> types = new ArrayList<>();
          types.add(type);
          while (eat(COMMA) && !at(COLON) && !at(AS)) {
            types.add(expression());
          }
          type = new Tuple(types, ExprContext.Load, loc(ts));
          if (at(AS)) {
            throw error(ts, "multiple exception types must be parenthesized when using 'as'");
          }
        }
        if (eat(AS)) {
          hname = name();
        }
      } else if (isStar) {
        throw expected("one or more exception types");
      }
      expect(COLON);
      List<Stmt> hbody = block();
      handlers.add(new ExceptHandler(type, hname, hbody, loc(hs)));
    }
    List<Stmt> orelse = List.of();
    if (at(ELSE)) {
      if (handlers.isEmpty()) {
        throw invalid();
      }
      orelse = elseBlock();
    }
    List<Stmt> finalbody = List.of();
    boolean hasFinally = false;
    if (at(FINALLY)) {
      p++;
      expect(COLON);
      finalbody = block();
      hasFinally = true;
    }
    if (handlers.isEmpty() && !hasFinally) {
      throw expected("'except' or 'finally' block");
    }
    Loc l = loc(s);
    return Boolean.TRUE.equals(star)
        ? new TryStar(body, handlers, orelse, finalbody, l)
        : new Try(body, handlers, orelse, finalbody, l);
  }

  // ---------------------------------------------------------------- match

  /** Parses a match statement, or returns null (consuming nothing) if this is not one. */
  private Stmt tryMatch() {
    int s = p;
    int saveDepth = depth;
    Expr subject;
    try {
      p++;
      if (!canStartExpression(k())) {
        p = s;
        return null;
      }
      subject = subjectExpr();
      if (!at(COLON) || k(1) != NEWLINE || k(2) != INDENT) {
        p = s;
        return null;
      }
      int save = p;
      p += 3;
      if (!atSoft("case")) {
        p = s;
        return null;
      }
      p = save;
    } catch (SyntaxError e) {
      p = s;
      depth = saveDepth;
      return null;
    }
    expect(COLON);
    expect(NEWLINE);
    expect(INDENT);
    List<MatchCase> cases = new ArrayList<>();
    while (atSoft("case")) {
      cases.add(caseBlock());
    }
    if (!at(DEDENT) && !at(ENDMARKER)) {
      throw invalid();
    }
    eat(DEDENT);
    return new Match(subject, cases, loc(s));
  }

  private Expr subjectExpr() {
    int s = p;
    Expr first = starNamedExpression();
    if (at(COMMA)) {
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (!canStartExpression(k())) {
          break;
        }
        elts.add(starNamedExpression());
      }
      return new Tuple(elts, ExprContext.Load, loc(s));
    }
    if (first instanceof Starred) {
      throw invalid();
    }
    return first;
  }

  private MatchCase caseBlock() {
    p++; // "case"
    Pattern pattern = patterns();
    Expr guard = eat(IF) ? namedExpression() : null;
    expect(COLON);
    List<Stmt> body = block();
    return new MatchCase(pattern, guard, body);
  }

  /** {@code patterns}: an open sequence becomes a MatchSequence. */
  private Pattern patterns() {
    int s = p;
    Pattern first = maybeStarPattern();
    if (!at(COMMA)) {
      if (first instanceof MatchStar) {
        return new MatchSequence(List.of(first), loc(s));
      }
      return first;
    }
    List<Pattern> items = new ArrayList<>();
    items.add(first);
    while (eat(COMMA)) {
      if (at(COLON) || at(IF)) {
        break;
      }
      items.add(maybeStarPattern());
    }
    return new MatchSequence(items, loc(s));
  }

  private Pattern maybeStarPattern() {
    if (at(STAR)) {
      int s = p;
      p++;
      String id = name();
      return new MatchStar(id.equals("_") ? null : id, loc(s));
    }
    return pattern();
  }

  /** {@code pattern: or_pattern 'as' NAME | or_pattern}. */
  private Pattern pattern() {
    int s = p;
    Pattern or = orPattern();
    if (eat(AS)) {
      int nt = p;
      String id = name();
      if (id.equals("_")) {
        throw error(nt, "cannot use '_' as a target");
      }
      return new MatchAs(or, id, loc(s));
    }
    return or;
  }

  private Pattern orPattern() {
    int s = p;
    Pattern first = closedPattern();
    if (!at(VBAR)) {
      return first;
    }
    List<Pattern> alts = new ArrayList<>();
    alts.add(first);
    while (eat(VBAR)) {
      alts.add(closedPattern());
    }
    return new MatchOr(alts, loc(s));
  }

  private Pattern closedPattern() {
    int s = p;
    switch (k()) {
      case NONE -> {
        p++;
        return new MatchSingleton(Singleton.NONE, loc(s));
      }
      case TRUE, FALSE -> {
        boolean b = k() == TRUE;
        p++;
        return new MatchSingleton(b, loc(s));
      }
      case NUMBER, MINUS -> {
        return new MatchValue(signedNumberOrComplex(), loc(s));
      }
      case STRING, FSTRING_START -> {
        Expr str = strings();
        if (str instanceof JoinedStr) {
          throw error(s, "patterns may only match literals and attribute lookups");
        }
        return new MatchValue(str, loc(s));
      }
      case LPAR -> {
        p++;
        if (eat(RPAR)) {
          return new MatchSequence(List.of(), loc(s));
        }
        Pattern first = maybeStarPattern();
        if (eat(RPAR)) {
          if (first instanceof MatchStar) {
            return new MatchSequence(List.of(first), loc(s));
          }
          return first; // A group: the inner pattern keeps its own position.
        }
        List<Pattern> items = new ArrayList<>();
        items.add(first);
        while (eat(COMMA)) {
          if (at(RPAR)) {
            break;
          }
          items.add(maybeStarPattern());
        }
        expect(RPAR);
        return new MatchSequence(items, loc(s));
      }
      case LSQB -> {
        p++;
        List<Pattern> items = new ArrayList<>();
        while (!at(RSQB)) {
          items.add(maybeStarPattern());
          if (!eat(COMMA)) {
            break;
          }
        }
        expect(RSQB);
        return new MatchSequence(items, loc(s));
      }
      case LBRACE -> {
        return mappingPattern();
      }
      case NAME -> {
        String id = value[p];
        if (k(1) != DOT && k(1) != LPAR) {
          p++;
          return new MatchAs(null, id.equals("_") ? null : id, loc(s));
        }
        Expr dotted = new Name(id, ExprContext.Load, tokenLoc(p));
        p++;
        while (at(DOT)) {
          p++;
          String attr = name();
          dotted = new Attribute(dotted, attr, ExprContext.Load, loc(s));
        }
        if (at(LPAR)) {
          return classPattern(s, dotted);
        }
        return new MatchValue(dotted, loc(s));
      }
      default -> throw invalid();
    }
  }

  private Expr signedNumberOrComplex() {
    int s = p;
    Expr real = signedNumber();
    if (at(PLUS) || at(MINUS)) {
      Operator op = at(PLUS) ? Operator.Add : Operator.Sub;
      p++;
      if (!at(NUMBER)) {
        throw invalid();
      }
      Expr imag = number();
      if (!(((Constant) imag).value() instanceof Complex)) {
        throw error(p - 1, "imaginary number required in complex literal");
      }
      return new BinOp(real, op, imag, loc(s));
    }
    return real;
  }

  private Expr signedNumber() {
    int s = p;
    if (eat(MINUS)) {
      if (!at(NUMBER)) {
        throw invalid();
      }
      Expr num = number();
      return new UnaryOp(UnaryOperator.USub, num, loc(s));
    }
    if (!at(NUMBER)) {
      throw invalid();
    }
    return number();
  }

  private Pattern mappingPattern() {
    int s = p;
    p++;
    List<Expr> keys = new ArrayList<>();
    List<Pattern> values = new ArrayList<>();
    String rest = null;
    while (!at(RBRACE)) {
      if (eat(DOUBLESTAR)) {
        rest = name();
        eat(COMMA);
        break;
      }
      int ks = p;
      Expr key;
      switch (k()) {
        case NONE -> {
          p++;
          key = new Constant(Singleton.NONE, null, loc(ks));
        }
        case TRUE, FALSE -> {
          key = new Constant(k() == TRUE, null, tokenLoc(p));
          p++;
        }
        case NUMBER, MINUS -> key = signedNumberOrComplex();
        case STRING, FSTRING_START -> key = strings();
        case NAME -> {
          key = new Name(value[p], ExprContext.Load, tokenLoc(p));
          p++;
          if (!at(DOT)) {
            throw invalid();
          }
          while (eat(DOT)) {
            String attr = name();
            key = new Attribute(key, attr, ExprContext.Load, loc(ks));
          }
        }
        default -> throw invalid();
      }
      expect(COLON);
      keys.add(key);
      values.add(pattern());
      if (!eat(COMMA)) {
        break;
      }
    }
    expect(RBRACE);
    return new MatchMapping(keys, values, rest, loc(s));
  }

  private Pattern classPattern(int s, Expr cls) {
    expect(LPAR);
    List<Pattern> patterns = new ArrayList<>();
    List<String> kwdAttrs = new ArrayList<>();
    List<Pattern> kwdPatterns = new ArrayList<>();
    while (!at(RPAR)) {
      if (at(NAME) && k(1) == EQUAL) {
        kwdAttrs.add(value[p]);
        p += 2;
        kwdPatterns.add(pattern());
      } else {
        if (!kwdAttrs.isEmpty()) {
          throw error(p, "positional patterns follow keyword patterns");
        }
        patterns.add(pattern());
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    expect(RPAR);
    return new MatchClass(cls, patterns, kwdAttrs, kwdPatterns, loc(s));
  }

  // ---------------------------------------------------------------- parameters and arguments

  /** Parameters of a def (up to ')') or of a lambda (up to ':'). */
  private Arguments parameters(boolean lambda) {
    int close = lambda ? COLON : RPAR;
    if (at(close)) {
      return Arguments.EMPTY;
    }
    List<Arg> posonly = new ArrayList<>();
    List<Arg> args = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    Arg vararg = null;
    List<Arg> kwonly = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    Arg kwarg = null;
    boolean slash = false;
    boolean star = false;
    while (!at(close)) {
      if (kwarg != null) {
        throw error(p, "arguments cannot follow var-keyword argument");
      }
      if (at(SLASH)) {
        if (slash) {
          throw error(p, "/ may appear only once");
        }
        if (star) {
          throw error(p, "/ must be ahead of *");
        }
        if (args.isEmpty()) {
          throw error(p, "at least one argument must precede /");
        }
        p++;
        slash = true;
        posonly.addAll(args);
        args.clear();
      } else if (at(STAR)) {
        if (star) {
          throw error(p, "* argument may appear only once");
        }
        int st = p;
        p++;
        star = true;
        if (at(COMMA)) {
          if (k(1) == close) {
            throw error(st, "named arguments must follow bare *");
          }
        } else if (at(close)) {
          throw error(st, "named arguments must follow bare *");
        } else {
          vararg = param(lambda, true);
          if (at(EQUAL)) {
            throw error(p, "var-positional argument cannot have default value");
          }
        }
      } else if (at(DOUBLESTAR)) {
        p++;
        kwarg = param(lambda, false);
        if (at(EQUAL)) {
          throw error(p, "var-keyword argument cannot have default value");
        }
      } else {
        Arg a = param(lambda, false);
        Expr def = null;
        if (eat(EQUAL)) {
          def = expression();
        }
        if (star) {
          kwonly.add(a);
          kwDefaults.add(def);
        } else {
          args.add(a);
          if (def != null) {
            defaults.add(def);
          } else if (!defaults.isEmpty()) {
            throw error(p - 1, "parameter without a default follows parameter with a default");
          }
        }
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    if (star && vararg == null && kwonly.isEmpty()) {
      throw error(p, "named arguments must follow bare *");
    }
    return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
  }

  private Arg param(boolean lambda, boolean starAnnotation) {
    int s = p;
    String id = name();
    Expr annotation = null;
    if (!lambda && eat(COLON)) {
      annotation = starAnnotation && at(STAR) ? starExpression() : expression();
    }
    return new Arg(id, annotation, null, loc(s));
  }

  /**
   * Call arguments up to ')': positional (with {@code *x}) into {@code args}, keywords (with {@code
   * **x}) into {@code keywords}. {@code open} is the '(' token of a call, whose
   * generator-expression argument then spans the call's parentheses; -1 for a class.
   */
  private void callArguments(List<Expr> args, List<Keyword> keywords, int open) {
    boolean sawKeyword = false;
    boolean sawDoubleStar = false;
    while (!at(RPAR)) {
      int s = p;
      if (at(STAR)) {
        p++;
        Expr v = expression();
        if (sawDoubleStar) {
          throw error(s, "iterable argument unpacking follows keyword argument unpacking");
        }
        Starred starred = new Starred(v, ExprContext.Load, loc(s));
        if (at(FOR) || at(ASYNC)) {
          // f(*x for x in xs) (PEP 798): a generator expression that unpacks each item.
          if (!args.isEmpty()) {
            throw error(s, "Generator expression must be parenthesized");
          }
          if (open < 0 || !keywords.isEmpty()) {
            throw invalid();
          }
          List<Comprehension> gens = comprehensionClauses();
          if (!at(RPAR)) {
            throw invalid();
          }
          p++;
          args.add(new GeneratorExp(starred, gens, loc(open)));
          p--;
          return;
        }
        args.add(starred);
      } else if (at(DOUBLESTAR)) {
        p++;
        Expr v = expression();
        if ((at(FOR) || at(ASYNC)) && open >= 0 && args.isEmpty() && keywords.isEmpty()) {
          throw error(s, "cannot use dict unpacking in generator expression");
        }
        keywords.add(new Keyword(null, v, loc(s)));
        sawDoubleStar = true;
      } else if (at(NAME) && k(1) == EQUAL) {
        String id = value[p];
        p += 2;
        Expr v = expression();
        keywords.add(new Keyword(id, v, loc(s)));
        sawKeyword = true;
      } else if ((at(TRUE) || at(FALSE) || at(NONE)) && k(1) == EQUAL) {
        throw error(s, "cannot assign to " + value[p]);
      } else {
        Expr e = namedExpression();
        if (at(EQUAL)) {
          throw error(s, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (at(FOR) || at(ASYNC)) {
          List<Comprehension> gens = comprehensionClauses();
          if (open >= 0 && args.isEmpty() && keywords.isEmpty() && at(RPAR)) {
            p++;
            args.add(new GeneratorExp(e, gens, loc(open)));
            p--;
            return;
          }
          throw error(s, "Generator expression must be parenthesized");
        }
        if (sawDoubleStar) {
          throw error(s, "positional argument follows keyword argument unpacking");
        }
        if (sawKeyword) {
          throw error(s, "positional argument follows keyword argument");
        }
        args.add(e);
      }
      if (!eat(COMMA)) {
        break;
      }
    }
  }

  // ---------------------------------------------------------------- targets

  /** {@code star_targets} for a for loop or comprehension: stops before 'in'. */
  private Expr starTargets() {
    int s = p;
    Expr first = starTarget();
    if (!at(COMMA)) {
      return toTarget(first, ExprContext.Store);
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(toTarget(first, ExprContext.Store));
    while (eat(COMMA)) {
      if (at(IN) || at(EQUAL)) {
        break;
      }
      elts.add(toTarget(starTarget(), ExprContext.Store));
    }
    return new Tuple(elts, ExprContext.Store, loc(s));
  }

  private Expr starTarget() {
    return bitwiseOrOrStar();
  }

  private Expr bitwiseOrOrStar() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expr v = bitwiseOr();
      return new Starred(v, ExprContext.Load, loc(s));
    }
    return bitwiseOr();
  }

  /** CPython's {@code set_expr_context}, with the checks of its invalid_* target rules. */
  private Expr toTarget(Expr e, ExprContext ctx) {
    switch (e) {
      case Name n -> {
        if (ctx != ExprContext.Del && n.id().equals("__debug__")) {
          throw error(tokenAt(n.loc()), "cannot assign to __debug__");
        }
        return new Name(n.id(), ctx, n.loc());
      }
      case Attribute a -> {
        return new Attribute(a.value(), a.attr(), ctx, a.loc());
      }
      case Subscript sub -> {
        return new Subscript(sub.value(), sub.slice(), ctx, sub.loc());
      }
      case Starred st -> {
        if (ctx == ExprContext.Del) {
          throw error(tokenAt(st.loc()), "cannot delete starred");
        }
        return new Starred(toTarget(st.value(), ctx), ctx, st.loc());
      }
      case Tuple t -> {
        List<Expr> elts = new ArrayList<>(t.elts().size());
        for (Expr x : t.elts()) {
          elts.add(toTarget(x, ctx));
        }
        return new Tuple(elts, ctx, t.loc());
      }
      case Ast.List l -> {
        List<Expr> elts = new ArrayList<>(l.elts().size());
        for (Expr x : l.elts()) {
          elts.add(toTarget(x, ctx));
        }
        return new Ast.List(elts, ctx, l.loc());
      }
      default -> {
        String verb = ctx == ExprContext.Del ? "delete" : "assign to";
        throw error(tokenAt(e.loc()), "cannot " + verb + " " + describeExpr(e));
      }
    }
  }

  /** The index of the token that starts at a node's position, for error reports. */
  private int tokenAt(Loc l) {
    for (int i = Math.min(p, n - 1); i >= 0; i--) {
      if (line[i] == l.line() && col[i] == l.col()) {
        return i;
      }
      if (line[i] < l.line()) {
        break;
      }
    }
    return Math.min(p, n - 1);
  }

  private static String describeExpr(Expr e) {
    return switch (e) {
      case Call c -> "function call";
      case Constant c ->
          c.value() == Singleton.NONE
              ? "None"
              : c.value() instanceof Boolean b ? (b ? "True" : "False") : "literal";
      case Compare c -> "comparison";
      case BinOp b -> "expression";
      case UnaryOp u -> "expression";
      case BoolOp b -> "expression";
      case Lambda l -> "lambda";
      case IfExp i -> "conditional expression";
      case NamedExpr ne -> "named expression";
      case Await a -> "await expression";
      case Yield y -> "yield expression";
      case YieldFrom y -> "yield expression";
      case Dict d -> "dict literal";
      case Set s -> "set display";
      case ListComp l -> "list comprehension";
      case SetComp s -> "set comprehension";
      case DictComp d -> "dict comprehension";
      case GeneratorExp g -> "generator expression";
      case JoinedStr j -> "f-string expression";
      case TemplateStr t -> "t-string expression";
      case Tuple t -> "tuple";
      case Ast.List l -> "list";
      case Slice s -> "slice";
      default -> "expression";
    };
  }

  // ---------------------------------------------------------------- expressions

  private static boolean canStartExpression(int kk) {
    return switch (kk) {
      case NAME,
          NUMBER,
          STRING,
          FSTRING_START,
          LPAR,
          LSQB,
          LBRACE,
          MINUS,
          PLUS,
          TILDE,
          NOT,
          LAMBDA,
          AWAIT,
          STAR,
          TRUE,
          FALSE,
          NONE,
          ELLIPSIS ->
          true;
      default -> false;
    };
  }

  /** {@code star_expressions}: a tuple when there is a comma. */
  Expr starExpressions() {
    int s = p;
    Expr first = starExpression();
    if (!at(COMMA)) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (!canStartExpression(k())) {
        break;
      }
      elts.add(starExpression());
    }
    return new Tuple(elts, ExprContext.Load, loc(s));
  }

  private Expr starExpression() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expr v = bitwiseOr();
      return new Starred(v, ExprContext.Load, loc(s));
    }
    return expression();
  }

  /**
   * An element of a list, tuple or set display, or the element of a list or set comprehension:
   * {@code star_named_expression}, with CPython's messages for {@code **x} and for {@code *a if b
   * else c} there.
   */
  private Expr sequenceElement() {
    if (at(DOUBLESTAR)) {
      throw error(p, "cannot use dict unpacking here");
    }
    int s = p;
    Expr e = starNamedExpression();
    if (e instanceof Starred && at(IF)) {
      throw error(
          s,
          "invalid starred expression. Did you forget to wrap the conditional expression in"
              + " parentheses?");
    }
    return e;
  }

  /**
   * Reads {@code *...} from token {@code star} as a generator expression's element, {@code '*'
   * expression} (PEP 798), where {@code '*' bitwise_or} could not be all of it; it must be followed
   * by 'for'.
   */
  private Expr starredExpressionBeforeFor(int star) {
    p = star + 1;
    Expr v = expression();
    if (!at(FOR) && !at(ASYNC)) {
      if (v instanceof IfExp) {
        throw error(
            star,
            "invalid starred expression. Did you forget to wrap the conditional expression in"
                + " parentheses?");
      }
      throw at(RPAR) ? error(star, "cannot use starred expression here") : invalid();
    }
    return new Starred(v, ExprContext.Load, loc(star));
  }

  /**
   * {@code **x} where no dict is being built, at the first item of a bracket: CPython names the
   * comprehension when a 'for' follows.
   */
  private SyntaxError dictUnpacking(String comprehension, String otherwise) {
    int star = p;
    p++;
    expression();
    return error(
        star, at(FOR) || at(ASYNC) ? "cannot use dict unpacking in " + comprehension : otherwise);
  }

  private Expr starNamedExpression() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expr v = bitwiseOr();
      return new Starred(v, ExprContext.Load, loc(s));
    }
    return namedExpression();
  }

  Expr namedExpression() {
    if (at(NAME) && k(1) == COLONEQUAL) {
      int s = p;
      Name target = new Name(value[p], ExprContext.Store, tokenLoc(p));
      p += 2;
      Expr v = expression();
      return new NamedExpr(target, v, loc(s));
    }
    Expr e = expression();
    if (at(COLONEQUAL)) {
      throw error(tokenAt(e.loc()), "cannot use assignment expressions with " + describeExpr(e));
    }
    return e;
  }

  Expr expression() {
    enter();
    try {
      if (at(LAMBDA)) {
        return lambda();
      }
      int s = p;
      Expr body = disjunction();
      if (at(IF)) {
        p++;
        Expr test = disjunction();
        if (!at(ELSE)) {
          throw expected("'else' after 'if' expression");
        }
        p++;
        Expr orelse = expression();
        return new IfExp(test, body, orelse, loc(s));
      }
      return body;
    } finally {
      depth--;
    }
  }

  private Expr lambda() {
    int s = p;
    p++;
    Arguments args = parameters(true);
    expect(COLON);
    Expr body = expression();
    return new Lambda(args, body, loc(s));
  }

  private Expr yieldExpr() {
    int s = p;
    p++;
    if (eat(FROM)) {
      Expr v = expression();
      return new YieldFrom(v, loc(s));
    }
    Expr v = canStartExpression(k()) ? starExpressions() : null;
    return new Yield(v, loc(s));
  }

  private Expr disjunction() {
    int s = p;
    Expr first = conjunction();
    if (!at(OR)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (eat(OR)) {
      values.add(conjunction());
    }
    return new BoolOp(BoolOperator.Or, values, loc(s));
  }

  private Expr conjunction() {
    int s = p;
    Expr first = inversion();
    if (!at(AND)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (eat(AND)) {
      values.add(inversion());
    }
    return new BoolOp(BoolOperator.And, values, loc(s));
  }

  private Expr inversion() {
    if (!at(NOT)) {
      return comparison();
    }
    int first = p;
    while (at(NOT)) {
      p++;
    }
    int count = p - first;
    enterUnaryChain(count);
    try {
      Expr operand = comparison();
      for (int i = count - 1; i >= 0; i--) {
        operand = new UnaryOp(UnaryOperator.Not, operand, loc(first + i));
      }
      return operand;
    } finally {
      unaryOperators -= count;
    }
  }

  private Expr comparison() {
    int s = p;
    Expr left = bitwiseOr();
    CmpOp op = compareOp();
    if (op == null) {
      return left;
    }
    List<CmpOp> ops = new ArrayList<>();
    List<Expr> comparators = new ArrayList<>();
    while (op != null) {
      ops.add(op);
      comparators.add(bitwiseOr());
      op = compareOp();
    }
    return new Compare(left, ops, comparators, loc(s));
  }

  /** Consumes a comparison operator, or returns null. */
  private CmpOp compareOp() {
    CmpOp op =
        switch (k()) {
          case EQEQUAL -> CmpOp.Eq;
          case NOTEQUAL -> CmpOp.NotEq;
          case LESS -> CmpOp.Lt;
          case LESSEQUAL -> CmpOp.LtE;
          case GREATER -> CmpOp.Gt;
          case GREATEREQUAL -> CmpOp.GtE;
          case IN -> CmpOp.In;
          case IS -> k(1) == NOT ? CmpOp.IsNot : CmpOp.Is;
          case NOT -> k(1) == IN ? CmpOp.NotIn : null;
          case NOTEQUAL_PY2 -> throw invalid();
          default -> null;
        };
    if (op == CmpOp.IsNot || op == CmpOp.NotIn) {
      p += 2;
    } else if (op != null) {
      p++;
    }
    return op;
  }

  private static int precedence(int kk) {
    return switch (kk) {
      case VBAR -> 1;
      case CIRCUMFLEX -> 2;
      case AMPER -> 3;
      case LEFTSHIFT, RIGHTSHIFT -> 4;
      case PLUS, MINUS -> 5;
      case STAR, SLASH, DOUBLESLASH, PERCENT, AT -> 6;
      default -> 0;
    };
  }

  private static Operator binaryOperator(int kk) {
    return switch (kk) {
      case VBAR -> Operator.BitOr;
      case CIRCUMFLEX -> Operator.BitXor;
      case AMPER -> Operator.BitAnd;
      case LEFTSHIFT -> Operator.LShift;
      case RIGHTSHIFT -> Operator.RShift;
      case PLUS -> Operator.Add;
      case MINUS -> Operator.Sub;
      case STAR -> Operator.Mult;
      case SLASH -> Operator.Div;
      case DOUBLESLASH -> Operator.FloorDiv;
      case PERCENT -> Operator.Mod;
      case AT -> Operator.MatMult;
      default -> throw new IllegalArgumentException();
    };
  }

  Expr bitwiseOr() {
    return binary(1);
  }

  /** Left-associative binary operators of at least {@code minPrec}, by precedence climbing. */
  private Expr binary(int minPrec) {
    int s = p;
    Expr left = factor();
    while (true) {
      int prec = precedence(k());
      if (prec < minPrec || prec == 0) {
        return left;
      }
      Operator op = binaryOperator(k());
      p++;
      Expr right = binary(prec + 1);
      left = new BinOp(left, op, right, loc(s));
    }
  }

  private Expr factor() {
    int first = p;
    while (unaryOperator(k()) != null) {
      p++;
    }
    int count = p - first;
    if (count == 0) {
      return power();
    }
    enterUnaryChain(count);
    try {
      Expr operand = power();
      for (int i = count - 1; i >= 0; i--) {
        operand = new UnaryOp(unaryOperator(kind[first + i]), operand, loc(first + i));
      }
      return operand;
    } finally {
      unaryOperators -= count;
    }
  }

  private static UnaryOperator unaryOperator(int token) {
    return switch (token) {
      case PLUS -> UnaryOperator.UAdd;
      case MINUS -> UnaryOperator.USub;
      case TILDE -> UnaryOperator.Invert;
      default -> null;
    };
  }

  private Expr power() {
    int s = p;
    Expr base = awaitPrimary();
    if (at(DOUBLESTAR)) {
      p++;
      Expr exp = factor();
      return new BinOp(base, Operator.Pow, exp, loc(s));
    }
    return base;
  }

  private Expr awaitPrimary() {
    if (at(AWAIT)) {
      int s = p;
      p++;
      Expr v = primary();
      return new Await(v, loc(s));
    }
    return primary();
  }

  private Expr primary() {
    int s = p;
    Expr e = atom();
    while (true) {
      switch (k()) {
        case DOT -> {
          p++;
          String attr = name();
          e = new Attribute(e, attr, ExprContext.Load, loc(s));
        }
        case LPAR -> {
          int open = p;
          p++;
          List<Expr> args = new ArrayList<>();
          List<Keyword> keywords = new ArrayList<>();
          callArguments(args, keywords, open);
          expect(RPAR);
          e = new Call(e, args, keywords, loc(s));
        }
        case LSQB -> {
          p++;
          Expr slice = slices();
          expect(RSQB);
          e = new Subscript(e, slice, ExprContext.Load, loc(s));
        }
        default -> {
          return e;
        }
      }
    }
  }

  private Expr slices() {
    int s = p;
    Expr first = sliceItem();
    if (!at(COMMA)) {
      if (first instanceof Starred) {
        return new Tuple(List.of(first), ExprContext.Load, loc(s));
      }
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (at(RSQB)) {
        break;
      }
      elts.add(sliceItem());
    }
    return new Tuple(elts, ExprContext.Load, loc(s));
  }

  private Expr sliceItem() {
    int s = p;
    if (at(STAR)) {
      p++;
      Expr v = bitwiseOr();
      return new Starred(v, ExprContext.Load, loc(s));
    }
    Expr lower = null;
    if (!at(COLON)) {
      lower = namedExpression();
      if (!at(COLON)) {
        return lower;
      }
    }
    p++; // ':'
    Expr upper = null;
    Expr step = null;
    if (!at(COLON) && !at(COMMA) && !at(RSQB)) {
      upper = expression();
    }
    if (eat(COLON)) {
      if (!at(COMMA) && !at(RSQB)) {
        step = expression();
      }
    }
    return new Slice(lower, upper, step, loc(s));
  }

  private Expr atom() {
    int s = p;
    switch (k()) {
      case NAME -> {
        p++;
        return new Name(value[s], ExprContext.Load, tokenLoc(s));
      }
      case NUMBER -> {
        return number();
      }
      case STRING, FSTRING_START -> {
        return strings();
      }
      case TRUE -> {
        p++;
        return new Constant(Boolean.TRUE, null, tokenLoc(s));
      }
      case FALSE -> {
        p++;
        return new Constant(Boolean.FALSE, null, tokenLoc(s));
      }
      case NONE -> {
        p++;
        return new Constant(Singleton.NONE, null, tokenLoc(s));
      }
      case ELLIPSIS -> {
        p++;
        return new Constant(Singleton.ELLIPSIS, null, tokenLoc(s));
      }
      case LPAR -> {
        return parenthesized();
      }
      case LSQB -> {
        return listDisplay();
      }
      case LBRACE -> {
        return dictOrSet();
      }
      default -> {
        if (at(ERROR)) {
          throw invalid();
        }
        if (at(NEWLINE) || at(ENDMARKER)) {
          throw invalid();
        }
        throw invalid();
      }
    }
  }

  private Expr number() {
    int s = p;
    p++;
    return new Constant(Numbers.parse(value[s]), null, tokenLoc(s));
  }

  private Expr parenthesized() {
    int s = p;
    p++;
    enter();
    try {
      if (eat(RPAR)) {
        return new Tuple(List.of(), ExprContext.Load, loc(s));
      }
      if (at(YIELD)) {
        Expr y = yieldExpr();
        expect(RPAR);
        return y;
      }
      if (at(DOUBLESTAR)) {
        throw dictUnpacking("generator expression", "cannot use double starred expression here");
      }
      Expr first;
      if (at(STAR) && (k(1) == NOT || k(1) == LAMBDA)) {
        first = starredExpressionBeforeFor(p);
      } else {
        first = starNamedExpression();
        if (first instanceof Starred && !at(FOR) && !at(ASYNC) && !at(COMMA) && !at(RPAR)) {
          // A generator expression unpacks '*' expression, not only '*' bitwise_or.
          first = starredExpressionBeforeFor(s + 1);
        }
      }
      if (at(FOR) || at(ASYNC)) {
        List<Comprehension> gens = comprehensionClauses();
        expect(RPAR);
        return new GeneratorExp(first, gens, loc(s));
      }
      if (eat(RPAR)) {
        if (first instanceof Starred) {
          throw error(s + 1, "cannot use starred expression here");
        }
        return first;
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (at(RPAR)) {
          break;
        }
        elts.add(sequenceElement());
      }
      expect(RPAR);
      return new Tuple(elts, ExprContext.Load, loc(s));
    } finally {
      depth--;
    }
  }

  private Expr listDisplay() {
    int s = p;
    p++;
    enter();
    try {
      if (eat(RSQB)) {
        return new Ast.List(List.of(), ExprContext.Load, loc(s));
      }
      if (at(DOUBLESTAR)) {
        throw dictUnpacking("list comprehension", "cannot use dict unpacking here");
      }
      Expr first = sequenceElement();
      if (at(FOR) || at(ASYNC)) {
        List<Comprehension> gens = comprehensionClauses();
        expect(RSQB);
        return new ListComp(first, gens, loc(s));
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (at(RSQB)) {
          break;
        }
        elts.add(sequenceElement());
      }
      if (at(FOR) || at(ASYNC)) {
        throw error(s + 1, "did you forget parentheses around the comprehension target?");
      }
      expect(RSQB);
      return new Ast.List(elts, ExprContext.Load, loc(s));
    } finally {
      depth--;
    }
  }

  private Expr dictOrSet() {
    int s = p;
    p++;
    enter();
    try {
      if (eat(RBRACE)) {
        return new Dict(List.of(), List.of(), loc(s));
      }
      if (at(DOUBLESTAR)) {
        return dictStartingWithUnpacking(s);
      }
      Expr first = sequenceElement();
      if (at(COLON) && first instanceof Starred) {
        throw error(s + 1, "cannot use a starred expression in a dictionary key");
      }
      if (at(COLON)) {
        p++;
        Expr v = expression();
        if (at(FOR) || at(ASYNC)) {
          List<Comprehension> gens = comprehensionClauses();
          expect(RBRACE);
          return new DictComp(first, v, gens, loc(s));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        keys.add(first);
        values.add(v);
        if (!eat(COMMA)) {
          expect(RBRACE);
          return new Dict(keys, values, loc(s));
        }
        return dictRest(s, keys, values);
      }
      if (at(FOR) || at(ASYNC)) {
        List<Comprehension> gens = comprehensionClauses();
        expect(RBRACE);
        return new SetComp(first, gens, loc(s));
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (at(RBRACE)) {
          break;
        }
        elts.add(sequenceElement());
      }
      if (at(FOR) || at(ASYNC)) {
        throw error(s + 1, "did you forget parentheses around the comprehension target?");
      }
      expect(RBRACE);
      return new Set(elts, loc(s));
    } finally {
      depth--;
    }
  }

  /**
   * A dict display or comprehension whose first item is {@code **}: in a display it unpacks a
   * bitwise_or, in a comprehension (PEP 798) an expression, {@code {**m for m in ms}}.
   */
  private Expr dictStartingWithUnpacking(int s) {
    int star = p;
    p++;
    Expr v = at(NOT) || at(LAMBDA) ? null : bitwiseOr();
    if (at(COLON)) {
      throw error(star, "cannot use dict unpacking in a dictionary key");
    }
    if (v == null || !at(FOR) && !at(ASYNC) && !at(COMMA) && !at(RBRACE)) {
      boolean bitwiseOrUnpacked = v != null;
      p = star + 1;
      v = expression();
      if (!at(FOR) && !at(ASYNC)) {
        if (v instanceof IfExp) {
          throw error(
              star,
              "invalid double starred expression. Did you forget to wrap the conditional"
                  + " expression in parentheses?");
        }
        // CPython then reads a set display, where '**' bitwise_or is the error.
        throw bitwiseOrUnpacked ? error(star, "cannot use dict unpacking here") : invalid();
      }
    }
    if (at(FOR) || at(ASYNC)) {
      List<Comprehension> gens = comprehensionClauses();
      expect(RBRACE);
      return new DictComp(v, null, gens, loc(s));
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    keys.add(null);
    values.add(v);
    if (!eat(COMMA)) {
      expect(RBRACE);
      return new Dict(keys, values, loc(s));
    }
    return dictRest(s, keys, values);
  }

  /** The remaining items of a dict display, after a comma. */
  private Expr dictRest(int s, List<Expr> keys, List<Expr> values) {
    while (!at(RBRACE)) {
      if (eat(DOUBLESTAR)) {
        keys.add(null);
        values.add(bitwiseOr());
      } else {
        Expr key = expression();
        if (!at(COLON)) {
          // CPython's invalid_kvpair points at the key's last character, on its first line.
          throw new SyntaxError(
              p, key.loc().line(), key.loc().endCol() - 1, "':' expected after dictionary key");
        }
        p++;
        keys.add(key);
        values.add(expression());
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    if (at(FOR) || at(ASYNC)) {
      // CPython then reads the braces as a set display, where a leading ** is the error.
      throw keys.get(0) == null ? error(s + 1, "cannot use dict unpacking here") : invalid();
    }
    expect(RBRACE);
    return new Dict(keys, values, loc(s));
  }

  private List<Comprehension> comprehensionClauses() {
    List<Comprehension> gens = new ArrayList<>();
    while (at(FOR) || (at(ASYNC) && k(1) == FOR)) {
      int isAsync = eat(ASYNC) ? 1 : 0;
      p++; // 'for'
      Expr target = starTargets();
      expect(IN);
      Expr iter = disjunction();
      List<Expr> ifs = new ArrayList<>();
      while (eat(IF)) {
        ifs.add(disjunction());
      }
      gens.add(new Comprehension(target, iter, ifs, isAsync));
    }
    return gens;
  }

  // ---------------------------------------------------------------- strings

  /** One or more adjacent string, f-string and t-string literals, concatenated as CPython does. */
  private Expr strings() {
    int s = p;
    List<Expr> parts = new ArrayList<>();
    while (at(STRING) || at(FSTRING_START)) {
      if (at(STRING)) {
        parts.add(strings.literal(p));
        p++;
      } else {
        parts.add(fstring());
      }
    }
    return strings.concatenate(parts, s, loc(s));
  }

  /** An f-string, or a t-string when FSTRING_START has the {@code t} prefix. */
  private Expr fstring() {
    int start = p;
    String prefix = value[p];
    boolean raw = prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    boolean template = prefix.indexOf('t') >= 0 || prefix.indexOf('T') >= 0;
    String kind = template ? "t-string" : "f-string";
    p++;
    List<Expr> values = new ArrayList<>();
    while (!at(FSTRING_END)) {
      if (at(FSTRING_MIDDLE)) {
        Expr c = strings.fstringMiddle(p, raw);
        if (c != null) {
          values.add(c);
        }
        p++;
      } else if (at(LBRACE)) {
        replacementField(values, raw, kind, template);
      } else {
        throw invalid();
      }
    }
    p++;
    return template ? new TemplateStr(values, loc(start)) : new JoinedStr(values, loc(start));
  }

  /**
   * A {@code {...}} field of a literal of the given kind ("f-string" or "t-string"); adds a
   * FormattedValue, or an Interpolation for a field of a t-string itself (fields in its format
   * specs stay FormattedValues, as in CPython), preceded by the text of a {@code =} debug.
   */
  private void replacementField(List<Expr> into, boolean raw, String kind, boolean interpolation) {
    int open = p;
    p++;
    if (at(RBRACE)) {
      throw error(p, kind + ": valid expression required before '}'");
    }
    Expr v = at(YIELD) ? yieldExpr() : starExpressions();
    int expressionEnd = tend[p - 1];
    boolean debug = eat(EQUAL);
    int debugEnd = p;
    int conversion = -1;
    int conversionTok = -1;
    if (eat(EXCLAMATION)) {
      conversionTok = p;
      if (!at(NAME) || tstart[p] != tend[p - 1]) {
        throw error(p, kind + ": missing conversion character");
      }
      String c = value[p];
      if (!(c.equals("s") || c.equals("r") || c.equals("a"))) {
        throw error(
            p, kind + ": invalid conversion character '" + c + "': expected 's', 'r', or 'a'");
      }
      conversion = c.charAt(0);
      p++;
    }
    JoinedStr spec = null;
    if (at(COLON)) {
      int colon = p;
      p++;
      List<Expr> items = new ArrayList<>();
      while (!at(RBRACE)) {
        if (at(FSTRING_MIDDLE)) {
          Expr c = strings.fstringMiddle(p, raw);
          if (c != null) {
            items.add(c);
          }
          p++;
        } else if (at(LBRACE)) {
          replacementField(items, raw, kind, false);
        } else {
          throw expected("'}'");
        }
      }
      spec = new JoinedStr(strings.fold(items, false), loc(colon));
    }
    if (!at(RBRACE)) {
      throw error(p, kind + ": expecting '}'");
    }
    p++;
    Loc l = loc(open);
    if (debug && conversion == -1 && spec == null) {
      conversion = 'r';
    }
    if (debug) {
      String debugText = text.substring(tend[open], tstart[debugEnd]);
      int endLn;
      int endC;
      if (conversionTok >= 0) {
        endLn = line[conversionTok];
        endC = col[conversionTok] - 1;
      } else if (spec != null) {
        endLn = spec.loc().line();
        endC = spec.loc().col();
      } else {
        endLn = l.endLine();
        endC = l.endCol() - 1;
      }
      into.add(new Constant(debugText, null, new Loc(l.line(), l.col() + 1, endLn, endC)));
    }
    into.add(
        interpolation
            ? new Interpolation(v, text.substring(tend[open], expressionEnd), conversion, spec, l)
            : new FormattedValue(v, conversion, spec, l));
  }
}
