package io.glimpse.api.security;

import io.glimpse.api.config.GlimpseProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredSecretOneIsGeneratedOnceAndKeptPrivately() throws Exception {
        JwtSigningKey first = new JwtSigningKey(properties(null));
        JwtSigningKey second = new JwtSigningKey(properties(null));

        assertThat(second.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(first.key().getEncoded()).hasSizeGreaterThanOrEqualTo(JwtSigningKey.MIN_SECRET_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void differentDataDirectoriesGetDifferentKeys(@TempDir Path otherDir) {
        JwtSigningKey here = new JwtSigningKey(properties(null));
        JwtSigningKey there = new JwtSigningKey(new GlimpseProperties(otherDir, security(null)));
        assertThat(there.key().getEncoded()).isNotEqualTo(here.key().getEncoded());
    }

    @Test
    void aConfiguredSecretIsUsedAndNothingIsWritten() {
        JwtSigningKey key = new JwtSigningKey(properties("an-operator-chosen-secret-of-40-bytes!!!"));
        assertThat(key.key().getEncoded()).hasSize(40);
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new JwtSigningKey(properties("too-short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    private GlimpseProperties properties(String secret) {
        return new GlimpseProperties(dataDir, security(secret));
    }

    private static GlimpseProperties.Security security(String secret) {
        return new GlimpseProperties.Security(List.of(), secret, Duration.ofMinutes(15), Duration.ofDays(30), List.of());
    }
}
