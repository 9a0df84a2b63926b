package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.server.config.AllProjectsName;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Who marked which finding of an open change useful, so that a reviewer counts once per finding
 * however often they press the button: a ref per change in All-Projects, {@code
 * refs/security-review/useful/NN/CHANGE}, pointing to a blob with one line per mark ({@code ACCOUNT
 * FINGERPRINT PATH}), written by compare-and-swap like the claims and removed with them when the
 * change closes.
 */
@Singleton
class UsefulMarks {
  static final String PREFIX = "refs/security-review/useful/";

  private static final int ATTEMPTS = 20;

  /** More than this is not a blob of marks this plugin wrote. */
  private static final int MAX_SIZE = 1 << 20;

  private final GitRepositoryManager repoManager;
  private final AllProjectsName allProjects;
  private final GitReferenceUpdated refUpdated;

  @Inject
  UsefulMarks(
      GitRepositoryManager repoManager,
      AllProjectsName allProjects,
      GitReferenceUpdated refUpdated) {
    this.repoManager = repoManager;
    this.allProjects = allProjects;
    this.refUpdated = refUpdated;
  }

  static String refName(int change) {
    return String.format(Locale.ROOT, "%s%02d/%d", PREFIX, change % 100, change);
  }

  /** Records the mark; false when {@code who} had marked that finding of the change already. */
  boolean add(int change, Account.Id who, String path, String fingerprint) throws IOException {
    String line = who.get() + " " + fingerprint + " " + path;
    try (Repository repo = repoManager.openRepository(allProjects)) {
      return RefSwaps.edit(
          repo,
          allProjects,
          refUpdated,
          refName(change),
          MAX_SIZE,
          ATTEMPTS,
          text ->
              text.lines().anyMatch(line::equals)
                  ? Optional.empty()
                  : Optional.of(text + line + "\n"));
    }
  }

  /** Removes the marks of a change that closed. */
  void removeChange(int change) throws IOException {
    String ref = refName(change);
    try (Repository repo = repoManager.openRepository(allProjects)) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Ref current = repo.exactRef(ref);
        if (current == null
            || RefSwaps.swap(repo, allProjects, refUpdated, ref, current.getObjectId(), null)) {
          return;
        }
      }
    }
  }
}
