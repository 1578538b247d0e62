package io.glimpse.api.feature;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.query.feature.FeatureFlagRepository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The server-side check of a gated feature. A feature whose flag was never created (or was
 * deleted) is on for everyone, so a fresh installation works as before; once an admin creates its
 * flag it follows the flag, which starts disabled at 0%: the gray release begins with nobody.
 * Callers without an account count as off for a gated feature whose flag exists.
 */
@Component
public class FeatureGate {

    /** The search autocomplete of {@code GET /api/search/autocomplete}. */
    public static final String SEARCH_AUTOCOMPLETE = "search-autocomplete";

    /** The live stream of {@code GET /api/stream} and its tickets. */
    public static final String LIVE_STREAM = "live-stream";

    private final FeatureFlagRepository flags;

    FeatureGate(FeatureFlagRepository flags) {
        this.flags = flags;
    }

    public boolean isOn(String feature, AuthenticatedUser user) {
        UUID userId = user == null ? new UUID(0, 0) : user.id();
        return flags.rule(feature, userId)
                .map(rule -> user != null && rule.isOnFor(userId))
                .orElse(true);
    }

    /** A feature that is off for this user does not exist for them: 404, as an unknown route would be. */
    public void require(String feature, AuthenticatedUser user) {
        if (!isOn(feature, user)) {
            throw new NotFoundException("This feature is not available to you");
        }
    }
}
