package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.ChangeMessage;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of a change that reviewers dismissed, read from the change itself: each dismissal is
 * a message the bot posted with its new vote (tagged {@value #TAG}), whose last line names the
 * finding, the reason and who dismissed it. The change is the record, so a dismissal lasts as long
 * as the change, on every server that has the change, and applies to every later patch set.
 */
public final class Dismissals {
  /** The tag of the bot's dismissal messages; a review of the patch set is tagged otherwise. */
  public static final String TAG = ReviewBuilder.TAG + ":dismissal";

  private static final Pattern RECORD =
      Pattern.compile(
          "\n\nDismissed: (.+) \u00b7 fingerprint ([0-9a-f]{16}(?:-[0-9]+)?) \u00b7 ([a-z_]+)"
              + " \u00b7 ([A-Z]+[0-9]+) \u00b7 account ([0-9]+)\\s*$");

  /**
   * One dismissed finding.
   *
   * @param path the file the finding is in
   * @param fingerprint the finding's fingerprint (see {@code FindingKeys})
   * @param reason why it was dismissed
   * @param ruleId the finding's rule
   * @param by who dismissed it
   * @param note what they wrote, may be empty
   */
  public record Dismissal(
      String path,
      String fingerprint,
      DismissalReason reason,
      String ruleId,
      Account.Id by,
      String note) {}

  private record Key(String path, String fingerprint) {}

  private final Map<Key, Dismissal> dismissed;

  private Dismissals(Map<Key, Dismissal> dismissed) {
    this.dismissed = dismissed;
  }

  public static Dismissals none() {
    return new Dismissals(Map.of());
  }

  /** The dismissals recorded in the bot's messages on the change. */
  public static Dismissals of(Collection<ChangeMessageInfo> messages, Account.Id bot) {
    Map<Key, Dismissal> out = new HashMap<>();
    if (messages != null) {
      for (ChangeMessageInfo m : messages) {
        Integer author = m.author == null ? null : m.author._accountId;
        add(out, m.tag, author == null ? null : Account.id(author), m.message, bot);
      }
    }
    return new Dismissals(Map.copyOf(out));
  }

  /** The same, from the messages as the change's notes hold them. */
  public static Dismissals ofNotes(Collection<ChangeMessage> messages, Account.Id bot) {
    Map<Key, Dismissal> out = new HashMap<>();
    for (ChangeMessage m : messages) {
      add(out, m.getTag(), m.getAuthor(), m.getMessage(), bot);
    }
    return new Dismissals(Map.copyOf(out));
  }

  /** Messages come oldest first: a later dismissal of the same finding replaces an earlier one. */
  private static void add(
      Map<Key, Dismissal> out, String tag, Account.Id author, String message, Account.Id bot) {
    if (TAG.equals(tag) && bot.equals(author)) {
      parse(message).ifPresent(d -> out.put(new Key(d.path(), d.fingerprint()), d));
    }
  }

  /** The same dismissals and {@code d}. */
  public Dismissals with(Dismissal d) {
    Map<Key, Dismissal> out = new HashMap<>(dismissed);
    out.put(new Key(d.path(), d.fingerprint()), d);
    return new Dismissals(Map.copyOf(out));
  }

  public Optional<Dismissal> of(Finding f) {
    return f.fingerprint() == null
        ? Optional.empty()
        : Optional.ofNullable(dismissed.get(new Key(f.path(), f.fingerprint())));
  }

  public boolean dismissed(Finding f) {
    return of(f).isPresent();
  }

  public boolean dismissed(String path, String fingerprint) {
    return dismissed.containsKey(new Key(path, fingerprint));
  }

  /** The findings not dismissed. */
  public List<Finding> remaining(List<Finding> findings) {
    return findings.stream().filter(f -> !dismissed(f)).toList();
  }

  /**
   * The bot's message recording {@code d}: one line for people ({@code headline}, then who
   * dismissed what and why), and the line {@link #of} reads back.
   *
   * @param headline the new vote, such as {@code Security-Review +1}
   * @param byName how the message names who dismissed it
   */
  static String message(String headline, Dismissal d, String byName) {
    return headline
        + ": "
        + byName
        + " dismissed "
        + d.ruleId()
        + " in "
        + d.path()
        + " as "
        + d.reason().words()
        + (d.note().isBlank() ? "." : ": " + d.note().strip())
        + "\n\nDismissed: "
        + d.path()
        + " \u00b7 fingerprint "
        + d.fingerprint()
        + " \u00b7 "
        + d.reason().id()
        + " \u00b7 "
        + d.ruleId()
        + " \u00b7 account "
        + d.by().get();
  }

  static Optional<Dismissal> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = RECORD.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    Optional<DismissalReason> reason = DismissalReason.parse(m.group(3));
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    String first = message.substring(0, m.start());
    String marker = " as " + reason.get().words() + ": ";
    int at = first.indexOf(marker);
    String note = at < 0 ? "" : first.substring(at + marker.length());
    return Optional.of(
        new Dismissal(
            m.group(1),
            m.group(2),
            reason.get(),
            m.group(4),
            Account.id(Integer.parseInt(m.group(5))),
            note));
  }
}
