package io.glimpse.api.id;

import io.glimpse.api.support.DatabaseOrder;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7AndStrictlyIncreasingInTheOrderTheDatabasesCompareThem() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        for (int i = 1; i < ids.size(); i++) {
            UUID before = ids.get(i - 1);
            UUID after = ids.get(i);
            assertThat(DatabaseOrder.UUIDS.compare(before, after)).as("%s before %s", before, after).isNegative();
        }
    }

    @Test
    void anIdStartsWithTheTimeItWasMade() {
        long millis = TimeOrderedIds.next().getMostSignificantBits() >>> 16;

        assertThat(millis).isCloseTo(Instant.now().toEpochMilli(), within(5_000L));
    }

    @Test
    void axonsEventIdsAreTimeOrderedToo() {
        String eventId = GenericEventMessage.asEventMessage("payload").getIdentifier();

        assertThat(UUID.fromString(eventId).version()).isEqualTo(7);
    }
}
