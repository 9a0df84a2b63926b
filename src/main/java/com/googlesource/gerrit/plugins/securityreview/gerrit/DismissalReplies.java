package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.NotifyHandling;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.api.changes.ReviewInput.CommentInput;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.extensions.events.CommentAddedListener;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dismissals written as replies on the bot's comment threads. A reply whose first line reads {@code
 * Dismiss as false positive}, {@code Dismiss: won't fix} or {@code dismiss used in tests},
 * optionally followed by why, dismisses the thread's finding as the REST endpoint would ({@link
 * Dismisser}); the bot answers on the thread, and says why when it did not dismiss.
 */
@Singleton
class DismissalReplies implements CommentAddedListener {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  /** The documented form: "dismiss", an optional "as" or colon, the reason, then the note. */
  static final Pattern FORM =
      Pattern.compile(
          "^\\s*dismiss(?:ed)?\\s*:?\\s*(?:as\\s+)?(false[\\s_-]*positive|won'?t[\\s_-]*fix"
              + "|used[\\s_-]*in[\\s_-]*tests)\\b[\\s:.,;\u2014-]*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Comments of one review share its time; a little slack for clocks that round. */
  private static final Duration SAME_REVIEW = Duration.ofSeconds(2);

  /** A reply in the documented form: its reason and note. */
  record Request(DismissalReason reason, String note) {}

  private final Settings settings;
  private final ReviewPreconditions preconditions;
  private final Dismisser dismisser;
  private final OneOffRequestContext requestContext;
  private final GerritApi gApi;

  @Inject
  DismissalReplies(
      Settings settings,
      ReviewPreconditions preconditions,
      Dismisser dismisser,
      OneOffRequestContext requestContext,
      GerritApi gApi) {
    this.settings = settings;
    this.preconditions = preconditions;
    this.dismisser = dismisser;
    this.requestContext = requestContext;
    this.gApi = gApi;
  }

  /** The reason and note of a comment in the documented form. */
  static Optional<Request> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(message);
    if (!m.matches()) {
      return Optional.empty();
    }
    return DismissalReason.parse(m.group(1).replaceAll("\\s+", " "))
        .map(r -> new Request(r, m.group(2).strip()));
  }

  @Override
  public void onCommentAdded(Event event) {
    try {
      handle(event);
    } catch (Exception e) {
      // A listener that throws would only lose the log line; the comment itself is posted.
      logger.atWarning().withCause(e).log(
          "security-review: cannot handle dismissal replies on change %s",
          event.getChange()._number);
    }
  }

  private void handle(Event event) throws Exception {
    if (event.getWho() == null || event.getWho()._accountId == null) {
      return;
    }
    Optional<Account.Id> bot = preconditions.activeBot(settings.server());
    Account.Id who = Account.id(event.getWho()._accountId);
    if (bot.isEmpty() || bot.get().equals(who)) {
      return;
    }
    Project.NameKey project = Project.nameKey(event.getChange().project);
    int change = event.getChange()._number;
    try (ManualRequestContext ctx = requestContext.openAs(who)) {
      List<CommentInfo> comments = gApi.changes().id(project.get(), change).commentsAsList();
      Map<String, CommentInfo> byId = new HashMap<>();
      comments.forEach(c -> byId.put(c.id, c));
      for (CommentInfo c : comments) {
        Optional<Request> request = parse(c.message);
        if (request.isEmpty() || c.inReplyTo == null || !by(c, who) || !postedAt(c, event)) {
          continue;
        }
        CommentInfo root = root(c, byId);
        Optional<String> fingerprint =
            by(root, bot.get()) ? BotThreads.fingerprint(root.message) : Optional.empty();
        if (fingerprint.isEmpty()) {
          continue;
        }
        String answer;
        boolean resolved;
        try {
          Dismisser.Result r =
              dismisser.dismiss(
                  project,
                  change,
                  who,
                  event.getWho().name != null ? event.getWho().name : "user " + who.get(),
                  fingerprint.get(),
                  root.path,
                  request.get().reason(),
                  request.get().note());
          answer =
              r.alreadyDismissed()
                  ? "Already dismissed as " + r.dismissal().reason().words() + "."
                  : "Dismissed as "
                      + r.dismissal().reason().words()
                      + ": this finding no longer counts for the vote, on this patch set and"
                      + " the later ones.";
          resolved = true;
        } catch (RestApiException e) {
          answer = "Not dismissed: " + e.getMessage() + ".";
          resolved = false;
        }
        answer(project, change, bot.get(), c, answer, resolved);
      }
    }
  }

  /** The bot's answer under the reply, on the reply's patch set. */
  private void answer(
      Project.NameKey project,
      int change,
      Account.Id bot,
      CommentInfo reply,
      String message,
      boolean resolved)
      throws RestApiException {
    try (ManualRequestContext ctx = requestContext.openAs(bot)) {
      CommentInput a = new CommentInput();
      a.path = reply.path;
      a.side = reply.side;
      a.line = reply.line;
      a.range = reply.range;
      a.inReplyTo = reply.id;
      a.message = message;
      a.unresolved = !resolved;
      ReviewInput in = new ReviewInput();
      in.tag = Dismissals.TAG;
      in.notify = NotifyHandling.NONE;
      in.comments = Map.of(reply.path, List.of(a));
      gApi.changes().id(project.get(), change).revision(reply.patchSet).review(in);
    }
  }

  private static CommentInfo root(CommentInfo c, Map<String, CommentInfo> byId) {
    CommentInfo root = c;
    for (int i = 0; root.inReplyTo != null && byId.containsKey(root.inReplyTo); i++) {
      if (i > byId.size()) {
        break;
      }
      root = byId.get(root.inReplyTo);
    }
    return root;
  }

  private static boolean by(CommentInfo c, Account.Id account) {
    return c.author != null && c.author._accountId != null && c.author._accountId == account.get();
  }

  /** Whether the comment came with this event's review, not with an earlier one. */
  private static boolean postedAt(CommentInfo c, Event event) {
    if (c.updated == null || event.getWhen() == null) {
      return false;
    }
    Instant updated = c.updated.toInstant();
    return Duration.between(updated, event.getWhen()).abs().compareTo(SAME_REVIEW) <= 0;
  }
}
