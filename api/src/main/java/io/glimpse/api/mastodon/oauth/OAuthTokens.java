package io.glimpse.api.mastodon.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.glimpse.api.security.Sessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorization codes and access tokens of the Mastodon API. Mastodon's tokens do not expire, and
 * Mastodon apps do not refresh, so these are opaque random tokens stored as SHA-256 hashes rather
 * than Glimpse's 15-minute JWTs. Each user token is tied to a Glimpse login session
 * ({@link Sessions}): the session's rotating refresh token is the OAuth refresh token, and revoking
 * the session (logout, refresh-token reuse, account deletion) ends the access token too.
 */
@Component
public class OAuthTokens {

    static final Duration CODE_TTL = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final Clock clock;
    /** Tokens are looked up on every request; a revocation by this instance forgets its entry at once. */
    private final Cache<String, Optional<TokenGrant>> known = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    OAuthTokens(JdbcClient jdbc, Sessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What an authorization code was issued for. */
    public record CodeGrant(UUID appId, UUID userId, String username, String redirectUri, Scopes scopes,
                            String codeChallenge) {
    }

    public String issueCode(RegisteredApp app, UUID userId, String username, String redirectUri, Scopes scopes,
                            String codeChallenge) {
        String code = Secrets.random();
        jdbc.sql("""
                        insert into mastodon_authorization_code (code_hash, app_id, user_id, username, redirect_uri,
                                                                 scopes, code_challenge, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Secrets.sha256Hex(code), app.id(), userId, username, redirectUri, scopes.text(), codeChallenge,
                        now().plus(CODE_TTL))
                .update();
        return code;
    }

    /** @return the code's grant, consumed: a code works once, and only within ten minutes */
    @Transactional
    public Optional<CodeGrant> redeemCode(String code) {
        String hash = Secrets.sha256Hex(code == null ? "" : code);
        int consumed = jdbc.sql("""
                        update mastodon_authorization_code set used_at = ?
                         where code_hash = ? and used_at is null and expires_at > ?""")
                .params(now(), hash, now())
                .update();
        if (consumed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select app_id, user_id, username, redirect_uri, scopes, code_challenge
                          from mastodon_authorization_code where code_hash = ?""")
                .param(hash)
                .query((rs, row) -> new CodeGrant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), Scopes.parse(rs.getString(5)), rs.getString(6)))
                .optional();
    }

    @Transactional
    public IssuedToken issueUserToken(UUID appId, UUID userId, String username, Scopes scopes) {
        Sessions.Started session = sessions.start(userId, username);
        return new IssuedToken(insert(appId, session.sessionId(), userId, username, scopes), session.refreshToken(),
                scopes, clock.instant().getEpochSecond());
    }

    public IssuedToken issueAppToken(UUID appId, Scopes scopes) {
        return new IssuedToken(insert(appId, null, null, null, scopes), null, scopes, clock.instant().getEpochSecond());
    }

    /**
     * Rotates the session's refresh token (reuse of an old one revokes the session) and replaces
     * the session's access token with a new one of the same scopes.
     */
    @Transactional
    public Optional<IssuedToken> refresh(RegisteredApp app, String refreshToken) {
        Optional<Sessions.Refreshed> refreshed = sessions.refresh(refreshToken == null ? "" : refreshToken);
        if (refreshed.isEmpty()) {
            return Optional.empty();
        }
        Sessions.Refreshed session = refreshed.get();
        Optional<String> scopes = jdbc.sql("select scopes from mastodon_token where session_id = ? and app_id = ? "
                        + "order by created_at desc limit 1")
                .params(session.sessionId(), app.id()).query(String.class).optional();
        if (scopes.isEmpty()) {
            return Optional.empty(); // a refresh token of another app, or of the native API
        }
        jdbc.sql("update mastodon_token set revoked_at = ? where session_id = ? and revoked_at is null")
                .params(now(), session.sessionId()).update();
        known.invalidateAll();
        Scopes granted = Scopes.parse(scopes.get());
        return Optional.of(new IssuedToken(insert(app.id(), session.sessionId(), session.userId(), session.username(),
                granted), session.refreshToken(), granted, clock.instant().getEpochSecond()));
    }

    /** @return what the token stands for, or empty for an unknown or revoked one */
    public Optional<TokenGrant> verify(String token) {
        String hash = Secrets.sha256Hex(token);
        return known.get(hash, this::load);
    }

    /** Revokes an access token of this app and, for a user token, its whole session; unknown tokens are ignored (RFC 7009). */
    @Transactional
    public void revoke(RegisteredApp app, String token) {
        String hash = Secrets.sha256Hex(token == null ? "" : token);
        Optional<TokenGrant> grant = load(hash).filter(found -> found.appId().equals(app.id()));
        if (grant.isEmpty()) {
            return;
        }
        jdbc.sql("update mastodon_token set revoked_at = ? where token_hash = ?").params(now(), hash).update();
        if (grant.get().sessionId() != null) {
            sessions.revoke(grant.get().sessionId());
        }
        known.invalidate(hash);
    }

    private String insert(UUID appId, UUID sessionId, UUID userId, String username, Scopes scopes) {
        String token = Secrets.random();
        jdbc.sql("""
                        insert into mastodon_token (token_hash, app_id, session_id, user_id, username, scopes, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Secrets.sha256Hex(token), appId, sessionId, userId, username, scopes.text(), now())
                .update();
        return token;
    }

    private Optional<TokenGrant> load(String hash) {
        return jdbc.sql("""
                        select app_id, session_id, user_id, username, scopes from mastodon_token
                         where token_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, row) -> new TokenGrant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), Scopes.parse(rs.getString(5))))
                .optional();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
