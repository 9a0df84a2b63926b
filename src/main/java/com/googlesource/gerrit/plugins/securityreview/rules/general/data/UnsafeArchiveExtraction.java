package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.KindFact;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.List;
import java.util.Set;

/** PY207: a tar archive extracted without a filter or member check. */
public final class UnsafeArchiveExtraction extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY207")
          .name("tar-extractall-unfiltered")
          .title(
              "Tar archive extracted without a filter, so member paths can escape the target"
                  + " folder")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.DATA)
          .bandit("B202")
          .ruff("S202")
          .why(
              "A member named `../../etc/cron.d/x`, an absolute path or a symlink out of the folder"
                  + " lets whoever made the archive write any file the process can write.")
          .fix(
              "Pass `filter='data'` (Python 3.12+ and security backports), or check each member and"
                  + " pass `members=`.")
          .doc(
              """
              ## What it does

              Flags `extractall()` on a `tarfile` archive (known from where it comes from:
              `tarfile.open()` / `tarfile.TarFile()`, directly, through the name or attribute it is
              assigned to or a `with ... as`, or a `tarfile.TarFile` annotation; or, when nothing
              says what the receiver is, in a file that imports `tarfile`, as Ruff S202 does)
              without `filter='data'` or `filter='tar'` (`filter='fully_trusted'` counts as none; a
              callable filter is trusted), and `shutil.unpack_archive()` without `filter=`. It
              stays silent when `members=` is given (the caller chose the members, as Bandit B202
              assumes), except when the value is every member of the archive: the archive itself
              (`members=tar`, which iterates over all of them), `tar.getmembers()`, a `list()`,
              `tuple()` or `sorted()` copy of either, an unfiltered comprehension over either, or a
              name bound to one of these. It is also silent on `zipfile` archives (known the same
              way), whose `extractall()` already strips absolute paths and `..` (Bandit does not
              flag them either), and on test code. Python 3.14 makes `filter='data'` the default;
              until a project requires it, the filter must be explicit.

              ## Why it matters

              Images, backups, plugin bundles and diagnostics archives come from users or other
              services. `tarfile` before the 3.14 default follows member names and links as they
              are, so one crafted archive overwrites configuration or rootwrap filters of an agent
              running as root (CVE-2007-4559). Whether the archive is trusted is not visible at the
              call, hence medium confidence.

              ## Example

              ```python
              import tarfile

              def unpack_diagnostics(path, dest):
                  with tarfile.open(path) as tar:
                      tar.extractall(dest)
              ```

              ## Use instead

              ```python
              import tarfile

              def unpack_diagnostics(path, dest):
                  with tarfile.open(path) as tar:
                      tar.extractall(dest, filter='data')
              ```

              ## References

              - Python docs, tarfile extraction filters <https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter>
              - Bandit B202 tarfile_unsafe_members <https://bandit.readthedocs.io/en/latest/plugins/b202_tarfile_unsafe_members.html>
              - Ruff S202 tarfile-unsafe-members <https://docs.astral.sh/ruff/rules/tarfile-unsafe-members/>
              - CWE-22: Path Traversal <https://cwe.mitre.org/data/definitions/22.html>
              """)
          .build();

  private static final Set<String> SAFE_FILTERS = Set.of("data", "tar");

  /** Builtins that copy an iterable as it is (all its members stay). */
  private static final Set<String> COPIES = Set.of("list", "tuple", "sorted");

  /** How many copies and comprehensions of the members are looked through. */
  private static final int MAX_COPIES = 3;

  public UnsafeArchiveExtraction() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if ("shutil.unpack_archive".equals(ctx.callName(call))) {
      if (!hasSafeFilter(ctx, call) && !RuleContext.hasUnpacking(call)) {
        ctx.report(this, call, "`shutil.unpack_archive()` is called without `filter=`.");
      }
      return;
    }
    if (!(call.func() instanceof Ast.Attribute a) || !a.attr().equals("extractall")) {
      return;
    }
    if (hasSafeFilter(ctx, call)
        || choosesMembers(ctx, call, a.value())
        || RuleContext.hasUnpacking(call)) {
      return;
    }
    // What the receiver is from where it came from (tarfile.open(), a TarFile annotation); when
    // nothing says, a file that imports tarfile is taken to extract tar archives, as Ruff does.
    KindFact receiver = ctx.semantic().kindFact(a.value());
    boolean tar =
        receiver.fromEvidence() && receiver.kind() == ValueKind.TAR_ARCHIVE
            || !(receiver.fromEvidence() && receiver.kind() == ValueKind.ZIP_ARCHIVE)
                && ctx.semantic().importsModule("tarfile");
    if (tar) {
      ctx.report(
          this,
          call,
          "`" + ctx.text(a) + "()` extracts every member as named, without an extraction filter.");
    }
  }

  private static boolean hasSafeFilter(RuleContext ctx, Call call) {
    Expr filter = RuleContext.keyword(call, "filter");
    if (filter == null || ctx.semantic().isNone(filter)) {
      return false;
    }
    String constant = ctx.semantic().constantString(filter).orElse(null);
    if (constant != null) {
      return SAFE_FILTERS.contains(constant);
    }
    return !"tarfile.fully_trusted_filter".equals(ctx.qualifiedName(filter));
  }

  /**
   * Whether {@code members=} chooses members: anything but None and every member of the archive
   * itself, which the caller did not choose.
   */
  private static boolean choosesMembers(RuleContext ctx, Call call, Expr archive) {
    Expr members = RuleContext.argument(call, 1, "members");
    return members != null
        && !ctx.semantic().isNone(members)
        && !allMembers(ctx.semantic(), archive, members, 0);
  }

  /**
   * Whether a value is every member of the archive: the archive or another tar archive itself (it
   * iterates over all its members), its {@code getmembers()}, a {@code list()}, {@code tuple()} or
   * {@code sorted()} copy of one of those, or a comprehension that keeps each of them unchanged.
   */
  private static boolean allMembers(SemanticModel model, Expr archive, Expr members, int depth) {
    if (depth > MAX_COPIES) {
      return false;
    }
    Expr value = model.resolve(members);
    if (isArchive(model, archive, value)) {
      return true;
    }
    if (value instanceof Call c && c.keywords().isEmpty()) {
      if (c.func() instanceof Ast.Attribute f
          && f.attr().equals("getmembers")
          && c.args().isEmpty()) {
        return isArchive(model, archive, f.value());
      }
      return c.args().size() == 1
          && COPIES.contains(model.callName(c))
          && allMembers(model, archive, c.args().get(0), depth + 1);
    }
    List<Ast.Comprehension> loops =
        switch (value) {
          case Ast.ListComp l when l.elt() instanceof Ast.Name e -> keepsEach(l.generators(), e);
          case Ast.GeneratorExp g when g.elt() instanceof Ast.Name e ->
              keepsEach(g.generators(), e);
          case null, default -> List.of();
        };
    return loops.size() == 1 && allMembers(model, archive, loops.get(0).iter(), depth + 1);
  }

  /** The one loop of a comprehension whose element is its loop variable, unfiltered; or none. */
  private static List<Ast.Comprehension> keepsEach(List<Ast.Comprehension> loops, Ast.Name elt) {
    return loops.size() == 1
            && loops.get(0).ifs().isEmpty()
            && loops.get(0).target() instanceof Ast.Name t
            && t.id().equals(elt.id())
        ? loops
        : List.of();
  }

  /** Whether a value is the archive being extracted, or any tar archive by where it came from. */
  private static boolean isArchive(SemanticModel model, Expr archive, Expr value) {
    KindFact kind = model.kindFact(value);
    return kind.fromEvidence() && kind.kind() == ValueKind.TAR_ARCHIVE
        || model.sameReference(archive, value);
  }
}
