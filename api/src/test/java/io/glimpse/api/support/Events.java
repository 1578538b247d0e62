package io.glimpse.api.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds events straight to a projection bean through Axon's handler adapter, as its processor
 * would: each as a tracked event, at the next position of one stream shared by every test.
 */
public final class Events {

    private static final AtomicLong POSITION = new AtomicLong();

    private Events() {
    }

    /** Delivers each payload, in order, as an event stamped now. */
    public static void feed(Object projection, Object... payloads) {
        for (Object payload : payloads) {
            feedAt(projection, payload, Instant.now());
        }
    }

    public static void feedAt(Object projection, Object payload, Instant at) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(POSITION.incrementAndGet()),
                    new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(),
                            at.truncatedTo(ChronoUnit.MICROS))));
        } catch (Exception e) {
            throw new IllegalStateException("The projection failed on " + payload, e);
        }
    }
}
