package io.glimpse.processing.consistency;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Wakes a write waiting for its read-your-writes as soon as the processors it waits for have its
 * event, instead of at its next poll: every tracking processor on this node tells it when its
 * position moves (Axon calls the listener on the processor's thread, once the batch is committed
 * and the processor's status advanced). Only a waiter whose event the moved processor has reached
 * is asked whether it is done, so a write is woken about once, not by every batch of every
 * processor; what it is asked must be cheap (the processors' in-memory status). The poll stays as
 * the fallback, and is all there is where the positions come from the token store.
 */
@Component
public class ProcessorProgress implements EventTrackerStatusChangeListener {

    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    /**
     * Unparks the calling thread, until the registration is cancelled, once a processor has reached
     * {@code position} and {@code done} holds. The caller parks, and looks again whenever it wakes.
     */
    Registration wakeWhen(long position, BooleanSupplier done) {
        Waiter waiter = new Waiter(Thread.currentThread(), position, done);
        waiting.add(waiter);
        return () -> waiting.remove(waiter);
    }

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> status) {
        if (waiting.isEmpty()) {
            return;
        }
        long reached = status.values().stream().mapToLong(segment -> position(segment.getTrackingToken())).max().orElse(-1);
        for (Waiter waiter : waiting) {
            if (waiter.position() <= reached && doneOrUnknown(waiter)) {
                LockSupport.unpark(waiter.thread());
            }
        }
    }

    /** Never throws into the processor that called: a waiter that cannot be asked here asks itself. */
    private static boolean doneOrUnknown(Waiter waiter) {
        try {
            return waiter.done().getAsBoolean();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A moved position is what this listener is for; Axon calls it only for other changes unless asked. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    private static long position(TrackingToken token) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        return lowerBound == null ? -1 : lowerBound.position().orElse(-1);
    }

    private record Waiter(Thread thread, long position, BooleanSupplier done) {
    }
}
