package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.Set;

/**
 * The version of a file a change starts from, for comparing the two.
 *
 * @param path the file's path in the base (differs from the new path when the change renames it)
 * @param content the base content; null when the change adds the file
 * @param changedPaths every path the change touches (new paths; deleted files by their old path),
 *     for rules that look beyond one file
 */
public record BaseVersion(String path, byte[] content, Set<String> changedPaths) {
  public BaseVersion {
    changedPaths = Set.copyOf(changedPaths);
  }

  /** The base of a file the change adds. */
  public static BaseVersion added(String path, Set<String> changedPaths) {
    return new BaseVersion(path, null, changedPaths);
  }
}
