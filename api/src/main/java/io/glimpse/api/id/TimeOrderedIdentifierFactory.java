package io.glimpse.api.id;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's ids of events and messages, time-ordered like the application's own ids
 * ({@link TimeOrderedIds}): the event store's unique index of event ids then grows at one end.
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
