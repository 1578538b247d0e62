package io.glimpse.events.feature;

import java.util.Set;
import java.util.UUID;

/**
 * What happened to a feature flag. The {@code FeatureFlag} aggregate, named by the flag, is the
 * only source of these events. Each names the admin who made the change, so a flag's history
 * says who turned what on and when.
 */
public sealed interface FeatureFlagEvent {

    String flag();

    UUID changedBy();

    /** A new flag (or one deleted before, made again) starts disabled, at 0%, with empty lists. */
    record FeatureFlagCreated(String flag, String description, UUID changedBy) implements FeatureFlagEvent {
    }

    /** @param percentage 0-100: the share of users, by a stable hash of flag and user, who get it */
    record RolloutChanged(String flag, int percentage, UUID changedBy) implements FeatureFlagEvent {
    }

    record FeatureFlagEnabled(String flag, UUID changedBy) implements FeatureFlagEvent {
    }

    record FeatureFlagDisabled(String flag, UUID changedBy) implements FeatureFlagEvent {
    }

    /** The user gets the feature whatever the percentage (unless blocklisted). */
    record WhitelistAdded(String flag, UUID userId, UUID changedBy) implements FeatureFlagEvent {
    }

    record WhitelistRemoved(String flag, UUID userId, UUID changedBy) implements FeatureFlagEvent {
    }

    /** The user never gets the feature, whatever the whitelist and percentage say. */
    record BlocklistAdded(String flag, UUID userId, UUID changedBy) implements FeatureFlagEvent {
    }

    record BlocklistRemoved(String flag, UUID userId, UUID changedBy) implements FeatureFlagEvent {
    }

    record FeatureFlagDeleted(String flag, UUID changedBy) implements FeatureFlagEvent {
    }

    /**
     * The flag went back to the state it had after version {@code toVersion} (its
     * {@code toVersion}-th event); the event carries that whole state, so read models need no
     * history to apply it.
     */
    record FeatureFlagReverted(String flag, long toVersion, boolean enabled, int percentage, Set<UUID> whitelist,
                               Set<UUID> blocklist, UUID changedBy) implements FeatureFlagEvent {
    }
}
