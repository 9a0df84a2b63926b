package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class FindingsCacheTest {
  private static final ServerSettings SERVER = ServerSettings.defaults();

  private static ProjectSettings settings(Set<String> disabled, String voteSeverity) {
    ProjectSettings d = ProjectSettings.defaults("Security-Review");
    return new ProjectSettings(
        d.enabled(),
        List.of(PathGlob.of("**/*.py")),
        d.exclude(),
        disabled,
        d.enabledRules(),
        Severity.parse(voteSeverity),
        d.voteConfidence(),
        d.commentConfidence(),
        d.label(),
        d.voteOnFindings(),
        d.voteOnClean(),
        d.reviewWip(),
        d.replyWhenFixed());
  }

  @Test
  public void equalSettingsReadTwiceHashAlike() {
    Set<String> ab = new LinkedHashSet<>(List.of("OVN301", "PY101"));
    Set<String> ba = new LinkedHashSet<>(List.of("PY101", "OVN301"));
    // Globs compiled twice are different objects with the same text.
    assertThat(FindingsCache.settingsHash(settings(ab, "medium"), SERVER))
        .isEqualTo(FindingsCache.settingsHash(settings(ba, "medium"), SERVER));
  }

  @Test
  public void anyChangeOfASettingMisses() {
    Set<String> none = Set.of();
    String base = FindingsCache.settingsHash(settings(none, "medium"), SERVER);
    assertThat(FindingsCache.settingsHash(settings(none, "high"), SERVER)).isNotEqualTo(base);
    assertThat(FindingsCache.settingsHash(settings(Set.of("PY101"), "medium"), SERVER))
        .isNotEqualTo(base);
  }
}
