package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.server.config.AllProjectsName;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;

/**
 * How reviewers judged the bot's findings, counted per rule across the site: dismissals by reason,
 * and findings marked useful. This is how the plugin's precision shows in production.
 *
 * <p>The counts are a small config blob at {@value #REF} in All-Projects, rewritten by a
 * compare-and-swap of the ref (retried when another writer came first), so that every node counts
 * into the same place; under multi-site the global ref-db makes the swap cluster-wide.
 */
@Singleton
class FeedbackStore {
  static final String REF = "refs/security-review/feedback";

  private static final String SECTION = "rule";
  private static final String USEFUL = "useful";
  private static final int ATTEMPTS = 20;

  /** The counts are a few lines per rule; more than this is not a blob this plugin wrote. */
  private static final int MAX_SIZE = 1 << 20;

  /** The counts of one rule: dismissals by reason, and marks as useful. */
  record RuleFeedback(Map<DismissalReason, Integer> dismissed, int useful) {}

  private final GitRepositoryManager repoManager;
  private final AllProjectsName allProjects;
  private final GitReferenceUpdated refUpdated;

  @Inject
  FeedbackStore(
      GitRepositoryManager repoManager,
      AllProjectsName allProjects,
      GitReferenceUpdated refUpdated) {
    this.repoManager = repoManager;
    this.allProjects = allProjects;
    this.refUpdated = refUpdated;
  }

  void dismissed(String ruleId, DismissalReason reason) throws IOException {
    increment(ruleId, key(reason));
  }

  void useful(String ruleId) throws IOException {
    increment(ruleId, USEFUL);
  }

  /** Every rule with feedback, by rule id. */
  Map<String, RuleFeedback> read() throws IOException {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      Config cfg = parse(RefSwaps.text(repo, REF, MAX_SIZE));
      Map<String, RuleFeedback> out = new TreeMap<>();
      for (String rule : cfg.getSubsections(SECTION)) {
        Map<DismissalReason, Integer> dismissed = new TreeMap<>();
        for (DismissalReason r : DismissalReason.values()) {
          dismissed.put(r, cfg.getInt(SECTION, rule, key(r), 0));
        }
        out.put(rule, new RuleFeedback(dismissed, cfg.getInt(SECTION, rule, USEFUL, 0)));
      }
      return out;
    }
  }

  private void increment(String ruleId, String key) throws IOException {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      RefSwaps.edit(
          repo,
          allProjects,
          refUpdated,
          REF,
          MAX_SIZE,
          ATTEMPTS,
          text -> {
            Config cfg = parse(text);
            cfg.setInt(SECTION, ruleId, key, cfg.getInt(SECTION, ruleId, key, 0) + 1);
            return Optional.of(cfg.toText());
          });
    }
  }

  private static Config parse(String text) throws IOException {
    Config cfg = new Config();
    try {
      cfg.fromText(text);
    } catch (ConfigInvalidException e) {
      throw new IOException("unreadable " + REF + " in All-Projects", e);
    }
    return cfg;
  }

  /** The config key of a reason: {@code false-positive} (config keys have no underscores). */
  private static String key(DismissalReason r) {
    return r.id().replace('_', '-');
  }
}
