package io.glimpse.api.user;

import io.glimpse.query.user.UserView;

import java.time.Instant;
import java.util.UUID;

/** The User object of the API contract. */
public record UserResponse(UUID id,
                           String username,
                           String displayName,
                           String bio,
                           String avatarUrl,
                           long followersCount,
                           long followingCount,
                           long postsCount,
                           Instant createdAt) {

    public static UserResponse of(UserView user) {
        return new UserResponse(user.id(), user.username(), user.displayName(), user.bio(), user.avatarUrl(),
                user.followersCount(), user.followingCount(), user.postsCount(), user.createdAt());
    }
}
