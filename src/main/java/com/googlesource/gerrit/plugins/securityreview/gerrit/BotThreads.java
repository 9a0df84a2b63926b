package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.common.CommentInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment threads the bot opened on earlier patch sets of a change, each found by the
 * fingerprint of its finding, which the bot writes in the last line of every comment about a
 * finding (see {@link ReviewBuilder#comment}). Read from the change itself, so that a finding
 * already commented on is not commented on again in a later patch set.
 */
public final class BotThreads {
  /** The last line of a finding's comment: the rule's page, then the finding's fingerprint. */
  private static final Pattern TRAILER =
      Pattern.compile("\n\nRule: \\S+ \u00b7 fingerprint ([0-9a-f]{16}(?:-[0-9]+)?)\\s*$");

  private static final Pattern FIXED = Pattern.compile("Fixed in patch set [0-9]+\\.");

  /**
   * One thread the bot opened about a finding.
   *
   * @param path the file, as the thread's first comment names it
   * @param fingerprint the finding's fingerprint
   * @param text what the bot last said about the finding, without the last line
   * @param last the newest comment of the thread (by anyone): a reply goes under it
   * @param fixed whether the bot's newest comment in the thread says the finding is fixed
   */
  public record FindingThread(
      String path, String fingerprint, String text, CommentInfo last, boolean fixed) {}

  private final Map<Key, FindingThread> threads;

  private record Key(String path, String fingerprint) {}

  private BotThreads(Map<Key, FindingThread> threads) {
    this.threads = threads;
  }

  public static BotThreads none() {
    return new BotThreads(Map.of());
  }

  /**
   * @param comments the change's published comments by path (as {@code ChangeApi.comments()} gives
   *     them)
   * @param bot the bot's account
   * @param patchSet the patch set under review: only threads opened on earlier ones count
   */
  public static BotThreads of(
      Map<String, List<CommentInfo>> comments, Account.Id bot, int patchSet) {
    Map<String, CommentInfo> byId = new HashMap<>();
    for (Map.Entry<String, List<CommentInfo>> e : comments.entrySet()) {
      for (CommentInfo c : e.getValue()) {
        if (c.path == null) {
          c.path = e.getKey();
        }
        byId.put(c.id, c);
      }
    }
    // Comments grouped under the first comment of their thread.
    Map<String, List<CommentInfo>> byRoot = new LinkedHashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    for (CommentInfo c : byId.values()) {
      int d = 0;
      CommentInfo root = c;
      while (root.inReplyTo != null && byId.containsKey(root.inReplyTo) && d < byId.size()) {
        root = byId.get(root.inReplyTo);
        d++;
      }
      depth.put(c.id, d);
      byRoot.computeIfAbsent(root.id, k -> new ArrayList<>()).add(c);
    }
    // Oldest first; comments of one second are ordered by their place in the reply chain.
    Comparator<CommentInfo> order =
        Comparator.comparing((CommentInfo c) -> updated(c))
            .thenComparing(c -> depth.get(c.id))
            .thenComparing(c -> c.id);
    Map<Key, FindingThread> threads = new HashMap<>();
    for (Map.Entry<String, List<CommentInfo>> e : byRoot.entrySet()) {
      CommentInfo root = byId.get(e.getKey());
      Optional<String> fingerprint =
          byBot(root, bot) ? fingerprint(root.message) : Optional.empty();
      if (fingerprint.isEmpty() || root.patchSet == null || root.patchSet >= patchSet) {
        continue;
      }
      List<CommentInfo> thread = e.getValue();
      thread.sort(order);
      String text = body(root.message);
      boolean fixed = false;
      for (CommentInfo c : thread) {
        if (!byBot(c, bot)) {
          continue;
        }
        if (fingerprint.equals(fingerprint(c.message))) {
          text = body(c.message);
          fixed = false;
        } else if (c.message != null && FIXED.matcher(c.message.trim()).matches()) {
          fixed = true;
        }
      }
      FindingThread t =
          new FindingThread(root.path, fingerprint.get(), text, thread.getLast(), fixed);
      // Two threads about one finding (one was fixed, then it came back): the newest counts.
      threads.merge(
          new Key(root.path, fingerprint.get()),
          t,
          (a, b) -> order.compare(a.last(), b.last()) >= 0 ? a : b);
    }
    return new BotThreads(Map.copyOf(threads));
  }

  /** The thread about a finding, if the bot opened one on an earlier patch set. */
  public Optional<FindingThread> find(String path, String fingerprint) {
    return fingerprint == null
        ? Optional.empty()
        : Optional.ofNullable(threads.get(new Key(path, fingerprint)));
  }

  public List<FindingThread> all() {
    return threads.values().stream()
        .sorted(Comparator.comparing(FindingThread::path).thenComparing(FindingThread::fingerprint))
        .toList();
  }

  /** The fingerprint in a comment's last line. */
  static Optional<String> fingerprint(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = TRAILER.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A comment's text without its last line (rule page and fingerprint). */
  static String body(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = TRAILER.matcher(message);
    return m.find() ? message.substring(0, m.start()) : message;
  }

  /** The last line of a comment about a finding; {@link #fingerprint} reads it back. */
  static String trailer(String docUrl, String fingerprint) {
    return "\n\nRule: "
        + docUrl
        + (fingerprint == null ? "" : " \u00b7 fingerprint " + fingerprint);
  }

  static String fixedNote(int patchSet) {
    return "Fixed in patch set " + patchSet + ".";
  }

  private static boolean byBot(CommentInfo c, Account.Id bot) {
    return c.author != null && c.author._accountId != null && c.author._accountId == bot.get();
  }

  private static Instant updated(CommentInfo c) {
    return c.updated == null ? Instant.EPOCH : c.updated.toInstant();
  }
}
