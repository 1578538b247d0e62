package io.glimpse.query.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The changes a read model's handlers record during one batch of events (the root Axon unit of
 * work), handed to the read model's writer when the batch is about to commit: inside its
 * transaction, before the processor stores its position. The writer sees them in the order they
 * came and decides how to apply them (set-based SQL, JDBC batches). Outside a unit of work a
 * change is applied at once. If the batch rolls back, its changes go with it.
 *
 * <p>A handler that must read what its own batch wrote calls {@link #flush()} first. If the
 * writer fails then, the handler is not told: the batch fails when it commits, and the processor
 * retries all of it; the handler's own event must not go to the dead letters for another's change.
 */
public final class ChangeBatch<C> {

    private static final AtomicLong INSTANCES = new AtomicLong();

    /** Unique per instance: two writers of one read model (a test's and the application's) never share a batch. */
    private final String key;
    private final Consumer<List<C>> writer;

    /** {@code name} says whose batch it is (the key also tells instances apart). */
    public ChangeBatch(String name, Consumer<List<C>> writer) {
        this.key = ChangeBatch.class.getName() + "." + name + "#" + INSTANCES.incrementAndGet();
        this.writer = writer;
    }

    public void add(C change) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(change));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(key, name -> {
            Pending pending = new Pending();
            root.onPrepareCommit(committing -> pending.commit());
            return pending;
        }).changes.add(change);
    }

    /** Applies the changes recorded so far in this batch, within its transaction. */
    public void flush() {
        Pending pending = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(key) : null;
        if (pending != null && pending.failure == null) {
            try {
                pending.write();
            } catch (RuntimeException e) {
                pending.failure = e;
            }
        }
    }

    /** The changes of one kind, in the order they came. */
    public static <C, T extends C> List<T> only(List<C> changes, Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private final class Pending {

        private final List<C> changes = new ArrayList<>();
        private RuntimeException failure;

        void commit() {
            if (failure != null) {
                throw failure;
            }
            write();
        }

        void write() {
            if (!changes.isEmpty()) {
                List<C> batch = List.copyOf(changes);
                changes.clear();
                writer.accept(batch);
            }
        }
    }
}
