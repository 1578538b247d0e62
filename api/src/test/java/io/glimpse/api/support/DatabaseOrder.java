package io.glimpse.api.support;

import java.util.Comparator;
import java.util.UUID;

/** Orders as H2 and PostgreSQL do, where Java's own {@link UUID#compareTo} (signed halves) does not. */
public final class DatabaseOrder {

    /** UUIDs as unsigned 128-bit numbers, most significant half first. */
    public static final Comparator<UUID> UUIDS = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private DatabaseOrder() {
    }
}
