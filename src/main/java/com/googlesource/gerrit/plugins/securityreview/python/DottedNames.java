package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Dotted names of expressions: {@code a.b.c} for the chain {@code Attribute(Attribute(Name))}. */
public final class DottedNames {
  private DottedNames() {}

  /** The dotted name of a Name or an Attribute chain on a Name, or null for anything else. */
  public static String of(Expr e) {
    if (e instanceof Name n) {
      return n.id();
    }
    if (!(e instanceof Attribute)) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    if (!append(e, b)) {
      return null;
    }
    return b.toString();
  }

  /** The dotted name of what a call calls, or null ({@code f()()}, {@code x[0]()}). */
  public static String callee(Call call) {
    return of(call.func());
  }

  /** The first part of a dotted name: {@code subprocess} for {@code subprocess.call}. */
  public static String firstPart(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }

  /**
   * The first parts of all these dotted names: the packages a rule's tables of qualified names come
   * from, for {@code Rule.onNamesFrom}.
   */
  @SafeVarargs
  public static Set<String> firstParts(Collection<String>... names) {
    Set<String> out = new HashSet<>();
    for (Collection<String> group : names) {
      for (String n : group) {
        out.add(firstPart(n));
      }
    }
    return Set.copyOf(out);
  }

  /** The last part of a dotted name: {@code call} for {@code subprocess.call}. */
  public static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /**
   * A name without its leading underscores: {@code validate} for {@code __validate}. The same as
   * {@code name.replaceFirst("^_+", "")}, without a regular expression: rules ask it of every call.
   */
  public static String withoutLeadingUnderscores(String name) {
    int i = 0;
    while (i < name.length() && name.charAt(i) == '_') {
      i++;
    }
    return i == 0 ? name : name.substring(i);
  }

  private static boolean append(Expr e, StringBuilder b) {
    if (e instanceof Name n) {
      b.append(n.id());
      return true;
    }
    if (e instanceof Attribute a && append(a.value(), b)) {
      b.append('.').append(a.attr());
      return true;
    }
    return false;
  }
}
