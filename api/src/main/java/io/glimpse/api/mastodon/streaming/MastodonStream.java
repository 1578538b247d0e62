package io.glimpse.api.mastodon.streaming;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Mastodon streams Glimpse serves, each with the scope it needs (besides {@code read}, which
 * covers both), as Mastodon's streaming server asks for them. Mastodon's public, hashtag, list and
 * direct streams are not offered.
 */
enum MastodonStream {

    /** The home timeline's new and deleted statuses, and notifications. */
    USER("user", "read:statuses", Set.of(MastodonEvent.UPDATE, MastodonEvent.NOTIFICATION, MastodonEvent.DELETE)),
    /** Notifications only. */
    USER_NOTIFICATION("user:notification", "read:notifications", Set.of(MastodonEvent.NOTIFICATION));

    private final String streamName;
    private final String scope;
    private final Set<String> events;

    MastodonStream(String streamName, String scope, Set<String> events) {
        this.streamName = streamName;
        this.scope = scope;
        this.events = events;
    }

    static Optional<MastodonStream> named(String name) {
        return Arrays.stream(values()).filter(stream -> stream.streamName.equals(name)).findFirst();
    }

    String streamName() {
        return streamName;
    }

    String scope() {
        return scope;
    }

    boolean carries(String event) {
        return events.contains(event);
    }
}
