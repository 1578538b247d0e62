package io.glimpse.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.glimpse.api.config.GlimpseProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Login sessions and their rotating refresh tokens. A session is a refresh-token family: each
 * refresh consumes the presented token and issues the next one; presenting a consumed token again
 * means it was stolen (or replayed), so the whole session is revoked. Only SHA-256 hashes of
 * refresh tokens are stored.
 */
@Component
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Sessions seen active recently, with the time until which that answer stands. */
    private final Cache<UUID, Boolean> recentlyActive = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(1)).build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refreshTtl;

    Sessions(JdbcClient jdbc, Clock clock, GlimpseProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshTtl = properties.security().refreshTokenTtl();
    }

    public record Started(UUID sessionId, String refreshToken) {
    }

    public record Refreshed(UUID sessionId, UUID userId, String username, String refreshToken) {
    }

    private record StoredToken(UUID sessionId, UUID userId, String username, boolean sessionRevoked,
                               OffsetDateTime expiresAt) {
    }

    @Transactional
    public Started start(UUID userId, String username) {
        UUID sessionId = UUID.randomUUID();
        jdbc.sql("insert into auth_session (id, user_id, username, created_at) values (?, ?, ?, ?)")
                .params(sessionId, userId, username, now())
                .update();
        return new Started(sessionId, issueRefreshToken(sessionId));
    }

    /** @return the session's next refresh token, or empty if the token is unknown, expired, reused or revoked */
    @Transactional
    public Optional<Refreshed> refresh(String refreshToken) {
        String hash = hash(refreshToken);
        Optional<StoredToken> found = jdbc.sql("""
                        select s.id, s.user_id, s.username, s.revoked_at, t.expires_at
                          from refresh_token t join auth_session s on s.id = t.session_id
                         where t.token_hash = ?""")
                .param(hash)
                .query((rs, row) -> new StoredToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class) != null,
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
        if (found.isEmpty() || found.get().sessionRevoked() || found.get().expiresAt().isBefore(now())) {
            return Optional.empty();
        }
        StoredToken token = found.get();
        // The conditional update is the atomic "consume": of two concurrent refreshes with the
        // same token, exactly one changes the row.
        int consumed = jdbc.sql("update refresh_token set used_at = ? where token_hash = ? and used_at is null")
                .params(now(), hash)
                .update();
        if (consumed == 0) {
            revoke(token.sessionId());
            return Optional.empty();
        }
        return Optional.of(new Refreshed(token.sessionId(), token.userId(), token.username(),
                issueRefreshToken(token.sessionId())));
    }

    /**
     * Asked on every authenticated request, so answers are remembered for a second. Revocations
     * made by this instance take effect at once (they forget the session); those made by another
     * instance within at most that second.
     */
    public boolean isActive(UUID sessionId) {
        if (recentlyActive.getIfPresent(sessionId) != null) {
            return true;
        }
        boolean active = jdbc.sql("select count(*) from auth_session where id = ? and revoked_at is null")
                .param(sessionId)
                .query(Long.class)
                .single() > 0;
        if (active) {
            recentlyActive.put(sessionId, Boolean.TRUE);
        }
        return active;
    }

    public void revoke(UUID sessionId) {
        jdbc.sql("update auth_session set revoked_at = ? where id = ? and revoked_at is null")
                .params(now(), sessionId)
                .update();
        recentlyActive.invalidate(sessionId);
    }

    public void revokeAllOf(UUID userId) {
        jdbc.sql("update auth_session set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(now(), userId)
                .update();
        recentlyActive.invalidateAll();
    }

    private String issueRefreshToken(UUID sessionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into refresh_token (token_hash, session_id, expires_at) values (?, ?, ?)")
                .params(hash(token), sessionId, now().plus(refreshTtl))
                .update();
        return token;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
