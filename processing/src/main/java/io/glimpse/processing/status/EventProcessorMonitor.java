package io.glimpse.processing.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;

/**
 * What an event processor did with each event, in {@code /actuator/prometheus}: the time it took to
 * handle the events it handled ({@code glimpse_processor_events_seconds}, with {@code result}
 * handled or failed) and how many it had no handler for ({@code glimpse_processor_events_ignored_total}).
 *
 * <p>In place of Axon's own event processor monitors, which look their meters up in the registry
 * for every event and keep four of them (counts, timer, latency, capacity): that was a third of
 * what a replay spent outside the handlers. These meters are made once per processor.
 */
public final class EventProcessorMonitor implements MessageMonitor<Message<?>> {

    private final Timer handled;
    private final Timer failed;
    private final Counter ignored;

    public EventProcessorMonitor(MeterRegistry registry, String processor) {
        this.handled = timer(registry, processor, "handled");
        this.failed = timer(registry, processor, "failed");
        this.ignored = Counter.builder("glimpse.processor.events.ignored")
                .description("Events the processor read and had no handler for")
                .tag("processor", processor)
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry, String processor, String result) {
        return Timer.builder("glimpse.processor.events")
                .description("Time the processor took to handle an event")
                .tags("processor", processor, "result", result)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }
}
