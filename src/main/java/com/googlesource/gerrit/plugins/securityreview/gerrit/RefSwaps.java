package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gerrit.common.Nullable;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.update.context.RefUpdateContext;
import com.google.gerrit.server.update.context.RefUpdateContext.RefUpdateType;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** The compare-and-swap of one of the plugin's refs, on which claims and counts rely. */
final class RefSwaps {
  private RefSwaps() {}

  /** What to make of a ref's text blob: the new text, or empty to leave the ref as it is. */
  @FunctionalInterface
  interface Edit {
    Optional<String> apply(String text) throws IOException;
  }

  /**
   * Rewrites the text blob at {@code ref} ("" when there is none) by compare-and-swap, reading and
   * editing it again whenever another writer came first, at most {@code attempts} times.
   *
   * @param maxSize the largest blob that is read; a larger one is not the plugin's
   * @return false when {@code edit} left the ref as it is
   * @throws IOException when every attempt lost the race
   */
  static boolean edit(
      Repository repo,
      Project.NameKey project,
      GitReferenceUpdated refUpdated,
      String ref,
      int maxSize,
      int attempts,
      Edit edit)
      throws IOException {
    for (int attempt = 0; attempt < attempts; attempt++) {
      Ref current = repo.exactRef(ref);
      ObjectId old = current == null ? ObjectId.zeroId() : current.getObjectId();
      Optional<String> next = edit.apply(current == null ? "" : text(repo, old, maxSize));
      if (next.isEmpty()) {
        return false;
      }
      if (swap(repo, project, refUpdated, ref, old, insertBlob(repo, next.get()))) {
        return true;
      }
    }
    throw new IOException("cannot update " + ref + " in " + project + ": it kept changing");
  }

  /** The text blob at {@code ref}, or "" when there is none. */
  static String text(Repository repo, String ref, int maxSize) throws IOException {
    Ref current = repo.exactRef(ref);
    return current == null ? "" : text(repo, current.getObjectId(), maxSize);
  }

  private static String text(Repository repo, ObjectId blob, int maxSize) throws IOException {
    return new String(repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(maxSize), UTF_8);
  }

  /** Stores {@code text} as a blob of {@code repo}. */
  static ObjectId insertBlob(Repository repo, String text) throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId id = ins.insert(Constants.OBJ_BLOB, text.getBytes(UTF_8));
      ins.flush();
      return id;
    }
  }

  /**
   * Swaps {@code ref} from exactly {@code expected} (zero: no ref) to {@code next} (null: no ref).
   * False when the ref held something else: another writer came first.
   */
  static boolean swap(
      Repository repo,
      Project.NameKey project,
      GitReferenceUpdated refUpdated,
      String ref,
      ObjectId expected,
      @Nullable ObjectId next)
      throws IOException {
    RefUpdate u = repo.updateRef(ref);
    u.setExpectedOldObjectId(expected);
    u.setForceUpdate(true);
    u.disableRefLog();
    RefUpdate.Result result;
    try (RefUpdateContext ctx = RefUpdateContext.open(RefUpdateType.PLUGIN)) {
      if (next == null) {
        result = u.delete();
      } else {
        u.setNewObjectId(next);
        result = u.update();
      }
    }
    switch (result) {
      case NEW, FORCED, FAST_FORWARD -> {
        // Announced like every ref update, so that replication carries it to the other primaries.
        refUpdated.fire(project, ref, expected, next == null ? ObjectId.zeroId() : next, null);
        return true;
      }
      case LOCK_FAILURE, REJECTED, REJECTED_OTHER_REASON, NO_CHANGE -> {
        return false;
      }
      default -> throw new IOException("cannot update " + ref + " in " + project + ": " + result);
    }
  }
}
