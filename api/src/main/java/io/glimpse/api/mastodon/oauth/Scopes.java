package io.glimpse.api.mastodon.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OAuth scopes as Mastodon names them: {@code read}, {@code write}, {@code follow}, {@code push}
 * and the granular {@code read:statuses}, {@code write:media}... A request is allowed when the
 * token holds the scope the endpoint needs, its top-level scope, or (for a top-level need) any of
 * its granular scopes. {@code follow} is what Mastodon's follow and block endpoints used to
 * require; {@code write} or {@code read} cover them today, and so they do here.
 */
public record Scopes(Set<String> granted) {

    public static final Scopes DEFAULT = new Scopes(Set.of("read"));
    private static final Pattern VALID = Pattern.compile("(read|write|follow|push|profile|admin:read|admin:write)(:[a-z_]+)?");

    /** Parses a space-separated (or, as some clients send, plus- or comma-separated) list; empty means {@code read}. */
    public static Scopes parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(text.trim().split("[\\s+,]+")));
        for (String scope : scopes) {
            if (!VALID.matcher(scope).matches()) {
                throw new OAuthException(OAuthException.INVALID_SCOPE,
                        "The requested scope is invalid, unknown, or malformed: " + scope);
            }
        }
        return new Scopes(Set.copyOf(scopes));
    }

    /** Whether every scope asked for is one this set allows (an app asks for no more than it registered). */
    public boolean covers(Scopes requested) {
        return requested.granted.stream().allMatch(this::allows);
    }

    /** @param needed e.g. {@code read}, {@code write:statuses} */
    public boolean allows(String needed) {
        if (granted.contains(needed)) {
            return true;
        }
        int colon = needed.indexOf(':');
        if (colon > 0 && !needed.startsWith("admin:")) {
            String kind = needed.substring(colon + 1);
            boolean legacyFollow = granted.contains("follow") && (kind.equals("follows") || kind.equals("blocks"));
            return legacyFollow || granted.contains(needed.substring(0, colon));
        }
        return granted.stream().anyMatch(scope -> scope.startsWith(needed + ":"));
    }

    public String text() {
        return String.join(" ", granted.stream().sorted().toList());
    }

    public List<String> list() {
        return granted.stream().sorted().toList();
    }
}
