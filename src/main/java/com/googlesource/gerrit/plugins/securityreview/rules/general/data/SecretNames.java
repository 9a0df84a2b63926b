package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names that hold a secret: {@code password}, {@code admin_password}, {@code authToken}, {@code
 * metadata_proxy_shared_secret}. Names are compared in snake case, and the secret word must end the
 * name, so that {@code password_file}, {@code token_type} or {@code secret_ref} (which describe a
 * secret without holding it) do not count.
 */
final class SecretNames {
  private SecretNames() {}

  /** A secret word; group 1 is the word. Ruff's list plus credentials and keys. */
  private static final String WORD =
      "(pas+wo?r?d|pass|passphrase|pwd|token|secrete?|credentials?|creds|api_?key|secret_?key"
          + "|access_?key|auth_?key|private_?key|priv_?key|psk)";

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

  /**
   * The kind of secret a name holds ({@code password}, {@code token}, {@code secret}, {@code
   * credential}, {@code key}), or null when the name holds none.
   */
  static String kind(String name) {
    if (name == null) {
      return null;
    }
    String s = NameWords.snake(name);
    if (FLAG.matcher(s).find()) {
      return null;
    }
    Matcher m = SECRET_NAME.matcher(s);
    return m.find() ? kindOf(m.group(1)) : null;
  }

  /** The kinds of secret words inside a string ({@code X-Auth-Token} has {@code token}). */
  static Set<String> kindsIn(String value) {
    Set<String> kinds = new HashSet<>();
    Matcher m = SECRET_WORD.matcher(NameWords.snake(value).replaceAll("(?:^|_)v[0-9]+", "_"));
    while (m.find()) {
      kinds.add(kindOf(m.group(1)));
    }
    return kinds;
  }

  /** Whether a secret name is one of the private key options, which hold file paths. */
  static boolean isPrivateKey(String name) {
    String s = NameWords.snake(name);
    return s.endsWith("private_key") || s.endsWith("priv_key") || s.endsWith("privatekey");
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
