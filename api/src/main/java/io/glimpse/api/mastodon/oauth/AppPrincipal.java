package io.glimpse.api.mastodon.oauth;

import java.util.UUID;

/** The caller of a request made with an app token (client-credentials grant): an app, no user. */
public record AppPrincipal(UUID appId, Scopes scopes) {
}
