package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.regex.Pattern;

/**
 * A path glob as Gerrit users write them: {@code *} within one folder, {@code **} across folders
 * ({@code **}{@code /} also matches no folder at all, so {@code **}{@code /*.py} matches {@code
 * setup.py}), {@code ?} one character. Paths use {@code /}.
 */
public record PathGlob(String glob, Pattern pattern) {
  public static PathGlob of(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
            i++;
            re.append("(?:.*/)?");
          } else {
            re.append(".*");
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new PathGlob(glob, Pattern.compile(re.toString()));
  }

  public boolean matches(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return pattern.matcher(p).matches();
  }
}
