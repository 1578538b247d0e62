package io.glimpse.query.notification;

import io.glimpse.query.notification.NotificationView.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIdsTest {

    private static final UUID RECIPIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123Z");

    @Test
    void theSameEventRecipientAndKindGiveTheSameIdOnEveryReplay() {
        assertThat(NotificationIds.of("event-1", RECIPIENT, Type.LIKE, AT))
                .isEqualTo(NotificationIds.of("event-1", RECIPIENT, Type.LIKE, AT));
    }

    @Test
    void anotherEventRecipientOrKindGivesAnotherId() {
        UUID id = NotificationIds.of("event-1", RECIPIENT, Type.COMMENT, AT);

        assertThat(id)
                .isNotEqualTo(NotificationIds.of("event-2", RECIPIENT, Type.COMMENT, AT))
                .isNotEqualTo(NotificationIds.of("event-1", UUID.randomUUID(), Type.COMMENT, AT))
                .isNotEqualTo(NotificationIds.of("event-1", RECIPIENT, Type.MENTION, AT));
    }

    @Test
    void idsBeginWithTheEventsTimeSoLaterNotificationsSortAfter() {
        UUID earlier = NotificationIds.of("event-9", RECIPIENT, Type.LIKE, AT);
        UUID later = NotificationIds.of("event-1", RECIPIENT, Type.LIKE, AT.plusMillis(1));

        assertThat(earlier.version()).isEqualTo(8);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
        assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits())).isNegative();
    }

    @Test
    void convertingAnIdTwiceChangesNothing() {
        UUID named = UUID.nameUUIDFromBytes("event-1/recipient/LIKE".getBytes());
        UUID converted = NotificationIds.timeOrdered(named, AT);

        assertThat(NotificationIds.timeOrdered(converted, AT)).isEqualTo(converted);
        assertThat(converted.getLeastSignificantBits()).isEqualTo(named.getLeastSignificantBits());
    }
}
