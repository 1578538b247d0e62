package io.glimpse.query.feature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A flag as admins see it. */
public record FeatureFlagView(String name, String description, boolean enabled, int percentage,
                              List<UUID> whitelist, List<UUID> blocklist, long version, Instant createdAt,
                              Instant updatedAt, UUID updatedBy) {
}
