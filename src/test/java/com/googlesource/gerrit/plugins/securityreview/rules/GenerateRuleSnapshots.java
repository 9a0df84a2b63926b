package com.googlesource.gerrit.plugins.securityreview.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures;
import com.googlesource.gerrit.plugins.securityreview.testing.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every rule's snapshot, {@code src/test/resources/rules/ID/ID.snap}, from what the rule
 * reports on its fixtures now; run by {@code ./run snapshots}. {@link RuleSnapshotsTest} checks
 * them.
 */
public final class GenerateRuleSnapshots {
  private GenerateRuleSnapshots() {}

  public static void main(String[] args) throws IOException {
    int changed = 0;
    for (Rule rule : Fixtures.rules()) {
      Path file = Snapshots.file(rule.meta().id());
      String snapshot = Snapshots.render(rule);
      if (Files.exists(file) && Files.readString(file, UTF_8).equals(snapshot)) {
        continue;
      }
      Files.writeString(file, snapshot, UTF_8);
      System.out.println("wrote " + file);
      changed++;
    }
    System.out.println(
        changed + " of " + Fixtures.rules().size() + " snapshots written, the others are current");
  }
}
