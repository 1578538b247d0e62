package io.glimpse.processing.status;

import io.glimpse.processing.deadletter.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Per event processor, in {@code /actuator/prometheus}: how many events it is behind the head of
 * the event store, and how many events it has parked as dead letters. (Command and query handling
 * times come from Axon's own Micrometer module.) Registered once the application is ready, when
 * every processor exists. Each gauge asks only for its own number (a lag reads the head of the
 * event store, a dead-letter count counts), not for the whole status.
 */
@Component
class ProjectionMetrics {

    private final Projections projections;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    ProjectionMetrics(Projections projections, DeadLetters deadLetters, MeterRegistry registry) {
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (ProjectionStatus processor : projections.statuses()) {
            String name = processor.name();
            gauge("glimpse.projection.lag", "Events the processor is behind the head of the event store", name,
                    self -> self.projections.lag(name));
            gauge("glimpse.projection.replaying", "1 while the processor replays", name,
                    self -> self.projections.isReplaying(name) ? 1 : 0);
            gauge("glimpse.dead.letters", "Events parked in the processor's dead-letter queue", name,
                    self -> self.deadLetters.count(name));
        }
    }

    private void gauge(String metric, String description, String processor, ToDoubleFunction<ProjectionMetrics> value) {
        Gauge.builder(metric, this, value).description(description).tag("processor", processor).register(registry);
    }
}
