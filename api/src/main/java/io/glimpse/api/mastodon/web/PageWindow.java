package io.glimpse.api.mastodon.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Mastodon's pagination parameters: {@code max_id} (older than), {@code since_id} (newer than,
 * newest first), {@code min_id} (newer than, the ones just after it) and {@code limit}.
 */
public record PageWindow(String maxId, String sinceId, String minId, int limit) {

    public static PageWindow of(HttpServletRequest request, int defaultLimit, int maxLimit) {
        String limitText = request.getParameter("limit");
        int limit = defaultLimit;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException notANumber) {
                throw new MastodonException(400, "limit must be a number");
            }
        }
        limit = Math.max(1, Math.min(limit, maxLimit));
        return new PageWindow(blankToNull(request.getParameter("max_id")), blankToNull(request.getParameter("since_id")),
                blankToNull(request.getParameter("min_id")), limit);
    }

    public boolean readsNewer() {
        return sinceId != null || minId != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
