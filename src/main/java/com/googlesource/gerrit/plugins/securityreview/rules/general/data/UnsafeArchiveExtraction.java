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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
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
              says what the receiver is, in a file that imports `tarfile`, as Ruff S202 does) without `filter='data'`
              or `filter='tar'` (`filter='fully_trusted'` counts as none; a callable filter is
              trusted), and `shutil.unpack_archive()` without `filter=`. It stays silent when
              `members=` is given (the caller chose the members, as Bandit B202 assumes), except
              `members=tar.getmembers()`, which is all of them; on `zipfile` archives (known the same
              way), whose
              `extractall()` already strips absolute paths and `..` (Bandit does not flag them
              either); and on test code. Python 3.14 makes `filter='data'` the default; until a
              project requires it, the filter must be explicit.

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
    if (hasSafeFilter(ctx, call) || choosesMembers(ctx, call) || RuleContext.hasUnpacking(call)) {
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

  private static boolean choosesMembers(RuleContext ctx, Call call) {
    Expr members = RuleContext.argument(call, 1, "members");
    if (members == null || ctx.semantic().isNone(members)) {
      return false;
    }
    return !(members instanceof Call m
        && m.func() instanceof Ast.Attribute ma
        && ma.attr().equals("getmembers"));
  }
}
