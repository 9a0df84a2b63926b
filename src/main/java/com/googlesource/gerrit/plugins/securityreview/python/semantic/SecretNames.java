package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names that hold a secret: {@code password}, {@code admin_password}, {@code adminPassword}, {@code
 * AuthToken}, {@code metadata_proxy_shared_secret}. Names are compared in snake case (camelCase and
 * PascalCase are split, dashes, dots and spaces count as underscores), and the secret word must end
 * the name, so that names that describe a secret without holding it do not count: {@code
 * password_file}, {@code token_type}, {@code secret_ref}, {@code credential_id}, and {@code
 * path_to_private_key}; nor do flags about a secret such as {@code has_password} or {@code
 * use_token}.
 */
public final class SecretNames {
  private SecretNames() {}

  /**
   * A secret word; group 1 is the word. Ruff's list plus credentials and keys. An access key is the
   * public half of an EC2 or S3 credential (its id), so it is not one.
   */
  private static final String WORD =
      "(pas+wo?r?ds?|pass|passphrase|pwd|tokens?|secret_?key|secrete?s?|credentials?|creds"
          + "|api_?key|auth_?key|private_?key|priv_?key|ssl_?key|psk)";

  /** A name ending in a secret word, optionally followed by a word saying it is the value. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?:^|_)" + WORD + "(?:_(?:value|str|string|text|plain|plaintext|clear|cleartext))?$");

  /** Any secret word inside a name. */
  private static final Pattern SECRET_WORD = Pattern.compile("(?:^|_)" + WORD + "(?=_|$)");

  /** First words of a name that make it a flag about a secret, not the secret. */
  private static final Pattern FLAG =
      Pattern.compile(
          "^(?:is|has|use|uses|enable|enabled|disable|no|with|should|need|needs|require"
              + "|requires|allow|show|mask|masked|hide|redact|redacted|check|verify)_");

  /** First words of a name that make it something about a secret: {@code path_to_private_key}. */
  private static final Pattern ABOUT =
      Pattern.compile(
          "^(?:path|file|filename|dir|location|url|uri|name|type|id|length|len|size|num)"
              + "_(?:to|of|for)_");

  /** Last words of a name that make it something about a value: {@code auth_key_id}. */
  private static final Pattern ABOUT_LAST =
      Pattern.compile("_(?:id|ids|uuid|name|names|type|file|path|dir|ref|url|uri|len|length)$");

  /**
   * The kind of secret a name holds ({@code password}, {@code token}, {@code secret}, {@code
   * credential}, {@code key}), or null when the name holds none.
   */
  public static String kind(String name) {
    if (name == null || !maySpellSecretStem(name)) {
      return null;
    }
    String s = DottedNames.withoutLeadingUnderscores(snake(name));
    if (!hasSecretStem(s) || FLAG.matcher(s).find() || ABOUT.matcher(s).find()) {
      return null;
    }
    Matcher m = SECRET_NAME.matcher(s);
    return m.find() ? kindOf(m.group(1)) : null;
  }

  /** Whether a name holds a secret ({@link #kind} is not null). */
  public static boolean isSecret(String name) {
    return kind(name) != null;
  }

  /**
   * Whether a name says it is something about a value rather than the value: its last word is an
   * id, name, type, file, path, reference or length ({@code auth_key_id}, {@code token_type}).
   */
  public static boolean isAbout(String name) {
    return name != null && ABOUT_LAST.matcher(snake(name)).find();
  }

  /** The kinds of secret words inside a string ({@code X-Auth-Token} has {@code token}). */
  public static Set<String> kindsIn(String value) {
    Set<String> kinds = new HashSet<>();
    String s = snake(value);
    if (!hasSecretStem(s)) {
      return kinds;
    }
    Matcher m = SECRET_WORD.matcher(s.replaceAll("(?:^|_)v[0-9]+", "_"));
    while (m.find()) {
      kinds.add(kindOf(m.group(1)));
    }
    return kinds;
  }

  /**
   * Whether a secret name is a private or TLS key's, which in OpenStack holds a file's path ({@code
   * ovn_nb_private_key}, {@code ssl_key}).
   */
  public static boolean isPrivateKey(String name) {
    String s = snake(name);
    return s.endsWith("private_key")
        || s.endsWith("priv_key")
        || s.endsWith("privatekey")
        || s.endsWith("ssl_key")
        || s.endsWith("sslkey");
  }

  /**
   * A name in lower snake case: {@code adminPassword} and {@code AdminPassword} give {@code
   * admin_password}, {@code X-Auth-Token} gives {@code x_auth_token}, {@code 'auth token'} gives
   * {@code auth_token}.
   */
  static String snake(String name) {
    // As name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
    // .replaceAll("[^A-Za-z0-9_]+", "_").toLowerCase(Locale.ROOT), in one pass: every name a rule
    // looks at goes through here. An underscore goes between a lower-case letter or digit and an
    // upper-case letter, and before the last letter of an upper-case run of two or more that a
    // lower-case letter follows; a run of other characters becomes one underscore.
    int n = name.length();
    StringBuilder b = new StringBuilder(n + 4);
    boolean other = false;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!isWordChar(c)) {
        if (!other) {
          b.append('_');
          other = true;
        }
        continue;
      }
      other = false;
      if (isUpper(c) && i > 0) {
        char before = name.charAt(i - 1);
        if (isLower(before) || isDigit(before)) {
          b.append('_');
        } else if (isUpper(before) && i + 1 < n && isLower(name.charAt(i + 1))) {
          b.append('_');
        }
      }
      b.append(isUpper(c) ? (char) (c + ('a' - 'A')) : c);
    }
    return b.toString();
  }

  private static boolean isWordChar(char c) {
    return isLower(c) || isUpper(c) || isDigit(c) || c == '_';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether a snake-case name holds the stem of a secret {@link #WORD} ({@code pas}, {@code pwd},
   * {@code token}, {@code secret}, {@code cred}, {@code key} or {@code psk}); a name without one
   * cannot match, and most names have none, so the regular expressions run on few.
   */
  static boolean hasSecretStem(String s) {
    for (String stem : STEMS) {
      if (s.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name's ASCII letters, case aside, spell a secret stem ({@link #hasSecretStem}): its
   * snake case ({@link #snake}) keeps its ASCII letters in order, lower-cased, with only
   * underscores put between them, so it can hold a stem only then. Asked first, it spares the copy
   * for the names (most) that spell none.
   */
  static boolean maySpellSecretStem(String name) {
    for (int i = 0; i < name.length(); i++) {
      // Lower-cases an ASCII letter; no other character becomes a letter.
      int c = name.charAt(i) | 0x20;
      for (String stem : STEMS) {
        if (stem.charAt(0) == c && spellsAt(name, i, stem)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The stems of the secret words, as {@link #hasSecretStem} looks for them. */
  private static final String[] STEMS = {"pas", "key", "token", "secret", "cred", "pwd", "psk"};

  private static boolean spellsAt(String name, int i, String stem) {
    return name.regionMatches(true, i, stem, 0, stem.length());
  }

  private static String kindOf(String word) {
    if (word.startsWith("token")) {
      return "token";
    }
    if (word.startsWith("secret_") || word.endsWith("key") || word.equals("psk")) {
      return "key";
    }
    if (word.startsWith("secret")) {
      return "secret";
    }
    if (word.startsWith("cred")) {
      return "credential";
    }
    return "password";
  }
}
