package io.glimpse.processing.consistency;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorProgressTest {

    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

    private final ProcessorProgress progress = new ProcessorProgress();

    @Test
    void aWaiterIsWokenAsSoonAsAProcessorReachesItsEventAndItIsDone() throws Exception {
        AtomicBoolean processed = new AtomicBoolean();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> progress.await(42, processed::get, AN_HOUR));
        awaitWaiter();

        processed.set(true);
        progress.onEventTrackerStatusChange(Map.of(0, at(42)));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void aProcessorBehindTheEventDoesNotAskTheWaiter() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean processed = new AtomicBoolean();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> progress.await(42, () -> {
            asked.incrementAndGet();
            return processed.get();
        }, AN_HOUR));
        awaitWaiter();
        int askedBefore = asked.get();

        progress.onEventTrackerStatusChange(Map.of(0, at(41), 1, at(17)));

        assertThat(asked.get()).as("not asked again").isEqualTo(askedBefore);
        assertThat(waiting).isNotDone();
        processed.set(true);
        progress.onEventTrackerStatusChange(Map.of(0, at(50)));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void aWaiterThatCannotBeAskedIsWokenToAskItselfAndTheProcessorIsNotDisturbed() throws Exception {
        AtomicBoolean parked = new AtomicBoolean();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> progress.await(42, () -> {
            if (parked.getAndSet(true)) {
                throw new IllegalStateException("asked on the processor's thread");
            }
            return false;
        }, AN_HOUR));
        awaitWaiter();

        progress.onEventTrackerStatusChange(Map.of(0, at(42)));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> waiting.get());
    }

    @Test
    void withoutProgressAWaiterReturnsAfterItsPoll() {
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> progress.await(42, () -> false, TimeUnit.MILLISECONDS.toNanos(5)));
    }

    @Test
    void positionChangesAreWhatItListensTo() {
        assertThat(progress.validatePositions()).isTrue();
    }

    private void awaitWaiter() throws InterruptedException {
        // The waiter registers itself before it parks; a status change before that is a fair race too,
        // but these tests want it parked.
        Thread.sleep(100);
    }

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(new GlobalSequenceTrackingToken(position));
        return status;
    }
}
