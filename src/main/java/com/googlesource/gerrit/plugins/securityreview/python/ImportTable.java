package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Alias;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Import;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ImportFrom;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the names bound by a file's imports stand for, so that a call is matched by what it calls
 * rather than by how one file spells it: with {@code import subprocess as sp}, {@code sp.call}
 * resolves to {@code subprocess.call}; with {@code from oslo_log import log as logging}, {@code
 * logging.getLogger} resolves to {@code oslo_log.log.getLogger}.
 *
 * <p>Imports anywhere in the file count (function-level imports are common in OpenStack code);
 * where one name is bound by several imports, the last one wins. Relative imports keep their dots:
 * {@code from . import utils} binds {@code utils} to {@code .utils}.
 */
public final class ImportTable {
  private final Map<String, String> bindings;
  private final Set<String> modules;

  private ImportTable(Map<String, String> bindings, Set<String> modules) {
    this.bindings = bindings;
    this.modules = modules;
  }

  public static ImportTable of(Node root) {
    Map<String, String> bindings = new HashMap<>();
    Set<String> modules = new HashSet<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Import imp) {
          for (Alias a : imp.names()) {
            modules.add(a.name());
            if (a.asname() != null) {
              bindings.put(a.asname(), a.name());
            } else {
              // "import os.path" binds "os" to the package os.
              String top =
                  a.name().contains(".") ? a.name().substring(0, a.name().indexOf('.')) : a.name();
              bindings.put(top, top);
            }
          }
          return false;
        }
        if (node instanceof ImportFrom from) {
          String base = ".".repeat(from.level()) + (from.module() == null ? "" : from.module());
          if (from.level() == 0 && from.module() != null) {
            modules.add(from.module());
          }
          for (Alias a : from.names()) {
            if (a.name().equals("*")) {
              continue;
            }
            String qualified =
                base.isEmpty() || base.endsWith(".") ? base + a.name() : base + "." + a.name();
            bindings.put(a.asname() != null ? a.asname() : a.name(), qualified);
          }
          return false;
        }
        return true;
      }
    }.visit(root);
    return new ImportTable(Map.copyOf(bindings), Set.copyOf(modules));
  }

  /**
   * The qualified name of a dotted name as used in this file: its first part replaced by what the
   * imports bound it to. A name no import binds is returned as it is.
   */
  public String resolve(String dotted) {
    if (dotted == null) {
      return null;
    }
    String head = DottedNames.firstPart(dotted);
    String bound = bindings.get(head);
    if (bound == null) {
      return dotted;
    }
    return head.length() == dotted.length() ? bound : bound + dotted.substring(head.length());
  }

  /** Whether a name is bound by an import in this file. */
  public boolean isImported(String name) {
    return bindings.containsKey(name);
  }

  /** Whether an import brings in a module or one of its submodules (absolute imports only). */
  public boolean importsModule(String module) {
    for (String m : modules) {
      if (m.equals(module) || m.startsWith(module + ".")) {
        return true;
      }
    }
    return false;
  }
}
