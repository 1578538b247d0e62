package io.glimpse.api.mastodon.web;

import jakarta.servlet.http.HttpServletRequest;

/** The paths the Mastodon API answers, apart from Glimpse's own API. */
public final class MastodonPaths {

    public static final String[] ALL = {"/api/v1/**", "/api/v2/**", "/oauth/**", "/.well-known/oauth-authorization-server",
            "/.well-known/nodeinfo", "/nodeinfo/**", "/avatars/original/missing.png"};

    /** Mastodon's streaming API: {@code /api/v1/streaming} (WebSocket) and below it (SSE, health). */
    public static final String STREAMING = "/api/v1/streaming";

    private MastodonPaths() {
    }

    public static boolean isStreaming(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(STREAMING) || path.startsWith(STREAMING + "/");
    }

    public static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.startsWith("/oauth/")
                || path.startsWith("/.well-known/oauth-authorization-server") || path.startsWith("/.well-known/nodeinfo")
                || path.startsWith("/nodeinfo/");
    }
}
