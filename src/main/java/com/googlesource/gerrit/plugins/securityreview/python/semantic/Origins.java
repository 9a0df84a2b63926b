package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One walk for "is this string built from parts that are not safe": where a string comes from
 * ({@link Origin}), judged by an {@link OriginPolicy}. Names are followed to the value reaching
 * them ({@link SemanticModel#reachingValue}), a policy-given number of steps.
 */
public final class Origins {
  private static final Pattern CONSTANT_NAME = Pattern.compile("_*[A-Z][A-Z0-9_]*");

  /** Methods whose result carries the receiver's content, for policies that trust calls. */
  private static final Set<String> RECEIVER_METHODS =
      Set.of(
          "strip",
          "lstrip",
          "rstrip",
          "lower",
          "upper",
          "title",
          "capitalize",
          "replace",
          "split",
          "get",
          "items",
          "values",
          "keys",
          "copy");

  /** Conversions to text, for policies that trust calls: data stays data. */
  private static final Set<String> TO_TEXT =
      Set.of("str", "django.utils.encoding.force_str", "six.text_type", "format");

  private static final Pattern SPEC =
      Pattern.compile(
          "%(\\(([^)]*)\\))?[-#0 +]*(?:\\*|\\d+)?(?:\\.(?:\\*|\\d+))?[hlL]?([a-zA-Z%])");
  private static final String NUMERIC = "diouxXeEfFgGc";

  /** Nesting beyond this (deep unary or bracket chains) is judged unsafe without looking. */
  private static final int MAX_NESTING = 400;

  private final SemanticModel model;
  private final OriginPolicy policy;
  private int nesting;
  private Map<Ast.Name, Boolean> judgedNames = new IdentityHashMap<>();

  /**
   * Under {@link OriginPolicy#constantsSafe}, the same-file calls being followed into their
   * function, innermost first: a parameter of that function is judged by the call's argument.
   */
  private final ArrayDeque<Frame> frames = new ArrayDeque<>();

  /** Attributes of {@code self} being judged, against cycles ({@code self.x = self.x + 'a'}). */
  private final Set<Ast.Expr> judgingAttributes =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /** A call followed into the function it calls, with the name judgements made inside it. */
  private record Frame(Call call, Ast.FunctionLike function, Map<Ast.Name, Boolean> judgedNames) {}

  private Origins(SemanticModel model, OriginPolicy policy) {
    this.model = model;
    this.policy = policy;
  }

  /** Where a string comes from, under a policy. */
  public static Origin of(SemanticModel model, Expr e, OriginPolicy policy) {
    return new Origins(model, policy).origin(e, 0);
  }

  /** The first part of an expression that the policy does not count as safe, or null. */
  public static Expr firstUnsafePart(SemanticModel model, Expr e, OriginPolicy policy) {
    return new Origins(model, policy).unsafe(e, 0);
  }

  private Origin origin(Expr e, int depth) {
    if (policy.tenantOnly()) {
      return tenantOrigin(e);
    }
    Origin o = plainOrigin(e, depth);
    if (o.kind() == Origin.Kind.BUILT && o.value() != null) {
      TenantSource t = model.tenantSource(o.value()).orElse(null);
      if (t != null) {
        return new Origin(Origin.Kind.TENANT, o.how(), o.value(), t);
      }
    }
    return o;
  }

  private Origin tenantOrigin(Expr e) {
    Expr shown = e instanceof Ast.Name n ? model.resolve(n) : e;
    String how = how(shown);
    TenantSource t = model.tenantSource(e).orElse(null);
    if (t == null || (policy.freeFormOnly() && !t.freeForm())) {
      return Origin.LITERAL;
    }
    return new Origin(Origin.Kind.TENANT, how, t.source(), t);
  }

  private String how(Expr e) {
    return switch (e) {
      case Ast.JoinedStr j -> "as an f-string";
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> "with `%`";
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> "with `+`";
      case Call c when isFormat(c) -> "with `str.format`";
      case Call c when isJoin(c) -> "by joining";
      case null, default -> null;
    };
  }

  private Origin plainOrigin(Expr e, int depth) {
    switch (e) {
      case null -> {
        return Origin.opaque(null);
      }
      case Ast.Constant c -> {
        return Origin.LITERAL;
      }
      case Ast.JoinedStr j -> {
        Expr v = unsafe(j, depth);
        return v == null ? Origin.LITERAL : Origin.built("as an f-string", v);
      }
      case Ast.TemplateStr t -> {
        // A t-string is not formatted: its parts reach the consumer apart, for it to escape.
        return Origin.LITERAL;
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Mod && isStringLiteral(b.left()) -> {
        Expr v = percentUnsafe(b, depth);
        return v == null ? Origin.LITERAL : Origin.built("with `%`", v);
      }
      case Call c when isFormat(c) -> {
        Expr v = unsafeArgument(c, depth);
        return v == null ? Origin.LITERAL : Origin.built("with `str.format`", v);
      }
      case Call c when isJoin(c) && policy.joinLooksIntoParts() -> {
        Expr v = unsafe(c.args().get(0), depth);
        return v == null ? Origin.LITERAL : Origin.built("by joining", v);
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> {
        return addOrigin(b, depth);
      }
      case Ast.Name n when isConstantName(n) || isRangeIndex(n) -> {
        return Origin.LITERAL;
      }
      case Ast.Name n when policy.everyReachingBinding() -> {
        if (unsafe(n, depth) == null) {
          return Origin.LITERAL;
        }
        Origin o = lastBindingOrigin(n, depth);
        return o.isLiteral() ? Origin.opaque(n) : o;
      }
      case Ast.Name n -> {
        return lastBindingOrigin(n, depth);
      }
      case Ast.Attribute a when isSafeAttribute(a) -> {
        return Origin.LITERAL;
      }
      case Ast.IfExp i -> {
        Origin body = plainOrigin(i.body(), depth);
        Origin orelse = plainOrigin(i.orelse(), depth);
        if (body.isBuilt() || (!orelse.isBuilt() && !body.isLiteral())) {
          return body;
        }
        return orelse;
      }
      case Call c when isNumeric(c) || isEscaping(c) || isSafeCall(c) -> {
        return Origin.LITERAL;
      }
      case Call c when policy.constantsSafe() && model.calledFunction(c) != null -> {
        return calledOrigin(c, model.calledFunction(c), depth);
      }
      default -> {
        return Origin.opaque(e);
      }
    }
  }

  /**
   * A call of a same-file function: built when one of its returns is built from a part that is not
   * safe (its parameters judged by this call's arguments), literal when every return is.
   */
  private Origin calledOrigin(Call c, Ast.FunctionLike fn, int depth) {
    if (!enter(c, fn)) {
      return Origin.opaque(c);
    }
    try {
      boolean literal = !model.returns(fn).isEmpty();
      for (Expr r : model.returns(fn)) {
        Origin o = plainOrigin(r, depth + 1);
        if (o.isBuilt()) {
          return Origin.built(o.how() + " in `" + fn.name() + "()`", o.value());
        }
        literal &= o.isLiteral();
      }
      return literal ? Origin.LITERAL : Origin.opaque(c);
    } finally {
      leave();
    }
  }

  /** Starts following a call into its function; false when it is already being followed. */
  private boolean enter(Call c, Ast.FunctionLike fn) {
    if (frames.size() >= policy.maxNameDepth()) {
      return false;
    }
    for (Frame f : frames) {
      if (f.function() == fn) {
        return false;
      }
    }
    frames.push(new Frame(c, fn, judgedNames));
    judgedNames = new IdentityHashMap<>();
    return true;
  }

  private void leave() {
    judgedNames = frames.pop().judgedNames();
  }

  private Origin lastBindingOrigin(Ast.Name n, int depth) {
    Expr assigned = depth < policy.maxNameDepth() ? model.reachingValue(n) : null;
    if (assigned == null || assigned == n) {
      return unresolvedSafe(n) ? Origin.LITERAL : Origin.opaque(n);
    }
    Origin o = plainOrigin(assigned, depth + 1);
    return o.kind() == Origin.Kind.OPAQUE ? Origin.opaque(n) : o;
  }

  private Origin addOrigin(Ast.BinOp b, int depth) {
    List<Expr> parts = flatten(b, Ast.Operator.Add);
    if (policy.addNeedsString()) {
      boolean stringy = false;
      Expr first = null;
      for (Expr p : parts) {
        Origin o = plainOrigin(p, depth + 1);
        stringy |= isStringLiteral(p) || o.isBuilt();
        if (!o.isLiteral() && first == null) {
          first = o.value() == null ? p : o.value();
        }
      }
      if (first == null) {
        return Origin.LITERAL;
      }
      // "a + b" of two variables: nothing says they are strings at all.
      return stringy ? Origin.built("with `+`", first) : Origin.opaque(b);
    }
    // A part before the first literal is a prefix built elsewhere (base_query + " LIMIT 1").
    boolean afterLiteral = false;
    for (Expr p : parts) {
      if (isStringLiteral(p) || p instanceof Ast.JoinedStr || isFormatted(p)) {
        afterLiteral = true;
      }
      Expr v = afterLiteral ? unsafe(p, depth) : null;
      if (v != null) {
        return Origin.built("with `+`", v);
      }
    }
    return afterLiteral ? Origin.LITERAL : Origin.opaque(b);
  }

  /** The first part that is not safe, or null. */
  private Expr unsafe(Expr e, int depth) {
    if (++nesting > MAX_NESTING) {
      nesting--;
      return e;
    }
    try {
      return unsafeParts(e, depth);
    } finally {
      nesting--;
    }
  }

  private Expr unsafeParts(Expr e, int depth) {
    return switch (e) {
      case null -> null;
      case Ast.Constant c -> null;
      case Ast.Name n when isConstantName(n) || isRangeIndex(n) -> null;
      case Ast.Name n when policy.everyReachingBinding() -> unsafeName(n, depth);
      case Ast.Name n -> {
        Expr assigned = depth < policy.maxNameDepth() ? model.reachingValue(n) : null;
        if (assigned == null || assigned == n) {
          yield unresolvedSafe(n) ? null : n;
        }
        yield unsafe(assigned, depth + 1) != null ? n : null;
      }
      case Ast.Attribute a ->
          isSafeAttribute(a) || (policy.constantsSafe() && constantAttribute(a, depth)) ? null : a;
      case Ast.Subscript s when policy.constantsSafe() ->
          unsafe(s.value(), depth) != null || unsafe(s.slice(), depth) != null ? s : null;
      case Ast.Slice s when policy.constantsSafe() ->
          firstUnsafe(Arrays.asList(s.lower(), s.upper(), s.step()), depth);
      case Ast.Tuple t -> firstUnsafe(t.elts(), depth);
      case Ast.List l -> firstUnsafe(l.elts(), depth);
      case Ast.Set s when policy.unknownCallsSafe() || policy.constantsSafe() ->
          firstUnsafe(s.elts(), depth);
      case Ast.Dict d -> firstUnsafe(d.values(), depth);
      case Ast.Starred s -> policy.starredOpaque() ? s : unsafe(s.value(), depth);
      case Ast.UnaryOp u -> unsafe(u.operand(), depth);
      case Ast.IfExp i -> {
        Expr v = unsafe(i.body(), depth);
        yield v != null ? v : unsafe(i.orelse(), depth);
      }
      case Ast.BoolOp b when policy.unknownCallsSafe() || policy.constantsSafe() ->
          firstUnsafe(b.values(), depth);
      case Ast.BinOp b
          when b.op() == Ast.Operator.Mod
              && policy.numericFormatSafe()
              && isStringLiteral(b.left()) ->
          percentUnsafe(b, depth);
      case Ast.BinOp b -> {
        List<Expr> leaves = flatten(b, null);
        yield firstUnsafe(leaves, depth);
      }
      case Ast.JoinedStr j -> {
        for (Expr part : j.values()) {
          if (part instanceof Ast.FormattedValue f) {
            Expr v = unsafe(f.value(), depth);
            if (v != null) {
              yield v;
            }
          }
        }
        yield null;
      }
      case Ast.FormattedValue f -> unsafe(f.value(), depth);
      case Ast.TemplateStr t -> null;
      case Ast.Await a when policy.unknownCallsSafe() -> unsafe(a.value(), depth);
      case Call c when isNumeric(c) || isEscaping(c) -> null;
      case Call c when isFormat(c) -> unsafeArgument(c, depth);
      case Call c when isJoin(c) && policy.placeholderJoinSafe() && isPlaceholderJoin(c, depth) ->
          null;
      case Call c when isJoin(c) && policy.joinLooksIntoParts() -> unsafe(c.args().get(0), depth);
      case Call c when policy.unknownCallsSafe() -> trustedCall(c, depth);
      case Call c when policy.constantsSafe() -> constantCallUnsafe(c, depth);
      case Ast.ListComp l when policy.unknownCallsSafe() || policy.constantsSafe() ->
          unsafe(l.elt(), depth);
      case Ast.GeneratorExp g when policy.unknownCallsSafe() || policy.constantsSafe() ->
          unsafe(g.elt(), depth);
      case Ast.SetComp c when policy.everyReachingBinding() -> unsafe(c.elt(), depth);
      default -> e;
    };
  }

  /**
   * A name under {@link OriginPolicy#everyReachingBinding}: unsafe when any binding that may reach
   * the use, or an {@code append}/{@code extend}/{@code insert} on it before the use, is. Memoised
   * per use, which also stops cycles.
   */
  private Expr unsafeName(Ast.Name n, int depth) {
    if (judgedNames.containsKey(n)) {
      return judgedNames.get(n) ? n : null;
    }
    if (depth >= policy.maxNameDepth()) {
      return unresolvedSafe(n) ? null : n;
    }
    judgedNames.put(n, false);
    boolean unsafe = false;
    List<Binding> bindings = model.reachingBindings(n);
    for (int i = 0; i < bindings.size() && !unsafe; i++) {
      unsafe = bindingUnsafe(bindings.get(i), depth);
    }
    unsafe = unsafe || appendsUnsafe(n, depth);
    if (!unsafe && bindings.isEmpty()) {
      unsafe = !unresolvedSafe(n);
    }
    judgedNames.put(n, unsafe);
    return unsafe ? n : null;
  }

  /**
   * Whether an {@code append}/{@code extend}/{@code insert} on the name before the use adds an
   * unsafe part: where the name is bound, and where it is used (a module list filled in a
   * function).
   */
  private boolean appendsUnsafe(Ast.Name n, int depth) {
    Scope used = model.scopeOf(n);
    while (used.kind() == Scope.Kind.COMPREHENSION && used.parent() != null) {
      used = used.parent();
    }
    Scope bound = model.resolvingScope(n);
    for (Scope scope : bound == null || bound == used ? List.of(used) : List.of(bound, used)) {
      for (Call c : model.appendsTo(scope, n.id())) {
        if (SemanticModel.before(c.loc(), n.loc()) && firstUnsafe(c.args(), depth + 1) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether what one binding gives a name is unsafe: parameters are, imports and defs are not. */
  private boolean bindingUnsafe(Binding b, int depth) {
    if (b.kind() == Binding.Kind.PARAMETER) {
      return argumentUnsafe(b, depth);
    }
    Expr given =
        switch (b.kind()) {
          case AUGMENTED_ASSIGNMENT -> ((Ast.AugAssign) b.node()).value();
          // Loop and unpacking targets carry what they unpack.
          case ASSIGNMENT,
              ANNOTATED_ASSIGNMENT,
              WALRUS,
              FOR_TARGET,
              COMPREHENSION_TARGET,
              WITH_TARGET ->
              b.value() != null ? b.value() : b.source();
          default -> null;
        };
    return given != null && unsafe(given, depth + 1) != null;
  }

  /**
   * A parameter: unsafe, unless the function is being followed from a call ({@link #frames}) whose
   * argument for it is safe where the call is.
   */
  private boolean argumentUnsafe(Binding parameter, int depth) {
    Frame f = frames.peek();
    if (f == null || parameter.scope().node() != f.function()) {
      return true;
    }
    Expr argument = model.argumentFor(f.call(), f.function(), (Ast.Arg) parameter.target());
    if (argument == null) {
      return true;
    }
    // The argument is judged where the call is: outside the function and its judgements.
    Map<Ast.Name, Boolean> inside = judgedNames;
    leave();
    try {
      return unsafe(argument, depth + 1) != null;
    } finally {
      frames.push(new Frame(f.call(), f.function(), judgedNames));
      judgedNames = inside;
    }
  }

  /**
   * Under {@link OriginPolicy#constantsSafe}: a folded constant, a same-file function whose every
   * return is safe, or a method of a safe receiver with safe arguments; other calls give data.
   */
  private Expr constantCallUnsafe(Call c, int depth) {
    if (model.constantValue(c).isPresent()) {
      return null;
    }
    Ast.FunctionLike fn = model.calledFunction(c);
    if (fn != null) {
      if (model.returns(fn).isEmpty() || !enter(c, fn)) {
        return c;
      }
      try {
        return firstUnsafe(model.returns(fn), depth + 1) == null ? null : c;
      } finally {
        leave();
      }
    }
    if (c.func() instanceof Ast.Attribute a
        && RECEIVER_METHODS.contains(a.attr())
        && unsafe(a.value(), depth) == null
        && unsafeArgument(c, depth) == null) {
      return null;
    }
    return c;
  }

  /**
   * Under {@link OriginPolicy#constantsSafe}: a folded constant, a setting of a database connection
   * (an attribute chain on one), or an attribute of {@code self} (or of an instance of a class of
   * this file, {@link SemanticModel#instanceClass}) whose every assigned value (or property return)
   * is safe; one the class and its same-file bases never assign is a class-level setting of its
   * subclasses.
   */
  private boolean constantAttribute(Ast.Attribute a, int depth) {
    if (model.constantValue(a).isPresent()) {
      return true;
    }
    Expr root = a;
    while (root instanceof Ast.Attribute r) {
      root = r.value();
    }
    if (model.kindOf(root) == ValueKind.SQL_CONNECTION) {
      return true;
    }
    Ast.ClassDef cls = model.ownerClass(a);
    if (cls == null) {
      // An instance of a class of this file: judged by what that class assigns.
      cls = model.instanceClass(a.value());
    }
    if (cls == null || !judgingAttributes.add(a)) {
      return cls != null;
    }
    try {
      Ast.FunctionLike method = model.method(cls, a.attr());
      if (method != null) {
        return model.isProperty(method)
            && firstUnsafe(model.propertyReturns(cls, a.attr()), depth + 1) == null;
      }
      return firstUnsafe(model.attributeValues(cls, a.attr()), depth + 1) == null;
    } finally {
      judgingAttributes.remove(a);
    }
  }

  /** For policies where the callee decides: escaping is safe, text conversions carry data. */
  private Expr trustedCall(Call c, int depth) {
    String name = model.callName(c);
    if (name != null && policy.escapingCalls().contains(name)) {
      return null;
    }
    if (name != null && TO_TEXT.contains(name)) {
      return firstUnsafe(c.args(), depth);
    }
    if (c.func() instanceof Ast.Attribute a) {
      if (a.attr().equals("format") || a.attr().equals("join")) {
        Expr v = unsafe(a.value(), depth);
        return v != null ? v : unsafeArgument(c, depth);
      }
      if (RECEIVER_METHODS.contains(a.attr())) {
        return unsafe(a.value(), depth);
      }
    }
    return null;
  }

  /** {@code "..." % values}; with numericFormatSafe, values formatted as numbers are safe. */
  private Expr percentUnsafe(Ast.BinOp b, int depth) {
    if (!policy.numericFormatSafe()
        || !(b.left() instanceof Ast.Constant c && c.value() instanceof String format)) {
      return unsafe(b.right(), depth);
    }
    List<String> keys = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    Matcher m = SPEC.matcher(format);
    while (m.find()) {
      if (m.group(3).equals("%")) {
        continue;
      }
      keys.add(m.group(2));
      numeric.add(NUMERIC.contains(m.group(3)));
    }
    if (b.right() instanceof Ast.Tuple t && t.elts().size() == numeric.size()) {
      for (int i = 0; i < numeric.size(); i++) {
        Expr v = numeric.get(i) ? null : unsafe(t.elts().get(i), depth);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    if (b.right() instanceof Ast.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) instanceof Ast.Constant k
            && k.value() instanceof String key
            && keys.contains(key)
            && numeric.get(keys.indexOf(key))) {
          continue;
        }
        Expr v = unsafe(d.values().get(i), depth);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    if (numeric.size() == 1 && numeric.get(0)) {
      return null;
    }
    return unsafe(b.right(), depth);
  }

  private Expr firstUnsafe(List<Expr> elts, int depth) {
    for (Expr x : elts) {
      Expr v = unsafe(x, depth);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private Expr unsafeArgument(Call c, int depth) {
    for (Expr a : c.args()) {
      // A starred argument's values go into the string: look at what is unpacked.
      Expr v = unsafe(a instanceof Ast.Starred s ? s.value() : a, depth);
      if (v != null) {
        return v;
      }
    }
    for (Ast.Keyword k : c.keywords()) {
      Expr v = unsafe(k.value(), depth);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** {@code ', '.join(['%s'] * len(ids))} or {@code ','.join('?' for _ in ids)}. */
  private boolean isPlaceholderJoin(Call c, int depth) {
    return switch (c.args().get(0)) {
      case Ast.BinOp b when b.op() == Ast.Operator.Mult ->
          unsafe(b.left(), depth) == null || unsafe(b.right(), depth) == null;
      case Ast.GeneratorExp g -> unsafe(g.elt(), depth) == null;
      case Ast.ListComp l -> unsafe(l.elt(), depth) == null;
      default -> false;
    };
  }

  private boolean unresolvedSafe(Ast.Name n) {
    if (!policy.unresolvedNamesSafe() || model.isParameter(n)) {
      return false;
    }
    Binding b = model.reachingBinding(n);
    return b == null || b.kind() == Binding.Kind.IMPORT || b.kind() == Binding.Kind.FUNCTION_DEF;
  }

  private boolean isConstantName(Ast.Name n) {
    return policy.upperCaseNamesSafe() && CONSTANT_NAME.matcher(n.id()).matches();
  }

  private boolean isSafeAttribute(Ast.Attribute a) {
    return policy.attributesSafe()
        || (policy.upperCaseAttributesSafe() && CONSTANT_NAME.matcher(a.attr()).matches())
        || policy.safeAttributes().contains(a.attr());
  }

  /** A loop variable of an enclosing {@code for i in range(...)} of the same scope. */
  private boolean isRangeIndex(Ast.Name n) {
    if (!policy.rangeIndexSafe()) {
      return false;
    }
    // From the statement up: expression ancestors cannot be loops, and chains can be deep.
    Ast.Node start = model.statementOf(n);
    for (Ast.Node a = start; a != null; a = model.parentOf(a)) {
      if (a instanceof Ast.For f
          && f.target() instanceof Ast.Name t
          && t.id().equals(n.id())
          && f.iter() instanceof Call c
          && c.func() instanceof Ast.Name r
          && r.id().equals("range")) {
        return true;
      }
      if (NodeVisitor.opensScope(a)) {
        return false;
      }
    }
    return false;
  }

  private boolean isNumeric(Call c) {
    return c.func() instanceof Ast.Name f && policy.numericCalls().contains(f.id());
  }

  /** A call the policy names as escaping; for HTML this is what {@link #trustedCall} says too. */
  private boolean isEscaping(Call c) {
    return !policy.escapingCalls().isEmpty()
        && policy.escapingCalls().contains(String.valueOf(model.callName(c)));
  }

  private boolean isSafeCall(Call c) {
    if (policy.normalisedSafe() && model.isNormalised(c)) {
      return true;
    }
    if (!policy.unknownCallsSafe()) {
      return false;
    }
    return trustedCall(c, 0) == null;
  }

  private boolean isStringLiteral(Expr e) {
    return e instanceof Ast.Constant c
        && (c.isString() || (policy.bytesAreStrings() && c.value() instanceof Ast.Bytes));
  }

  private boolean isFormatted(Expr e) {
    return (e instanceof Ast.BinOp b && b.op() == Ast.Operator.Mod && isStringLiteral(b.left()))
        || isFormat(e);
  }

  /** {@code "...".format(...)}. */
  private boolean isFormat(Expr e) {
    return e instanceof Call c
        && c.func() instanceof Ast.Attribute f
        && f.attr().equals("format")
        && isStringLiteral(f.value());
  }

  /** {@code " ".join(parts)}. */
  private boolean isJoin(Expr e) {
    return e instanceof Call c
        && c.func() instanceof Ast.Attribute f
        && f.attr().equals("join")
        && isStringLiteral(f.value())
        && c.args().size() == 1
        && c.keywords().isEmpty();
  }

  /** The operands of a BinOp tree, left to right, without recursion; op null: any operator. */
  static List<Expr> flatten(Expr top, Ast.Operator op) {
    List<Expr> out = new ArrayList<>();
    ArrayDeque<Expr> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (e instanceof Ast.BinOp b && (op == null || b.op() == op)) {
        stack.push(b.right());
        stack.push(b.left());
      } else {
        out.add(e);
      }
    }
    return out;
  }
}
