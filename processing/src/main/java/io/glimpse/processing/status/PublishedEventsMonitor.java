package io.glimpse.processing.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many events of each kind were stored and published, in {@code /actuator/prometheus}:
 * {@code glimpse_events_published_total{event}}, by the event's simple name, counted once the
 * transaction that stored them has committed.
 *
 * <p>In place of Axon's event store monitors, which look three meters up in the registry for every
 * event an aggregate applies: after {@link CommandMonitor}, 5% of a like's request thread. These
 * counters are made once per kind of event.
 */
public final class PublishedEventsMonitor implements MessageMonitor<Message<?>> {

    private final MeterRegistry registry;
    private final Map<Class<?>, Counter> byEvent = new ConcurrentHashMap<>();

    public PublishedEventsMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Counter published = byEvent.computeIfAbsent(message.getPayloadType(), this::counterOf);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                published.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                // not stored: the command's transaction rolled back
            }

            @Override
            public void reportIgnored() {
                // the event store ignores no event
            }
        };
    }

    private Counter counterOf(Class<?> event) {
        return Counter.builder("glimpse.events.published")
                .description("Events applied by aggregates and published to the event store")
                .tag("event", event.getSimpleName())
                .register(registry);
    }
}
