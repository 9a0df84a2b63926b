package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link SemanticModel#kindFact}: what a value is, by where it came from; memoised per node. */
final class Kinds {
  private static final int MAX_DEPTH = 12;

  /** Methods of an ovsdbapp API that do not make a command. */
  private static final Set<String> API_NON_COMMANDS =
      Set.of("lookup", "is_table_present", "is_col_present", "start", "stop", "start_connection");

  /** Methods of a database connection or engine that give a connection to the same database. */
  private static final Set<String> SQL_CONNECTION_METHODS =
      Set.of("connect", "begin", "cursor", "raw_connection", "execution_options");

  private static final Pattern TYPE_LINE = Pattern.compile(":type\\s+(\\w+)\\s*:\\s*([\\w.]+)");
  private static final Pattern PARAM_LINE =
      Pattern.compile(":param\\s+(?:[\\w.\\[\\], ]+\\s+)?(\\w+)\\s*:([^\\n]*)");

  private final SemanticModel model;
  private final Map<Expr, KindFact> memo = new IdentityHashMap<>();
  private final Map<Ast.FunctionLike, KindFact> returnsMemo = new IdentityHashMap<>();

  /** The calls of each same-file function, by callee; built on first use. */
  private Map<Ast.FunctionLike, List<Ast.Call>> callers;

  Kinds(SemanticModel model) {
    this.model = model;
  }

  KindFact fact(Expr e) {
    KindFact f = fact(e, 0);
    return f == null ? KindFact.UNKNOWN : f;
  }

