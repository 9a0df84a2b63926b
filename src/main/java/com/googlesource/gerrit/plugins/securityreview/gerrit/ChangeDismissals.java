package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.server.notedb.ChangeNotes;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/** The dismissals of a change as its notes record them (see {@link Dismissals}). */
@Singleton
class ChangeDismissals {
  private final ReviewPreconditions preconditions;

  @Inject
  ChangeDismissals(ReviewPreconditions preconditions) {
    this.preconditions = preconditions;
  }

  /** None when there is no bot: only the bot records dismissals. */
  Dismissals of(ChangeNotes notes, ServerSettings server) {
    return preconditions
        .activeBot(server)
        .map(bot -> Dismissals.ofNotes(notes.getChangeMessages(), bot))
        .orElse(Dismissals.none());
  }
}
