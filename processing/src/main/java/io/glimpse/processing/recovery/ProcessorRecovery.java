package io.glimpse.processing.recovery;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings event processors out of error mode as soon as the database answers again. A processor
 * that could not reach the database (restarted, failed over) backs off before it tries again,
 * doubling the pause up to a minute (Axon's fixed policy), so after a 15-second outage its read
 * model would stand still for up to 16 seconds more, and after a longer one for up to a minute,
 * while writes go on being stored. This restarts such a processor once the database gives a valid
 * connection: it claims its segment again and goes on from its stored position, losing nothing.
 * Poison events never put a processor in error mode (they go to the dead-letter queue), so what
 * is left is infrastructure; a processor whose failure is not the database's (the search engine
 * down) is restarted at most every {@code minimum-interval}, a shorter back-off than Axon's.
 */
@Component
public class ProcessorRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final Duration minimumInterval;
    /** When each processor was last restarted here (System.nanoTime()). */
    private final Map<String, Long> restarted = new ConcurrentHashMap<>();

    ProcessorRecovery(EventProcessingConfiguration processing, DataSource dataSource,
                      @Value("${glimpse.processors.recovery.minimum-interval:5s}") Duration minimumInterval) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.minimumInterval = minimumInterval;
    }

    @Scheduled(fixedDelayString = "${glimpse.processors.recovery.interval:500ms}")
    void check() {
        var failing = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> processor.isRunning() && inErrorMode(processor) && mayRestart(processor.getName()))
                .toList();
        if (failing.isEmpty() || !databaseAnswers()) {
            return;
        }
        for (StreamingEventProcessor processor : failing) {
            log.info("Restarting {}, in error mode, now that the database answers again", processor.getName());
            restarted.put(processor.getName(), System.nanoTime());
            processor.shutDown();
            processor.start();
        }
    }

    /**
     * Backing off after a failure: the processor itself (a failure outside its processing loop) or
     * one of its segments (a failure handling events or storing its position) in error.
     */
    private static boolean inErrorMode(StreamingEventProcessor processor) {
        return processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private boolean mayRestart(String name) {
        Long last = restarted.get(name);
        return last == null || System.nanoTime() - last > minimumInterval.toNanos();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
