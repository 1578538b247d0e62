package io.glimpse.query.timeline;

import java.time.Instant;
import java.util.UUID;

/** A post in someone's home timeline: enough to order, page and purge it; the post itself is read at display. */
public record TimelineEntry(UUID postId, UUID authorId, Instant createdAt) {
}