  private KindFact fact(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return KindFact.UNKNOWN;
    }
    KindFact cached = memo.get(e);
    if (cached != null) {
      return cached;
    }
    memo.put(e, KindFact.UNKNOWN); // cycle guard
    KindFact f = compute(e, depth);
    if (f == null) {
      f = KindFact.UNKNOWN;
    }
    memo.put(e, f);
    return f;
  }

  private KindFact compute(Expr e, int depth) {
    switch (e) {
      case Ast.Constant c -> {
        return KindFact.of(ValueKind.LITERAL, Evidence.ORIGIN);
      }
      case Ast.JoinedStr j -> {
        return KindFact.of(ValueKind.LITERAL, Evidence.ORIGIN);
      }
      case Ast.Await a -> {
        return fact(a.value(), depth + 1);
      }
      case Ast.Call c -> {
        return call(c, depth);
      }
      case Ast.Name n -> {
        KindFact f = name(n, depth);
        return f.isKnown() || f.isOther() ? f : orName(n.id());
      }
      case Ast.Attribute a -> {
        KindFact f = attribute(a, depth);
        return f.isKnown() || f.isOther() ? f : orName(a.attr());
      }
      case Ast.Dict d -> {
        return KindFact.OTHER;
      }
      case Ast.List l -> {
        return KindFact.OTHER;
      }
      case Ast.Set st -> {
        return KindFact.OTHER;
      }
      case Ast.Tuple t -> {
        return KindFact.OTHER;
      }
      case Ast.DictComp d -> {
        return KindFact.OTHER;
      }
      case Ast.ListComp l -> {
        return KindFact.OTHER;
      }
      case Ast.SetComp st -> {
        return KindFact.OTHER;
      }
      case Ast.Lambda l -> {
        return KindFact.OTHER;
      }
      default -> {
        return KindFact.UNKNOWN;
      }
    }
  }

  private static KindFact orName(String name) {
    KindFact f = KnownTypes.byName(name);
    return f == null ? KindFact.UNKNOWN : f;
  }

  private KindFact call(Ast.Call c, int depth) {
    String q = model.callName(c);
    KindFact known = KnownTypes.lookup(q);
    if (known != null) {
      return known;
    }
    if (c.func() instanceof Ast.Attribute a) {
      String method = a.attr();
      if (method.equals("start") && a.value() instanceof Ast.Call inner) {
        KindFact started = KnownTypes.startedIdl(model.callName(inner));
        if (started != null) {
          return started;
        }
      }
      KindFact receiver = fact(a.value(), depth + 1);
      switch (receiver.kind()) {
        case OVSDB_API -> {
          if (method.equals("transaction") || method.equals("create_transaction")) {
            return receiver.withKind(ValueKind.OVSDB_TRANSACTION);
          }
          if (!API_NON_COMMANDS.contains(method)) {
            return receiver.withKind(ValueKind.OVSDB_COMMAND);
          }
          return KindFact.UNKNOWN;
        }
        case SQL_CONNECTION -> {
          // engine.connect(), conn.begin(): the same database, through the same settings.
          return SQL_CONNECTION_METHODS.contains(method) ? receiver : KindFact.UNKNOWN;
        }
        case POOL -> {
          if (method.equals("submit")) {
            return receiver.withKind(ValueKind.FUTURE);
          }
          if (method.equals("spawn") || method.equals("spawn_after")) {
            return receiver.withKind(ValueKind.THREAD);
          }
          return KindFact.UNKNOWN;
        }
        default -> {}
      }
      if (method.equals("submit") && receiver.kind() == ValueKind.UNKNOWN) {
        // executor.submit(...) on an executor the file does not show: still a future.
        return KindFact.of(ValueKind.FUTURE, Evidence.NAME);
      }
    }
    Ast.ClassDef cls = model.sameFileClass(c.func());
    if (cls != null) {
      KindFact k = classKind(cls, depth);
      return k.isKnown() || !isPlainClass(cls) ? k : KindFact.OTHER;
    }
    Ast.FunctionLike fn = model.calledFunction(c);
    if (fn != null) {
      return returnsKind(fn, depth);
    }
    return KindFact.UNKNOWN;
  }

  /** The kind of an instance of a same-file class: that of a known base, one level. */
  private KindFact classKind(Ast.ClassDef cls, int depth) {
    for (Expr base : cls.bases()) {
      KindFact f = KnownTypes.lookup(model.qualifiedName(base));
      if (f != null) {
        return f;
      }
      Ast.ClassDef inner = model.sameFileClass(base);
      if (inner != null && inner != cls && depth < MAX_DEPTH) {
        for (Expr b2 : inner.bases()) {
          KindFact f2 = KnownTypes.lookup(model.qualifiedName(b2));
          if (f2 != null) {
            return f2;
          }
        }
      }
    }
    return KindFact.UNKNOWN;
  }

  /**
   * Whether a class of the file derives only from {@code object} and other classes of the file: its
   * instances then are none of the known kinds, whatever they are called.
   */
  private boolean isPlainClass(Ast.ClassDef cls) {
    for (Expr base : cls.bases()) {
      if (!"object".equals(model.qualifiedName(base)) && model.sameFileClass(base) == null) {
        return false;
      }
    }
    return true;
  }

  /** The kind a same-file function returns: its annotation, else its first known return. */
  private KindFact returnsKind(Ast.FunctionLike fn, int depth) {
    KindFact cached = returnsMemo.get(fn);
    if (cached != null) {
      return cached;
    }
    returnsMemo.put(fn, KindFact.UNKNOWN);
    KindFact result = KindFact.UNKNOWN;
    KindFact annotated = annotationKind(fn.returns());
    if (annotated != null) {
      result = annotated;
    } else {
      for (Expr r : model.returns(fn)) {
        KindFact f = fact(r, depth + 1);
        if (f.fromEvidence() && f.kind() != ValueKind.LITERAL) {
          result = f.withEvidence(Evidence.ORIGIN);
          break;
        }
      }
    }
    returnsMemo.put(fn, result);
    return result;
  }

  private KindFact name(Ast.Name n, int depth) {
    Binding b = model.reachingBinding(n);
    if (b == null) {
      return KindFact.UNKNOWN;
    }
    return binding(b, depth);
  }

  private KindFact binding(Binding b, int depth) {
    switch (b.kind()) {
      case ASSIGNMENT, ANNOTATED_ASSIGNMENT, WALRUS, AUGMENTED_ASSIGNMENT -> {
        if (b.kind() == Binding.Kind.ANNOTATED_ASSIGNMENT) {
          KindFact f = annotationKind(((Ast.AnnAssign) b.node()).annotation());
          if (f != null) {
            return f;
          }
        }
        if (b.value() != null) {
          return fact(b.value(), depth + 1);
        }
        return element(b.source(), b.index(), depth);
      }
      case WITH_TARGET -> {
        return b.index() < 0 ? fact(b.source(), depth + 1) : KindFact.UNKNOWN;
      }
      case PARAMETER -> {
        return parameter((Ast.Arg) b.target(), b.scope(), depth);
      }
      default -> {
        return KindFact.UNKNOWN;
      }
    }
  }

  /** The kind of element {@code index} of a tuple-valued expression. */
  private KindFact element(Expr source, int index, int depth) {
    if (index < 0 || !(source instanceof Ast.Call c)) {
      return KindFact.UNKNOWN;
    }
    KindFact f = KnownTypes.element(model.callName(c), index);
    if (f != null) {
      return f;
    }
    Ast.FunctionLike fn = model.calledFunction(c);
    if (fn != null && depth < MAX_DEPTH) {
      for (Expr r : model.returns(fn)) {
        List<Expr> elts = SemanticModel.literalElements(r);
        if (elts != null && index < elts.size()) {
          KindFact ef = fact(elts.get(index), depth + 1);
          if (ef.fromEvidence()) {
            return ef.withEvidence(Evidence.ORIGIN);
          }
        }
      }
    }
    return KindFact.UNKNOWN;
  }

  private KindFact attribute(Ast.Attribute a, int depth) {
    Ast.ClassDef cls = model.ownerClass(a);
    if (cls != null) {
      boolean onlyOther = false;
      boolean first = true;
      for (SemanticModel.AttributeAssignment as : model.attributeAssignments(cls, a.attr())) {
        if (as.value() instanceof Ast.Constant c && c.isNone()) {
          continue; // "self._x = None" placeholders say nothing
        }
        KindFact f;
        if (as.node() instanceof Ast.AnnAssign ann && annotationKind(ann.annotation()) != null) {
          f = annotationKind(ann.annotation());
        } else if (as.value() != null) {
          f = fact(as.value(), depth + 1);
        } else {
          f = element(as.source(), as.index(), depth);
        }
        if (f.fromEvidence()) {
          return f;
        }
        onlyOther = f.isOther() && (onlyOther || first);
        first = false;
      }
      for (Expr r : model.propertyReturns(cls, a.attr())) {
        KindFact f = fact(r, depth + 1);
        if (f.fromEvidence()) {
          return f;
        }
      }
      // Every assignment is a dict, a list, a plain object of the file: the name says nothing.
      return onlyOther ? KindFact.OTHER : KindFact.UNKNOWN;
    }
    if (a.attr().equals("ovsdb") && isOvsLibObject(a.value(), depth)) {
      return new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.OVS);
    }
    if (a.attr().equals("idl") || a.attr().equals("ovsdb_connection")) {
      KindFact owner = fact(a.value(), depth + 1);
      if (owner.kind() == ValueKind.OVSDB_API && owner.fromEvidence()) {
        return owner.withKind(ValueKind.OVSDB_IDL);
      }
    }
    return KindFact.UNKNOWN;
  }

  /** {@code ovs_lib.BaseOVS()} or {@code OVSBridge(...)}, directly or through a name. */
  private boolean isOvsLibObject(Expr e, int depth) {
    Expr v = model.resolve(e);
    if (v instanceof Ast.Attribute a && model.ownerClass(a) != null && depth < MAX_DEPTH) {
      for (Expr x : model.attributeValues(a)) {
        if (x instanceof Ast.Call c && KnownTypes.isOvsLibClass(model.callName(c))) {
          return true;
        }
      }
    }
    return v instanceof Ast.Call c && KnownTypes.isOvsLibClass(model.callName(c));
  }

  /**
   * A parameter's kind from its annotation, the request of a {@code @webob.dec.wsgify} handler, its
   * function's docstring, else from what every call of the function in the file passes.
   */
  private KindFact parameter(Ast.Arg p, Scope scope, int depth) {
    KindFact f = annotationKind(p.annotation());
    if (f != null) {
      return f.withEvidence(Evidence.ANNOTATION);
    }
    if (!(scope.node() instanceof Ast.FunctionLike fn)) {
      return KindFact.UNKNOWN;
    }
    if (isHandledRequest(fn, p)) {
      return KindFact.of(ValueKind.HTTP_REQUEST, Evidence.ORIGIN);
    }
    KindFact documented = docstringKind(fn, p.arg());
    return documented.isKnown() ? documented : passedKind(fn, p, depth);
  }

  /** Whether a parameter is the request a {@code @webob.dec.wsgify} function is called with. */
  private boolean isHandledRequest(Ast.FunctionLike fn, Ast.Arg p) {
    boolean handler = false;
    for (Expr d : fn.decoratorList()) {
      Expr decorator = d instanceof Ast.Call c ? c.func() : d;
      handler |= KnownTypes.isRequestHandlerDecorator(model.qualifiedName(decorator));
    }
    List<Ast.Arg> params = fn.args().args();
    int first = model.classOfMethod(fn) != null ? 1 : 0;
    return handler && params.size() > first && params.get(first) == p;
  }

  /**
   * The kind every call of a same-file function passes for a parameter, when the file calls it and
   * each call passes a value known (not by its name) to be of that one kind.
   */
  private KindFact passedKind(Ast.FunctionLike fn, Ast.Arg p, int depth) {
    List<Ast.Call> calls = callsOf(fn);
    if (calls.isEmpty() || depth >= MAX_DEPTH) {
      return KindFact.UNKNOWN;
    }
    List<Ast.Arg> positional = new ArrayList<>(fn.args().posonlyargs());
    positional.addAll(fn.args().args());
    int index = positional.indexOf(p);
    KindFact agreed = null;
    for (Ast.Call c : calls) {
      Expr arg = passedArgument(fn, c, p, index);
      KindFact f = arg == null ? KindFact.UNKNOWN : fact(arg, depth + 1);
      if (!f.fromEvidence() || f.kind() == ValueKind.LITERAL) {
        return KindFact.UNKNOWN;
      }
      if (agreed == null) {
        agreed = f.withEvidence(Evidence.ORIGIN);
      } else if (agreed.kind() != f.kind()) {
        return KindFact.UNKNOWN;
      }
    }
    return agreed;
  }

  /** What a call passes for a parameter (at {@code index} among the positional ones), or null. */
  private Expr passedArgument(Ast.FunctionLike fn, Ast.Call c, Ast.Arg p, int index) {
    for (Ast.Keyword k : c.keywords()) {
      if (k.arg() == null) {
        return null; // **kwargs: cannot tell
      }
      if (k.arg().equals(p.arg())) {
        return k.value();
      }
    }
    if (index < 0) {
      return null;
    }
    int skip = c.func() instanceof Ast.Attribute && model.classOfMethod(fn) != null ? 1 : 0;
    int at = index - skip;
    if (at < 0 || at >= c.args().size()) {
      return null;
    }
    for (int i = 0; i <= at; i++) {
      if (c.args().get(i) instanceof Ast.Starred) {
        return null;
      }
    }
    return c.args().get(at);
  }

  /** The calls of the file that call a same-file function; the index is built on first use. */
  private List<Ast.Call> callsOf(Ast.FunctionLike fn) {
    if (callers == null) {
      callers = new IdentityHashMap<>();
      for (Ast.Call c : model.calls()) {
        Ast.FunctionLike callee = model.calledFunction(c);
        if (callee != null) {
          callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(c);
        }
      }
    }
    return callers.getOrDefault(fn, List.of());
  }

  /** The kind an annotation names: a known type, {@code Optional[X]}, or a same-file class. */
  private KindFact annotationKind(Expr annotation) {
    Expr t = annotation;
    for (int i = 0; i < 4 && t != null; i++) {
      if (t instanceof Ast.Subscript s
          && "Optional".equals(lastOf(model.qualifiedName(s.value())))) {
        t = s.slice();
      } else if (t instanceof Ast.BinOp b && b.op() == Ast.Operator.BitOr) {
        t = b.right() instanceof Ast.Constant c && c.isNone() ? b.left() : b.right();
      } else {
        break;
      }
    }
    if (t == null) {
      return null;
    }
    String q =
        t instanceof Ast.Constant c && c.value() instanceof String s
            ? model.imports().resolve(s.strip())
            : model.qualifiedName(t);
    KindFact f = KnownTypes.lookup(q);
    if (f != null) {
      return f.withEvidence(Evidence.ANNOTATION);
    }
    Ast.ClassDef cls = model.sameFileClass(t);
    if (cls != null) {
      KindFact k = classKind(cls, 0);
      return k.isKnown() ? k.withEvidence(Evidence.ANNOTATION) : null;
    }
    return null;
  }

  private static String lastOf(String q) {
    return q == null ? null : SemanticModel.lastPart(q);
  }

  /** {@code :type name: threading.Thread}, or {@code :param nb_idl: the NB API}. */
  private KindFact docstringKind(Ast.FunctionLike fn, String param) {
    String doc = SemanticModel.docstring(fn.body());
    if (doc == null) {
      return KindFact.UNKNOWN;
    }
    Matcher m = TYPE_LINE.matcher(doc);
    while (m.find()) {
      if (m.group(1).equals(param)) {
        KindFact f = KnownTypes.lookup(model.imports().resolve(m.group(2)));
        if (f != null) {
          return f.withEvidence(Evidence.DOCSTRING);
        }
      }
    }
    m = PARAM_LINE.matcher(doc);
    while (m.find()) {
      if (m.group(1).equals(param)) {
        KindFact f = describedKind(m.group(2));
        if (f != null) {
          return f;
        }
      }
    }
    return KindFact.UNKNOWN;
  }

  /** The OVSDB API a prose description names ("the OVN Northbound API", "SB IDL"). */
  private static KindFact describedKind(String text) {
    String t = " " + text.replaceAll("[^A-Za-z0-9]+", " ") + " ";
    String lower = t.toLowerCase(Locale.ROOT);
    boolean api = lower.contains(" api ") || lower.contains(" idl ") || lower.contains(" ovsdb ");
    if (!api) {
      return null;
    }
    OvsdbDatabase db;
    if (t.contains(" NB ") || lower.contains("northbound")) {
      db = OvsdbDatabase.NB;
    } else if (t.contains(" SB ") || lower.contains("southbound")) {
      db = OvsdbDatabase.SB;
    } else if (t.contains(" OVS ") || lower.contains("open vswitch")) {
      db = OvsdbDatabase.OVS;
    } else {
      return null;
    }
    return new KindFact(ValueKind.OVSDB_API, Evidence.DOCSTRING, db);
  }
}
