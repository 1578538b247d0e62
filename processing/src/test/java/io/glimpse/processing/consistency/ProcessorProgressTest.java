package io.glimpse.processing.consistency;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorProgressTest {

    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    private final ProcessorProgress progress = new ProcessorProgress();

    @Test
    void aWaiterIsWokenAsSoonAsAProcessorReachesItsEventAndItIsDone() {
        AtomicBoolean processed = new AtomicBoolean();
        CompletableFuture<Void> waiting = parkedWaiter(42, processed::get);

        processed.set(true);
        progress.onEventTrackerStatusChange(Map.of(0, at(42)));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void aProcessorBehindTheEventDoesNotAskTheWaiter() {
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean processed = new AtomicBoolean();
        CompletableFuture<Void> waiting = parkedWaiter(42, () -> {
            asked.incrementAndGet();
            return processed.get();
        });

        progress.onEventTrackerStatusChange(Map.of(0, at(41), 1, at(17)));

        assertThat(asked.get()).as("not asked").isZero();
        assertThat(waiting).isNotDone();
        processed.set(true);
        progress.onEventTrackerStatusChange(Map.of(0, at(50)));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void aWaiterThatCannotBeAskedIsWokenToAskItselfAndTheProcessorIsNotDisturbed() {
        CompletableFuture<Void> waiting = parkedWaiter(42, () -> {
            throw new IllegalStateException("cannot be asked on the processor's thread");
        });

        progress.onEventTrackerStatusChange(Map.of(0, at(42)));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void aCancelledRegistrationIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        progress.wakeWhen(42, () -> asked.incrementAndGet() > 0).cancel();

        progress.onEventTrackerStatusChange(Map.of(0, at(42)));

        assertThat(asked.get()).isZero();
    }

    @Test
    void positionChangesAreWhatItListensTo() {
        assertThat(progress.validatePositions()).isTrue();
    }

    /** A thread that registers and parks once, as {@code ReadYourWrites} does between two looks. */
    private CompletableFuture<Void> parkedWaiter(long position, BooleanSupplier done) {
        CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> {
            try (Registration registration = progress.wakeWhen(position, done)) {
                LockSupport.parkNanos(AN_HOUR);
            }
        });
        // A wake-up before the park is kept by the thread too, but these tests want it parked.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        return woken;
    }

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(new GlobalSequenceTrackingToken(position));
        return status;
    }
}
