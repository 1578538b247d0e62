package io.glimpse.api.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Feeds events straight to a projection bean through Axon's handler adapter, as its processor would. */
public final class Events {

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
            new AnnotationEventHandlerAdapter(projection).handle(new GenericEventMessage<>(UUID.randomUUID().toString(),
                    payload, Map.of(), at.truncatedTo(ChronoUnit.MICROS)));
        } catch (Exception e) {
            throw new IllegalStateException("The projection failed on " + payload, e);
        }
    }
}
