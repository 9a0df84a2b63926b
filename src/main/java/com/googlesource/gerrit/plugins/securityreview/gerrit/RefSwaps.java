package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.common.Nullable;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.update.context.RefUpdateContext;
import com.google.gerrit.server.update.context.RefUpdateContext.RefUpdateType;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** The compare-and-swap of one of the plugin's refs, on which claims and counts rely. */
final class RefSwaps {
  private RefSwaps() {}

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
