package io.glimpse.query.feature;

import java.time.Instant;
import java.util.UUID;

/** One entry of a flag's history: its version, what changed, who changed it and when. */
public record FlagChange(String flag, long version, String change, String detail, UUID changedBy,
                         Instant changedAt) {
}
