package io.glimpse.query.feature;

import java.util.UUID;

/**
 * What decides whether one user has a flag: a disabled flag is off for everyone (the kill
 * switch), the blocklist wins over everything else, the whitelist over the percentage.
 */
public record FlagRule(String flag, boolean enabled, int percentage, boolean whitelisted, boolean blocklisted) {

    public boolean isOnFor(UUID userId) {
        if (!enabled || blocklisted) {
            return false;
        }
        return whitelisted || Rollout.includes(flag, userId, percentage);
    }
}
