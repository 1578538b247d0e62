package io.glimpse.query.counter;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves counters. Inside an event processor's batch the changes are summed per row and written
 * when the batch commits, one JDBC batch per counter: the likes a popular post gets in one batch
 * are one write, not one per like. That is safe because handlers never read counters (queries
 * do, from committed data), and sums commute with the batch's other writes: a counter of a row
 * the batch deleted moves nothing. Outside a unit of work a change is written at once.
 */
@Component
public class Counters {

    private static final String PENDING = Counters.class.getName();

    private final JdbcOperations jdbc;

    public Counters(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Counter counter, UUID id, long delta) {
        if (delta == 0) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.<Pending>getOrComputeResource(PENDING, key -> {
                Pending pending = new Pending();
                batch.onPrepareCommit(unitOfWork -> pending.write(jdbc));
                return pending;
            }).add(counter, id, delta);
        } else {
            jdbc.update(counter.update(), delta, id);
        }
    }

    /** One batch's changes, per counter and row, in the order they first came. */
    private static final class Pending {

        private final Map<Counter, Map<UUID, Long>> deltas = new LinkedHashMap<>();

        void add(Counter counter, UUID id, long delta) {
            deltas.computeIfAbsent(counter, c -> new LinkedHashMap<>()).merge(id, delta, Long::sum);
        }

        void write(JdbcOperations jdbc) {
            deltas.forEach((counter, rows) -> {
                List<Object[]> changes = rows.entrySet().stream()
                        .filter(row -> row.getValue() != 0)
                        .map(row -> new Object[]{row.getValue(), row.getKey()})
                        .toList();
                if (!changes.isEmpty()) {
                    jdbc.batchUpdate(counter.update(), changes);
                }
            });
            deltas.clear();
        }
    }
}
