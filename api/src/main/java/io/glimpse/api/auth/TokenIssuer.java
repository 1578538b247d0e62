package io.glimpse.api.auth;

import io.glimpse.api.config.GlimpseProperties;
import io.glimpse.api.security.AccessTokens;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.security.Sessions;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Starts sessions and rotates their tokens. Admin rights come from configuration at issue time. */
@Component
class TokenIssuer {

    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final GlimpseProperties properties;

    TokenIssuer(Sessions sessions, AccessTokens accessTokens, GlimpseProperties properties) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.properties = properties;
    }

    Tokens.Pair startSession(UUID userId, String username) {
        Sessions.Started session = sessions.start(userId, username);
        return pair(userId, username, session.sessionId(), session.refreshToken());
    }

    Tokens.Pair refresh(String refreshToken) {
        Sessions.Refreshed session = sessions.refresh(refreshToken)
                .orElseThrow(() -> new BadCredentialsException("The refresh token is invalid, expired or revoked"));
        return pair(session.userId(), session.username(), session.sessionId(), session.refreshToken());
    }

    private Tokens.Pair pair(UUID userId, String username, UUID sessionId, String refreshToken) {
        var user = new AuthenticatedUser(userId, username, properties.security().isAdmin(username), sessionId);
        return new Tokens.Pair(accessTokens.issue(user), refreshToken, accessTokens.ttl().toSeconds(), "Bearer");
    }
}
