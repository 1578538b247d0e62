package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.mastodon.oauth.MastodonTokenFilter;
import io.glimpse.api.mastodon.oauth.Scopes;
import io.glimpse.api.mastodon.oauth.TokenGrant;
import io.glimpse.api.mastodon.web.BaseUrl;
import io.glimpse.api.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who holds a Mastodon stream, as the request that opened it showed: the user, the scopes of their
 * token ({@code null} for a Glimpse JWT, which is not limited by scopes), and the address they
 * reached this server at, for the URLs in the entities sent later.
 */
record Subscriber(AuthenticatedUser user, Scopes scopes, String baseUrl) {

    static Subscriber of(AuthenticatedUser user, HttpServletRequest request) {
        TokenGrant grant = (TokenGrant) request.getAttribute(MastodonTokenFilter.GRANT_ATTRIBUTE);
        return new Subscriber(user, grant == null ? null : grant.scopes(), BaseUrl.current());
    }

    boolean may(MastodonStream stream) {
        return scopes == null || scopes.allows(stream.scope());
    }
}
