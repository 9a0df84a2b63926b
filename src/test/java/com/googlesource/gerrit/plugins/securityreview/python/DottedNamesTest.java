package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of dotted names that rules gate on. */
class DottedNamesTest {
  @Test
  void firstPartIsThePackage_orTheWholeName() {
    assertThat(DottedNames.firstPart("six.moves.urllib.request.urlopen")).isEqualTo("six");
    assertThat(DottedNames.firstPart("numpy")).isEqualTo("numpy");
  }

  @Test
  void firstPartsOfSeveralTables_eachOnce() {
    assertThat(
            DottedNames.firstParts(
                Set.of("tenacity.retry", "tenacity.asyncio.AsyncRetrying"),
                List.of("retrying.retry", "xml")))
        .containsExactly("tenacity", "retrying", "xml");
  }
}
