package io.glimpse.api.mastodon.web;

import io.glimpse.query.paging.Cursor;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns Mastodon's {@code max_id}/{@code since_id}/{@code min_id} into Glimpse's keyset positions.
 * Glimpse lists are ordered by (time, id); the {@code Link} header hands out those positions as
 * Glimpse's opaque cursors. A client may instead send an item's id, as Mastodon clients do with
 * status and notification ids: Glimpse's ids are time-ordered UUIDs (version 7, and version 8 for
 * notifications) whose first 48 bits are the time in milliseconds, so an id is a position by
 * itself; where the list has the item, its exact time is looked up.
 */
public final class Positions {

    /** Orders positions as the database does: by time, then by the id's bytes, unsigned. */
    public static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::time)
            .thenComparing(Cursor::id, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    private Positions() {
    }

    /**
     * @param exact the exact position of an item by its id, where the list can tell
     * @return the position, or {@code null} for none
     */
    public static Cursor resolve(String value, Function<UUID, Optional<Cursor>> exact) {
        if (value == null) {
            return null;
        }
        Optional<UUID> id = uuid(value);
        if (id.isEmpty()) {
            return Cursor.decode(value);
        }
        return exact.apply(id.get()).orElseGet(() -> fromTimeOrderedId(id.get()));
    }

    /** The position a version 7 or 8 UUID stands for; other ids have no time, and sort as the oldest. */
    public static Cursor fromTimeOrderedId(UUID id) {
        if (id.version() == 7 || id.version() == 8) {
            return new Cursor(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16), id);
        }
        throw new MastodonException(400, "Invalid id: " + id);
    }

    private static Optional<UUID> uuid(String value) {
        if (value.length() != 36 || value.charAt(8) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
