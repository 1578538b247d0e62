package io.glimpse.api.stream;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Per user, the latest events of their live feed, which every node's streams read from: a
 * stream sends what follows the last id it sent, so a reconnect with {@code Last-Event-ID}
 * resumes where it stopped. Only users who hold a stream, or held one within the window, have a
 * log ("present"); events for others are dropped at once, so a post fanned out to 10,000 followers
 * costs only the logs of those who are online. A log keeps its newest {@code retention} events.
 * In memory on one node, or in Redis (one capped stream per user) shared by all.
 */
interface StreamLog {

    /** Which of these users are present (have a log): events for the others need not even be made. */
    Set<UUID> present(Collection<UUID> userIds);

    /** Appends to the logs of present users, in order, then rings the doorbell for them on every node. */
    void append(List<StreamEvent.New> events);

    /** The user opens a stream: present from now on (if not already); the id of the newest event to start after. */
    String open(UUID userId);

    /** These users still hold streams (called on each heartbeat), so their logs stay. */
    void keepPresent(Collection<UUID> userIds);

    /**
     * Up to {@code max} events after {@code lastId}, oldest first; empty if some event after it
     * may be lost (dropped for the retention, or the user was away longer than the window): the
     * client must reload.
     */
    Optional<List<StreamEvent>> after(UUID userId, StreamId lastId, int max);

    /** Called with the users whose logs got events, on whichever node appended them. */
    void onAppended(Consumer<Collection<UUID>> doorbell);
}
