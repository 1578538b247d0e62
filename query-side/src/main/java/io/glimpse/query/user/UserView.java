package io.glimpse.query.user;

import java.time.Instant;
import java.util.UUID;

/** A public profile as the users read model holds it. */
public record UserView(UUID id,
                       String username,
                       String displayName,
                       String bio,
                       String avatarUrl,
                       long followersCount,
                       long followingCount,
                       long postsCount,
                       Instant createdAt) {
}
