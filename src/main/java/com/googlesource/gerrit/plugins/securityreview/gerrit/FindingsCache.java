package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.cache.Cache;
import com.google.common.cache.Weigher;
import com.google.common.hash.Hashing;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.cache.CacheModule;
import com.google.inject.Inject;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.VoteDecision;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.SkippedFile;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the analysis of a patch set found, kept in memory (Gerrit cache {@code
 * security-review.findings}) for the findings REST view: the review's analysis is stored here, so
 * that the view need not analyse the patch set again.
 *
 * <p>An entry is keyed by the commit, a hash of the settings the analysis ran under and the
 * plugin's version: none of them changes once computed, so an entry never goes stale; a change of
 * the project's settings or an upgrade simply misses.
 */
@Singleton
class FindingsCache {
  static final String NAME = "findings";

  /** Most weight kept: about one finding, skipped file or syntax error per unit. */
  static final long MAX_WEIGHT = 50_000;

  /**
   * @param settings hash of the project and server settings that shape the analysis
   * @param version the plugin's version: another build may find other things
   */
  record Key(String project, String commit, String settings, String version) {}

  /**
   * What the findings view answers with, without the files' content the analysis read.
   *
   * @param findings every finding that counts, dismissed ones included
   * @param complete whether every relevant file was checked completely (see {@link Analysis})
   */
  record Findings(
      boolean complete,
      List<Finding> findings,
      int preexisting,
      List<SkippedFile> skipped,
      List<String> syntaxErrors) {
    static Findings of(Analysis a) {
      return new Findings(
          a.complete(),
          List.copyOf(a.findings()),
          a.preexisting(),
          List.copyOf(a.files().skipped()),
          List.copyOf(a.syntaxErrors()));
    }

    /** The vote under {@code settings} (those the findings were computed with) once dismissed. */
    VoteDecision decision(ProjectSettings settings, Dismissals dismissals) {
      return VoteDecision.decide(settings, dismissals.remaining(findings), complete);
    }
  }

  static Module module() {
    return new CacheModule() {
      @Override
      protected void configure() {
        cache(NAME, Key.class, Findings.class)
            .maximumWeight(MAX_WEIGHT)
            .weigher(FindingsWeigher.class);
      }
    };
  }

  static class FindingsWeigher implements Weigher<Key, Findings> {
    @Override
    public int weigh(Key key, Findings f) {
      return 1 + f.findings().size() + f.skipped().size() + f.syntaxErrors().size();
    }
  }

  private final Cache<Key, Findings> cache;
  private final String version;

  @Inject
  FindingsCache(@Named(NAME) Cache<Key, Findings> cache) {
    this.cache = cache;
    String v = FindingsCache.class.getPackage().getImplementationVersion();
    this.version = v == null ? "unversioned" : v;
  }

  Key key(Project.NameKey project, String commit, ProjectSettings settings, ServerSettings server) {
    return new Key(project.get(), commit, settingsHash(settings, server), version);
  }

  Optional<Findings> get(Key key) {
    return Optional.ofNullable(cache.getIfPresent(key));
  }

  void put(Key key, Findings findings) {
    cache.put(key, findings);
  }

  /**
   * A hash of every project setting, read off the record's components so that a setting added later
   * counts too, in a canonical form (sets sorted, globs by their text), and of the server settings
   * that shape the analysis. Settings that do not (who is reviewed) only cost a miss.
   */
  static String settingsHash(ProjectSettings p, ServerSettings server) {
    StringBuilder canonical = new StringBuilder();
    for (RecordComponent c : ProjectSettings.class.getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(p);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read setting " + c.getName(), e);
      }
      canonical.append(c.getName()).append('=').append(canonical(value)).append('\n');
    }
    canonical
        .append("maxFileSize=")
        .append(server.maxFileSize())
        .append("\nfileBudget=")
        .append(server.fileBudgetMillis());
    return Hashing.sha256().hashString(canonical, UTF_8).toString();
  }

  private static String canonical(Object value) {
    if (value instanceof Set<?> set) {
      return new TreeSet<>(set.stream().map(String::valueOf).toList()).toString();
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .map(v -> v instanceof PathGlob g ? g.glob() : String.valueOf(v))
          .toList()
          .toString();
    }
    return String.valueOf(value);
  }
}
