package io.glimpse.processing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;

/** An event source that streams the store's events its own way and takes its tokens from the store. */
interface TokensOfTheStore extends StreamableMessageSource<TrackedEventMessage<?>> {

    StreamableMessageSource<TrackedEventMessage<?>> store();

    @Override
    default TrackingToken createTailToken() {
        return store().createTailToken();
    }

    @Override
    default TrackingToken createHeadToken() {
        return store().createHeadToken();
    }

    @Override
    default TrackingToken createTokenAt(Instant dateTime) {
        return store().createTokenAt(dateTime);
    }
}
