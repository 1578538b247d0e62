package io.glimpse.query.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to the search index, as the search projection derives it from an event. The
 * projection collects a batch's changes and hands them to {@link SearchIndex#apply} at once, so an
 * adapter can write them in one round trip; they take effect in order.
 */
public sealed interface IndexChange {

    /** A new post, or a post written again (idempotent: a replayed batch writes it once more). */
    record PutPost(UUID postId, UUID authorId, String caption, List<String> tags, Instant createdAt)
            implements IndexChange {

        public PutPost {
            caption = caption == null ? "" : caption;
            tags = List.copyOf(tags);
        }
    }

    /** The caption and tags after an edit; a post that is not in the index stays out. */
    record EditPost(UUID postId, String caption, List<String> tags) implements IndexChange {

        public EditPost {
            caption = caption == null ? "" : caption;
            tags = List.copyOf(tags);
        }
    }

    record RemovePost(UUID postId) implements IndexChange {
    }

    /** An account, found by username and display name; written again on a replay. */
    record PutUser(UUID userId, String username, String displayName) implements IndexChange {
    }

    /** A new display name (the account's "name" in search); an account not in the index stays out. */
    record RenameUser(UUID userId, String displayName) implements IndexChange {
    }

    /** The account is gone, and every post of it with it. */
    record RemoveUser(UUID userId) implements IndexChange {
    }
}
