package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.Test;

/**
 * {@link GitConfig} reads a file as JGit (what Gerrit reads project.config with) does: the same
 * values for every setting, and an error exactly where JGit refuses the text. Checked against the
 * JGit of the Gerrit API on written cases and on generated ones.
 */
class GitConfigTest {

  /** Every case where JGit's reading is easy to get wrong. */
  private static final List<String> CASES =
      List.of(
          "",
          "\n\n  \n",
          "# comment\n; comment\n",
          "[plugin \"security-review\"]\n  enabled\n",
          "[plugin \"security-review\"]\n  enabled =\n",
          "[plugin \"security-review\"]\n  enabled = \"\"\n",
          "[plugin \"security-review\"]\n  enabled = \" \"\n",
          "[plugin \"security-review\"]\n\tx\t\n",
          "[plugin \"security-review\"]\n x ;c\n x #c\n x= #c\n",
          "[plugin \"security-review\"]\n voteSeverity = low\n VoteSeverity = high\n",
          "[plugin \"security-review\"]\n exclude = \"a  b\" # c\n",
          "[plugin \"security-review\"]\n exclude = a   b   ; c\n",
          "[plugin \"security-review\"]\n exclude = a\\\n  b\n",
          "[plugin \"security-review\"]\n exclude = a \\\n b\n",
          "[plugin \"security-review\"]\n x=1 \\\n #c\n y=2\n",
          "[plugin \"security-review\"]\n x=\"a\\\nb\"\n",
          "[plugin \"security-review\"]\n exclude = \"unterminated\n",
          "[plugin \"security-review\"]\n exclude = \"unterminated at the end",
          "[plugin \"security-review\"]\n exclude = a\\qb\n",
          "[plugin \"security-review\"]\n exclude = a\\tb\\nc\\\\d\\\"e\\bf\n",
          "[plugin \"security-review\"]\n x = \"  a\"\n x = \"a  \"\n x = a \"\" b\n x = \"\" a\n",
          "[plugin \"security-review\"]\n x = a \"  \" \n",
          "[plugin \"security-review\"]\n x = \"a\" b \"c\"\n",
          "[plugin \"security-review\"]\n x = a#b\n x = \"a#b\"\n x = a;b\n",
          "[plugin \"security-review\"]\n x=a\n x\t=\ta\t\n",
          "[plugin \"security-review\"]\n x = a\\",
          "[plugin \"security-review\"]\n x = a\\\n",
          "[plugin \"security-review\"]\n x = a\\\r\n b\n",
          "[plugin \"security-review\"]\n x = \\\r\n",
          "[plugin \"security-review\"]\n x = \\\r",
          "[plugin \"security-review\"]\n x = \\ \n",
          "[plugin \"security-review\"]\n x",
          "[plugin \"security-review\"]\n x ",
          "[plugin \"security-review\"]\n x =",
          "[plugin \"security-review\"]\n x\r\n",
          "[plugin \"security-review\"]\r\n x = 1\r\n y = a\rb\r\n",
          "[plugin \"security-review\"]\n x = a\u2003\u2003b\u2003\n x =\u2003a\n x = a\u00a0\n",
          "[plugin \"security-review\"]\n x = a\\\u2003b\n",
          "[plugin \"security-review\"]\n x = a\u0000b\n",
          "[plugin \"security-review\"]\n vote_severity = x\n",
          "[plugin \"security-review\"]\n 1x = x\n x-y = x\n -x = 1\n",
          "[plugin \"security-review\"]\n x y = 1\n",
          "[plugin \"security-review\"]\n x\n= 1\n",
          "[plugin \"security-review\"]\n = 1\n",
          "[plugin \"security-review\"]\n \u00e9 = 1\n",
          "[plugin \"security-review\"]\n x\u00a0= 1\n",
          "[Plugin \"security-review\"]\n x = 1\n",
          "[plugin \"Security-Review\"]\n x = 1\n",
          "[plugin.security-review]\n x = 1\n",
          "[plugin \"security-review\"\n x = 1\n",
          "[plugin \"security\\\"review\"]\n x = 1\n",
          "[plugin \"sec\\urity-review\"]\n x = 1\n",
          "[plugin \"security-review\"] x = 1\n",
          "[plugin \"security-review\"] # hi\n x = 1\n",
          "[plugin  \"security-review\"]\n x=1\n",
          "[plugin\t\"security-review\"]\n x=1\n",
          "[plugin \"security-review\" ]\n x=1\n",
          "[plugin \"security-review\"x]\n y = 1\n",
          "[plugin \"a\\\nb\"]\n x=1\n",
          "[plugin \"a\nb\"]\n x=1\n",
          "[plugin \"a\\",
          "[plugin \"a",
          "[plugin",
          "[]\n x=1\n",
          "[ s]\n x=1\n",
          "[ \"s\"]\n x=1\n",
          "[s \"\"]\n x=1\n",
          "[pl ugin]\n x = 1\n",
          "[plug_in]\n x = 1\n",
          "[\u00e9]\n x = 1\n",
          "x = 1\n",
          "\uFEFF[plugin \"security-review\"]\n x = 1\n",
          "\u2003[s]\n x = 1\n",
          "[s]\n\u2003x = 1\n",
          "[s]\n x = 1\n\f\n",
          "[s]\nx=1\n  [t]\n y=2\n",
          "[plugin \"security-review\"]\n x = a\n[plugin \"other\"]\n x = z\n"
              + "[plugin \"security-review\"]\n x = c\n",
          "[section]\n x = 1\n[include]\n path = foo\n[plugin \"security-review\"]\n x = 3\n",
          "[project]\n\tdescription = Neutron\n[access \"refs/heads/*\"]\n"
              + "\tlabel-Security-Review = -1..+1 group Service Users\n"
              + "[label \"Security-Review\"]\n\tvalue = -1 Security issues found\n"
              + "\tvalue = 0 No score\n\tvalue = +1 No security issues found\n"
              + "[plugin \"security-review\"]\n\texclude = **/tests/**, doc/**\n"
              + "\tdisabledRule = OVN502 B101\n\tvoteSeverity = high\n");

