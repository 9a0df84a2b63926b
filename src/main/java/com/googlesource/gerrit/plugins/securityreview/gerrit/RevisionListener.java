package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.events.RevisionCreatedListener;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Hands every new patch set to the plugin's queue. Gerrit calls this on the pushing thread, so it
 * does nothing else and never throws: a push must not wait for, or fail because of, a review.
 */
@Singleton
public class RevisionListener implements RevisionCreatedListener {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final ReviewQueue queue;

  @Inject
  RevisionListener(ReviewQueue queue) {
    this.queue = queue;
  }

  @Override
  public void onRevisionCreated(Event event) {
    try {
      queue.submit(
          new ReviewRequest(
              Project.nameKey(event.getChange().project),
              event.getChange()._number,
              event.getRevision()._number,
              event.getRevision().kind,
              false));
    } catch (RuntimeException e) {
      logger.atSevere().withCause(e).log("security-review: could not queue a review");
    }
  }
}
