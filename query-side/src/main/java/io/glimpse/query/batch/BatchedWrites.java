package io.glimpse.query.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writes of projections whose handlers never read their own tables: inside an event
 * processor's unit of work they are sent when the batch commits, not one by one. Statements keep
 * their order, and consecutive ones of the same SQL go as one JDBC batch: on PostgreSQL the
 * thousand notifications of a replay batch are one round trip instead of a thousand. Counters are
 * summed per row and written last, one JDBC batch per counter, so the likes a post gets in a
 * batch are one write; a statement can move a counter by the number of rows it changed (a like
 * counts only if its row was really inserted), and statements whose order does not matter can be
 * sent in the order of the index they write ({@link Write#inOrderOf}). Outside a unit of work
 * everything is written at once.
 *
 * <p>What a batch writes is not in the database before the batch commits: a handler that reads
 * what its own processor wrote (the timeline's fan-out reads its follows) must not use this.
 * Queries are not affected: they read committed data. A statement that fails fails the whole
 * batch when it commits, which the processor retries (it cannot dead-letter one event for it).
 */
@Component
public class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();
    /** The order both databases keep UUIDs in: unsigned, the most significant half first. */
    private static final Comparator<Write> IN_KEY_ORDER = Comparator
            .<Write>comparingLong(write -> write.key.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(write -> write.key.getLeastSignificantBits() ^ Long.MIN_VALUE);

    private final JdbcOperations jdbc;

    public BatchedWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the statement, at once or with its batch; {@link Write#moves} says what its row count moves. */
    public Write update(String sql, Object... args) {
        Write write = new Write(sql, args);
        Pending pending = pending();
        if (pending == null) {
            write.changed(jdbc.update(sql, args), this::move);
        } else {
            pending.statements.add(write);
        }
        return write;
    }

    /** Moves a counter by {@code delta}, summed with the batch's other moves of that row. */
    public void add(Counter counter, UUID id, long delta) {
        Pending pending = pending();
        if (pending == null) {
            move(counter, id, delta);
        } else {
            pending.add(counter, id, delta);
        }
    }

    private void move(Counter counter, UUID id, long delta) {
        if (delta != 0) {
            jdbc.update(counter.update(), delta, id);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.write(jdbc));
            return pending;
        });
    }

    /** One statement, and the counters its row count moves. */
    public static final class Write {

        private final String sql;
        private final Object[] args;
        private final List<Move> moves = new ArrayList<>();
        private UUID key;
        private int rows = -1;
        private MoveSink sink;

        private Write(String sql, Object[] args) {
            this.sql = sql;
            this.args = args;
        }

        /**
         * Moves the counter of row {@code id} by {@code perRow} for every row the statement changed.
         * The statement must be one whose batches report row counts: PostgreSQL's driver folds a
         * batch of {@code insert ... values} into multi-row inserts that report none
         * ({@code reWriteBatchedInserts}), so a counted insert is an {@code insert ... select}.
         */
        public Write moves(Counter counter, UUID id, int perRow) {
            Move move = new Move(counter, id, perRow);
            if (rows < 0) {
                moves.add(move);
            } else {
                sink.move(counter, id, (long) perRow * rows);
            }
            return this;
        }

        /**
         * Sends this statement in the order of {@code key} among the consecutive statements of its
         * SQL that all have one, instead of in the order they came: for statements whose order
         * among themselves does not matter (a fan-out's timeline entries), so that each lands next
         * to the one before it in the index {@code key} leads, and finds its page still in cache.
         */
        public Write inOrderOf(UUID key) {
            this.key = key;
            return this;
        }

        private void changed(int rows, MoveSink sink) {
            if (rows < 0 && !moves.isEmpty()) {
                throw new IllegalStateException("The database did not say how many rows changed: " + sql);
            }
            this.rows = rows;
            this.sink = sink;
            moves.forEach(move -> sink.move(move.counter(), move.id(), (long) move.perRow() * rows));
            moves.clear();
        }
    }

    private record Move(Counter counter, UUID id, int perRow) {
    }

    @FunctionalInterface
    private interface MoveSink {
        void move(Counter counter, UUID id, long delta);
    }

    /** One batch's statements in order, and its counter moves per counter and row. */
    private static final class Pending {

        private final List<Write> statements = new ArrayList<>();
        private final Map<Counter, Map<UUID, Long>> counters = new LinkedHashMap<>();

        void add(Counter counter, UUID id, long delta) {
            if (delta != 0) {
                counters.computeIfAbsent(counter, c -> new LinkedHashMap<>()).merge(id, delta, Long::sum);
            }
        }

        void write(JdbcOperations jdbc) {
            for (int from = 0; from < statements.size(); ) {
                String sql = statements.get(from).sql;
                int to = from;
                while (to < statements.size() && statements.get(to).sql.equals(sql)) {
                    to++;
                }
                List<Write> run = statements.subList(from, to);
                if (run.stream().allMatch(write -> write.key != null)) {
                    run.sort(IN_KEY_ORDER);
                }
                int[] rows = run.size() == 1 ? new int[]{jdbc.update(sql, run.get(0).args)}
                        : jdbc.batchUpdate(sql, run.stream().map(write -> write.args).toList());
                for (int i = 0; i < run.size(); i++) {
                    run.get(i).changed(rows[i], this::add);
                }
                from = to;
            }
            statements.clear();
            counters.forEach((counter, rows) -> {
                List<Object[]> changes = rows.entrySet().stream()
                        .filter(row -> row.getValue() != 0)
                        .map(row -> new Object[]{row.getValue(), row.getKey()})
                        .toList();
                if (!changes.isEmpty()) {
                    jdbc.batchUpdate(counter.update(), changes);
                }
            });
            counters.clear();
        }
    }
}
