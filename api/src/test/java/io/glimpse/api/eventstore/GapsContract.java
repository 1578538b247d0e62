package io.glimpse.api.eventstore;

import io.glimpse.api.support.ApiTest;
import io.glimpse.processing.eventstore.GapsByIndexEventStorageEngine;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking processor whose token has gaps reads, in index order and each once, the events in
 * its gaps and every event after its token, over as many batches as that takes: what Axon's own
 * query answers, from the storage engine that asks for the gaps apart.
 */
abstract class GapsContract extends ApiTest {

    @Autowired
    EventStorageEngine engine;

    @Test
    void theEventStoreIsTheOneThatReadsGapsByTheirIndex() {
        assertThat(engine).isInstanceOf(GapsByIndexEventStorageEngine.class);
    }

    @Test
    void aTokenWithGapsReadsItsGapsAndEverythingAfterItInIndexOrder() {
        Account author = register("gaps");
        IntStream.range(0, 130).forEach(i -> post(author, "Post " + i));
        Map<String, Long> indexById = new HashMap<>();
        engine.readEvents(null, false).forEach(event -> indexById.put(event.getIdentifier(), indexOf(event)));
        List<Long> indexes = indexById.values().stream().sorted().toList();
        List<Long> last = indexes.subList(indexes.size() - 130, indexes.size());
        long token = last.get(10);
        Set<Long> gaps = new HashSet<>(last.subList(2, 6));
        long missing = last.get(0) - 1;
        while (indexes.contains(missing)) {
            missing--;
        }
        gaps.add(missing);

        List<Long> read = engine.readEvents(GapAwareTrackingToken.newInstance(token, gaps), false)
                .map(event -> indexById.get(event.getIdentifier())).toList();

        List<Long> expected = indexes.stream().filter(index -> gaps.contains(index) || index > token).toList();
        assertThat(expected).hasSizeGreaterThan(120);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    /** Read from the start, an event's token is at its own index (later, a token with gaps stays at its highest). */
    private static long indexOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
