package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.testing.PartStrings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {
  /**
   * The quick look at a raw name never turns away one whose snake case holds a secret stem: over
   * generated names of stems split by case, underscores, other characters and letters that fold
   * oddly (Kelvin sign, long s, dotless i).
   */
  @Test
  void maySpellSecretStem_neverMissesAStemOfTheSnakeCase() {
    String[] parts = {
      "pa", "s", "S", "P", "as", "wd", "W", "sk", "k", "K", "ey", "E", "Y", "to", "T", "ken", "Ken",
      "se", "cret", "CRET", "cr", "ed", "Ed", "_", "-", " ", "1", "\u212a", "\u017f", "\u0131", "x",
      "X", "Pw", "d", "D"
    };
    int stems = 0;
    for (String name : PartStrings.of(parts, 6, 200_000, 18)) {
      boolean stem = SecretNames.hasSecretStem(SecretNames.snake(name));
      stems += stem ? 1 : 0;
      if (stem) {
        assertWithMessage(name).that(SecretNames.maySpellSecretStem(name)).isTrue();
      }
    }
    // The generator reaches both sides.
    assertThat(stems).isGreaterThan(2_000);
    assertThat(stems).isLessThan(190_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "admin_password",
        "adminPassword",
        "AdminPassword",
        "AuthToken",
        "authToken",
        "X-Auth-Token",
        "metadata_proxy_shared_secret",
        "secretKey",
        "APIKey",
        "_password",
        "passwords",
        "credentials",
        "creds",
        "password_value",
        "auth token",
      })
  void secretNames(String name) {
    assertThat(SecretNames.isSecret(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password_file",
        "passwordFile",
        "token_type",
        "TokenType",
        "secret_ref",
        "credential_id",
        "credentialId",
        "path_to_private_key",
        "has_password",
        "hasPassword",
        "use_token",
        "token_bucket",
        "username",
        "bypass",
        "compass",
        "access_key",
      })
  void namesAboutSecretsOrNone(String name) {
    assertThat(SecretNames.isSecret(name)).isFalse();
  }

  @Test
  void kindsInMixedCase() {
    assertThat(SecretNames.kind("adminPassword")).isEqualTo("password");
    assertThat(SecretNames.kind("AuthToken")).isEqualTo("token");
    assertThat(SecretNames.kind("sharedSecret")).isEqualTo("secret");
    assertThat(SecretNames.kind("secret_key")).isEqualTo("key");
    assertThat(SecretNames.kind("vtepCredentials")).isEqualTo("credential");
  }

  @Test
  void kindsInsideAValue() {
    assertThat(SecretNames.kindsIn("X-Auth-Token")).containsExactly("token");
    assertThat(SecretNames.kindsIn("vendor:kmip_secret_key")).containsExactly("key");
    assertThat(SecretNames.kindsIn("v3password")).containsExactly("password");
    assertThat(SecretNames.kindsIn("basic_auth")).isEmpty();
  }

  @Test
  void namesAboutAValue() {
    assertThat(SecretNames.isAbout("auth_key_id")).isTrue();
    assertThat(SecretNames.isAbout("tokenType")).isTrue();
    assertThat(SecretNames.isAbout("auth_key")).isFalse();
  }

  @Test
  void keyFileNames() {
    assertThat(SecretNames.isPrivateKey("ovn_nb_private_key")).isTrue();
    assertThat(SecretNames.isPrivateKey("sslKey")).isTrue();
    assertThat(SecretNames.isPrivateKey("api_key")).isFalse();
  }
}
