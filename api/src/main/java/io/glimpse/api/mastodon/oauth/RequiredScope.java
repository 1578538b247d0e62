package io.glimpse.api.mastodon.oauth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * The scope a Mastodon endpoint needs, as Mastodon's documentation gives it per method:
 * {@code read:<kind>} to read and {@code write:<kind>} to change, where the kind comes from the
 * path ({@code /api/v1/statuses/...} is {@code statuses}). Follows and blocks are their own kinds,
 * which the legacy {@code follow} scope also covers.
 */
final class RequiredScope {

    private static final Map<String, String> KIND_BY_SEGMENT = Map.ofEntries(
            Map.entry("accounts", "accounts"), Map.entry("statuses", "statuses"), Map.entry("media", "media"),
            Map.entry("timelines", "statuses"), Map.entry("notifications", "notifications"),
            Map.entry("search", "search"), Map.entry("blocks", "blocks"), Map.entry("markers", "statuses"),
            Map.entry("favourites", "favourites"), Map.entry("follows", "follows"));

    private RequiredScope() {
    }

    /** @return e.g. {@code write:statuses}, or {@code null} where no scope is needed (OAuth, instance) */
    static String of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/v1/") && !path.startsWith("/api/v2/")) {
            return null;
        }
        String[] segments = path.split("/");
        if (segments.length < 4) {
            return null;
        }
        String kind = KIND_BY_SEGMENT.get(segments[3]);
        if (kind == null) {
            return null;
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (path.endsWith("/follow") || path.endsWith("/unfollow") || path.contains("/relationships")
                || path.endsWith("/followers") || path.endsWith("/following")) {
            kind = "follows";
        } else if (path.endsWith("/block") || path.endsWith("/unblock")) {
            kind = "blocks";
        } else if (path.endsWith("/favourite") || path.endsWith("/unfavourite")) {
            kind = "favourites";
        }
        if (path.endsWith("/verify_credentials") || path.endsWith("/update_credentials")) {
            kind = "accounts";
        }
        if (!reading && path.equals("/api/v1/accounts")) {
            return "write:accounts";
        }
        return (reading ? "read:" : "write:") + kind;
    }
}
