package io.glimpse.api.consistency;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.processing.Processors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A replay asked for while the previous one is still starting (an admin clicking twice) leaves a
 * processor that processes. With one thread per processor, Axon's worker launcher hands its
 * segment to itself, and a stop that comes in between frees the segment without giving the
 * thread back: the processor then runs with no thread to claim its segment, and never moves
 * (AxonFramework#2848). Without the second thread this failed within a hundred replays.
 */
@EmbeddedGlimpse
class BackToBackReplayTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void replaysRightAfterEachOtherLeaveTheProcessorProcessing() {
        TrackingEventProcessor users = processing.eventProcessor("users-projection", TrackingEventProcessor.class)
                .orElseThrow();
        for (int replay = 0; replay < 100; replay++) {
            Processors.replay(users);
        }

        long head = Processors.head(eventStore);
        await().atMost(Duration.ofSeconds(30)).until(() -> Processors.hasReached(users, head));
    }
}
