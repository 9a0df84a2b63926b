package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleDocs;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each rule's page under {@code resources/Documentation/rules/} is what {@link RuleDocs} renders
 * from the rule, and every rule's metadata is complete. Regenerate the pages with {@code ./run
 * docs} ({@link GenerateRuleDocs}).
 */
class RuleDocsTest {
  static final Path DOCS = Path.of("resources/Documentation/rules");

  @Test
  void pagesAreCurrent() throws IOException {
    for (Rule rule : Rules.all()) {
      RuleMeta m = rule.meta();
      Path page = DOCS.resolve(m.id() + ".md");
      assertWithMessage("%s exists (run ./run docs)", page).that(Files.exists(page)).isTrue();
      assertWithMessage("%s is current (run ./run docs)", page)
          .that(Files.readString(page))
          .isEqualTo(RuleDocs.markdown(m));
    }
  }

  @Test
  void noPageWithoutARule() throws IOException {
    Set<String> ids = new HashSet<>();
    Rules.all().forEach(r -> ids.add(r.meta().id() + ".md"));
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path p : pages.toList()) {
        assertWithMessage("%s belongs to a rule", p)
            .that(ids.contains(p.getFileName().toString()))
            .isTrue();
      }
    }
  }

  @Test
  void metadataIsComplete() {
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Rule rule : Rules.all()) {
      RuleMeta m = rule.meta();
      assertWithMessage("id of %s", rule.getClass()).that(m.id()).matches("[A-Z]{2,4}[0-9]{3}");
      assertWithMessage("%s unique", m.id()).that(ids.add(m.id())).isTrue();
      assertWithMessage("%s name", m.id()).that(m.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertWithMessage("%s name unique", m.id()).that(names.add(m.name())).isTrue();
      for (String s :
          List.of(
              m.title(),
              m.category(),
              m.why(),
              m.fix(),
              m.section("What it does"),
              m.section("Why it matters"),
              m.section("Example"),
              m.section("Use instead"))) {
        assertWithMessage("%s has every text", m.id()).that(s).isNotEmpty();
      }
    }
  }

  /** A rule's id lies in its family's range, and its class in its family's package. */
  @Test
  void idFamilyAndPackageAgree() {
    for (Rule rule : Rules.all()) {
      RuleMeta m = rule.meta();
      assertWithMessage("%s in %s", m.id(), m.family().range())
          .that(m.family().contains(m.id()))
          .isTrue();
      assertWithMessage("package of %s", m.id())
          .that(rule.getClass().getPackageName())
          .isEqualTo(m.family().packageName());
    }
  }
}
