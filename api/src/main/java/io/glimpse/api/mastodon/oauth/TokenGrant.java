package io.glimpse.api.mastodon.oauth;

import java.util.UUID;

/**
 * What a Mastodon access token stands for: a user's login session through an app, or (without
 * user and session) the app itself, as the client-credentials grant gives it.
 */
public record TokenGrant(UUID appId, UUID sessionId, UUID userId, String username, Scopes scopes) {

    public boolean isAppOnly() {
        return userId == null;
    }
}
