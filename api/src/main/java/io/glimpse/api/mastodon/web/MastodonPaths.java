package io.glimpse.api.mastodon.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/** The paths the Mastodon API answers, apart from Glimpse's own API. */
public final class MastodonPaths {

    public static final String[] ALL = {"/api/v1/**", "/api/v2/**", "/oauth/**", "/.well-known/oauth-authorization-server",
            "/.well-known/nodeinfo", "/nodeinfo/**", "/avatars/original/missing.png"};

    /** The streams of Mastodon's streaming API that Glimpse serves: the WebSocket, and the SSE streams. */
    private static final Set<String> STREAMS = Set.of("/api/v1/streaming", "/api/v1/streaming/",
            "/api/v1/streaming/user", "/api/v1/streaming/user/notification");

    private MastodonPaths() {
    }

    /** Whether the request opens a stream (not the health check, nor a stream Glimpse does not serve). */
    public static boolean isStream(HttpServletRequest request) {
        return STREAMS.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    public static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.startsWith("/oauth/")
                || path.startsWith("/.well-known/oauth-authorization-server") || path.startsWith("/.well-known/nodeinfo")
                || path.startsWith("/nodeinfo/");
    }
}
