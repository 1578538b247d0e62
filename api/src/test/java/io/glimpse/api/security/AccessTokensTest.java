package io.glimpse.api.security;

import io.glimpse.api.config.GlimpseProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembering verified tokens must not stretch their lifetime or let a changed token through. */
class AccessTokensTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    private Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final AuthenticatedUser ann = new AuthenticatedUser(UUID.randomUUID(), "ann", false, UUID.randomUUID());

    private AccessTokens tokens() {
        GlimpseProperties properties = new GlimpseProperties(dataDir,
                new GlimpseProperties.Security(List.of(), null, TTL, Duration.ofDays(30), List.of()));
        return new AccessTokens(new JwtSigningKey(properties), properties, clock);
    }

    @Test
    void aTokenVerifiedBeforeIsStillRejectedOnceItExpires() {
        AccessTokens tokens = tokens();
        String token = tokens.issue(ann);
        assertThat(tokens.verify(token)).contains(ann);

        now = now.plus(TTL).minusSeconds(1);
        assertThat(tokens.verify(token)).as("remembered, still valid").contains(ann);
        now = now.plusSeconds(2);
        assertThat(tokens.verify(token)).as("remembered, but expired").isEmpty();
    }

    @Test
    void aTokenChangedAfterBeingVerifiedIsVerifiedAfreshAndRejected() {
        AccessTokens tokens = tokens();
        String token = tokens.issue(ann);
        assertThat(tokens.verify(token)).contains(ann);

        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(tokens.verify(otherSignature)).isEmpty();
        assertThat(tokens.verify(token + " ")).isEmpty();
        assertThat(tokens.verify(token)).contains(ann);
    }
}
