package io.glimpse.api.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.glimpse.query.social.Relation;
import io.glimpse.query.social.ViewedUser;
import io.glimpse.query.user.UserView;

import java.time.Instant;
import java.util.UUID;

/**
 * The User object of the API contract. The last three fields say how the user stands to the
 * logged-in viewer and are left out for anonymous viewers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserResponse(UUID id,
                           String username,
                           String displayName,
                           String bio,
                           String avatarUrl,
                           long followersCount,
                           long followingCount,
                           long postsCount,
                           Instant createdAt,
                           Boolean followedByMe,
                           Boolean followsMe,
                           Boolean blockedByMe) {

    /** {@code avatarUrl} is part of the contract even when there is none. */
    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String avatarUrl() {
        return avatarUrl;
    }

    public static UserResponse of(UserView user) {
        return of(user, null);
    }

    public static UserResponse of(ViewedUser viewed) {
        return of(viewed.user(), viewed.relation());
    }

    public static UserResponse of(UserView user, Relation relation) {
        return new UserResponse(user.id(), user.username(), user.displayName(), user.bio(), user.avatarUrl(),
                user.followersCount(), user.followingCount(), user.postsCount(), user.createdAt(),
                relation == null ? null : relation.followedByMe(),
                relation == null ? null : relation.followsMe(),
                relation == null ? null : relation.blockedByMe());
    }
}
