package io.glimpse.query.notification;

import io.glimpse.query.notification.NotificationView.Type;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification's id: derived from the event that caused it, the recipient and the kind, so it
 * is the same on every replay (read marks stay attached) and distinct when one event tells one
 * user two things (a comment on your post that mentions you); and ordered by the event's time, so
 * that the notification table's primary key grows at one end like every other id
 * (io.glimpse.api.id.TimeOrderedIds says why).
 *
 * <p>The layout is UUID version 8 (RFC 9562, custom): 48 bits of the event's time in
 * milliseconds, the version, then the 74 bits of a name-based (MD5) UUID of event, recipient and
 * kind that are not its version and variant. Ids made before were that name-based UUID itself,
 * which is why {@link #timeOrdered} converts one (migration V12).
 */
public final class NotificationIds {

    private static final long VERSION_8 = 0x8000L;
    private static final long NAME_BITS_OF_HIGH_HALF = 0x0FFFL;

    private NotificationIds() {
    }

    public static UUID of(String eventId, UUID recipientId, Type type, Instant at) {
        UUID named = UUID.nameUUIDFromBytes((eventId + "/" + recipientId + "/" + type).getBytes(StandardCharsets.UTF_8));
        return timeOrdered(named, at);
    }

    /** The time-ordered id of a notification of time {@code at} whose name-based id was {@code named}. */
    public static UUID timeOrdered(UUID named, Instant at) {
        long high = (at.toEpochMilli() << 16) | VERSION_8 | (named.getMostSignificantBits() & NAME_BITS_OF_HIGH_HALF);
        return new UUID(high, named.getLeastSignificantBits());
    }
}