  @Test
  void writtenCases_readAsJGitReadsThem() {
    for (String text : CASES) {
      assertSameAsJGit(text);
    }
  }

  /**
   * Lines built from the characters the grammar cares about, many times over: whatever JGit makes
   * of them, so does {@link GitConfig}.
   */
  @Test
  void generatedCases_readAsJGitReadsThem() {
    String[] pieces = {
      "[",
      "]",
      "\"",
      "\\",
      "\n",
      "\r",
      " ",
      "\t",
      "=",
      "#",
      ";",
      "a",
      "b",
      "-",
      ".",
      "_",
      "é",
      "\u2003",
      "\u00a0",
      "plugin",
      "security-review",
      "enabled",
      "x",
      "\"security-review\"",
      "[plugin \"security-review\"]\n",
      "\\\n",
      "\\t",
      "\\\"",
      " = ",
    };
    Random random = new Random(20260801);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) > 0) {
        text.append("[plugin \"security-review\"]\n");
      }
      int length = 1 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertSameAsJGit(text.toString());
    }
  }

  @Test
  void entriesKeepTheirLine_andSyntaxErrorsNameTheirs() throws Exception {
    GitConfig config =
        GitConfig.parse(
            "# settings\n[plugin \"security-review\"]\n  a = 1\n  b = x\\\n  y\n  c\n[other]\n");
    assertThat(config.entries())
        .containsExactly(
            new GitConfig.Entry("plugin", "security-review", "a", "1", 3),
            new GitConfig.Entry("plugin", "security-review", "b", "x  y", 4),
            new GitConfig.Entry("plugin", "security-review", "c", "", 6))
        .inOrder();
    assertThat(config.headers())
        .containsExactly(
            new GitConfig.Header("plugin", "security-review", 2),
            new GitConfig.Header("other", null, 7))
        .inOrder();

    assertThat(error("[s]\n a = 1\n b = \"open\n c = 2\n").line()).isEqualTo(3);
    assertThat(error("[s]\n a = 1\n b = \"open\n c = 2\n").getMessage())
        .isEqualTo("a quoted value must end on its line (missing '\"')");
    assertThat(error("[s]\n\n vote_severity = high\n").getMessage())
        .isEqualTo(
            "'_' cannot be part of a setting's name (after 'vote'): a name has only letters,"
                + " digits and '-'");
    assertThat(error("[s]\n\n vote_severity = high\n").line()).isEqualTo(3);
    assertThat(error("voteSeverity = high\n").getMessage())
        .startsWith("a setting outside any section");
    assertThat(error("\uFEFF[s]\n").getMessage()).contains("byte order mark");
    assertThat(error("[s]\n x = a\\q\n").getMessage())
        .startsWith("a backslash before 'q' in a value");
    assertThat(error("[s \"a\" ]\n").getMessage())
        .isEqualTo("bad section header: ']' must follow the quoted subsection name");
    assertThat(error("[s]\n x").getMessage())
        .isEqualTo("the file ends inside the setting 'x': end it with '= VALUE' or a line break");
  }

  private static GitConfig.SyntaxError error(String text) {
    return assertThrows(GitConfig.SyntaxError.class, () -> GitConfig.parse(text));
  }

  /** Both refuse the text, or both give every setting the same values in the same order. */
  private static void assertSameAsJGit(String text) {
    Config jgit = new Config();
    ConfigInvalidException jgitError = null;
    try {
      jgit.fromText(text);
    } catch (ConfigInvalidException e) {
      jgitError = e;
    }
    GitConfig ours = null;
    GitConfig.SyntaxError ourError = null;
    try {
      ours = GitConfig.parse(text);
    } catch (GitConfig.SyntaxError e) {
      ourError = e;
    }
    String shown = shown(text);
    if (jgitError != null || ourError != null) {
      assertWithMessage(
              "%s: JGit says %s, we say %s",
              shown,
              jgitError == null ? "fine" : jgitError.getMessage(),
              ourError == null ? "fine" : ourError.getMessage())
          .that(jgitError != null && ourError != null)
          .isTrue();
      return;
    }
    Map<String, List<String>> ourValues = new LinkedHashMap<>();
    for (GitConfig.Entry e : ours.entries()) {
      ourValues
          .computeIfAbsent(key(e.section(), e.subsection(), e.name()), k -> new ArrayList<>())
          .add(e.value());
    }
    Map<String, List<String>> jgitValues = new LinkedHashMap<>();
    for (String section : jgit.getSections()) {
      addJGitValues(jgit, section, null, jgitValues);
      for (String subsection : jgit.getSubsections(section)) {
        addJGitValues(jgit, section, subsection, jgitValues);
      }
    }
    // JGit lists no names for some sections its getters still read (an empty subsection name):
    // each of our settings must read the same through JGit's getters.
    for (Map.Entry<String, List<String>> e : ourValues.entrySet()) {
      String[] k = e.getKey().split("\u0000", -1);
      String subsection = k[1].equals("\u0001") ? null : k[1];
      assertWithMessage("%s: values of %s", shown, Arrays.toString(k))
          .that(Arrays.asList(jgit.getStringList(k[0], subsection, k[2])))
          .isEqualTo(e.getValue());
    }
    for (Map.Entry<String, List<String>> e : jgitValues.entrySet()) {
      assertWithMessage("%s: JGit's %s", shown, e.getKey().replace('\u0000', '|'))
          .that(ourValues.get(e.getKey()))
          .isEqualTo(e.getValue());
    }
  }

  private static void addJGitValues(
      Config jgit, String section, String subsection, Map<String, List<String>> out) {
    for (String name : jgit.getNames(section, subsection)) {
      out.put(
          key(section, subsection, name),
          Arrays.asList(jgit.getStringList(section, subsection, name)));
    }
  }

  private static String key(String section, String subsection, String name) {
    return section.toLowerCase(Locale.ROOT)
        + "\u0000"
        + (subsection == null ? "\u0001" : subsection)
        + "\u0000"
        + name.toLowerCase(Locale.ROOT);
  }

  private static String shown(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      b.append(
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            case '"' -> "\\\"";
            default -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
          });
    }
    return b.append('"').toString();
  }
}
