package io.glimpse.api.mastodon.account;

import io.glimpse.query.social.Relation;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.UUID;

/**
 * Mastodon's Relationship entity. Glimpse has follows and blocks; there are no mutes, follow
 * requests, domain blocks, endorsements or notes, so those are {@code false} or empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MastodonRelationship(String id, boolean following, boolean showingReblogs, boolean notifying,
                                   List<String> languages, boolean followedBy, boolean blocking, boolean blockedBy,
                                   boolean muting, boolean mutingNotifications, boolean requested,
                                   boolean requestedBy, boolean domainBlocking, boolean endorsed, String note) {

    public static MastodonRelationship of(UUID userId, Relation relation) {
        return new MastodonRelationship(userId.toString(), relation.followedByMe(), relation.followedByMe(), false,
                null, relation.followsMe(), relation.blockedByMe(), relation.blocksMe(), false, false, false, false,
                false, false, "");
    }
}
