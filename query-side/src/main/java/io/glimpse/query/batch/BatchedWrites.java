package io.glimpse.query.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write-behind for projections: inside an event processor's unit of work their statements are
 * sent when the batch commits, not one by one. Statements keep their order unless they say (below),
 * and consecutive ones of the same SQL go as one JDBC batch: on PostgreSQL the
 * thousand notifications of a replay batch are one round trip instead of a thousand. Counters are
 * summed per row and written last, one JDBC batch per counter, so the likes a post gets in a
 * batch are one write; a statement can move a counter by the number of rows it changed (a like
 * counts only if its row was really inserted), and statements whose order does not matter can be
 * sent in the order of the index they write ({@link Write#inOrderOf}). A statement that says which
 * entities' rows it touches ({@link Write#concerns}) joins the last run of its SQL ahead of the
 * statements in between, if none of those touches the same entities or says nothing: a batch of
 * posts, their tags and their likes is three JDBC batches instead of three per post. Outside a
 * unit of work everything is written at once.
 *
 * <p>What a batch writes is not in the database before it is sent: a handler that reads
 * what its own processor writes (the timeline's fan-out reads its follows) calls
 * {@link #sendBeforeReading} first, which sends the batch so far if it writes that table.
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

    /** The table a statement writes: the one after insert into, update, delete from or merge into. */
    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    /** What a statement that names no table as {@link #TARGET} expects is taken to write: everything. */
    private static final String ANY_TABLE = "*";
    /** The code's statements are few and constant: each is matched once. */
    private static final Map<String, String> TARGETS = new ConcurrentHashMap<>();

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
            pending.add(write);
        }
        return write;
    }

    /**
     * Sends the current batch's statements now, in their order, if any of them writes
     * {@code table} (or a table this cannot tell): for a handler about to read what its own batch
     * wrote there. They stay in the batch's transaction. If one fails, the handler is not told:
     * the batch fails when it commits, and the processor retries all of it, as it would a failure
     * at commit; the handler's own event must not go to the dead letters for another's statement.
     */
    public void sendBeforeReading(String table) {
        Pending pending = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(PENDING) : null;
        if (pending != null && pending.failure == null
                && (pending.tables.contains(table) || pending.tables.contains(ANY_TABLE))) {
            try {
                pending.write(jdbc);
            } catch (RuntimeException e) {
                pending.failure = e;
            }
        }
    }

    private static String target(String sql) {
        return TARGETS.computeIfAbsent(sql, statement -> {
            Matcher target = TARGET.matcher(statement);
            return target.find() ? target.group(1).toLowerCase() : ANY_TABLE;
        });
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
            batch.onPrepareCommit(unitOfWork -> pending.commit(jdbc));
            return pending;
        });
    }

    /** One statement, and the counters its row count moves. */
    public static final class Write {

        private final String sql;
        private final Object[] args;
        private final List<Move> moves = new ArrayList<>();
        /** The batch it waits in, or null once it has been sent. */
        private Pending batch;
        private List<UUID> entities;
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
            if (batch != null) {
                moves.add(new Move(counter, id, perRow));
                batch.tables.add(counter.table());
            } else if (rows < 0) {
                throw new IllegalStateException("The database did not say how many rows changed: " + sql);
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

        /**
         * Says that this statement reads and writes only rows of these entities (a post's row, its
         * tags, its likes), so that it may be sent before statements that came between it and the
         * last one of its SQL, if every one of them also said so and concerns none of these.
         * Statements that touch rows by another path (a post's deletion, which takes its comments'
         * likes with it) must not say so.
         */
        public Write concerns(UUID... entities) {
            this.entities = List.of(entities);
            return this;
        }

        private void changed(int rows, MoveSink sink) {
            if (rows < 0 && !moves.isEmpty()) {
                throw new IllegalStateException("The database did not say how many rows changed: " + sql);
            }
            this.rows = rows;
            this.sink = sink;
            this.batch = null;
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

    /**
     * Consecutive statements of one SQL, sent as one JDBC batch, and the entities they concern;
     * {@code barrier} if any of them did not say, so that nothing may be moved ahead of it.
     */
    private static final class Run {

        private final String sql;
        private final List<Write> writes = new ArrayList<>();
        private final Set<UUID> entities = new HashSet<>();
        private boolean barrier;

        Run(String sql) {
            this.sql = sql;
        }

        void add(Write write) {
            writes.add(write);
            if (write.entities == null) {
                barrier = true;
            } else {
                entities.addAll(write.entities);
            }
        }

        boolean mustStayAfter(Write write) {
            return barrier || write.entities.stream().anyMatch(entities::contains);
        }

        /** In key order if every statement has a key ({@link Write#inOrderOf}), else as they came. */
        void send(JdbcOperations jdbc, MoveSink sink) {
            if (writes.stream().allMatch(write -> write.key != null)) {
                writes.sort(IN_KEY_ORDER);
            }
            int[] rows = writes.size() == 1 ? new int[]{jdbc.update(sql, writes.get(0).args)}
                    : jdbc.batchUpdate(sql, writes.stream().map(write -> write.args).toList());
            for (int i = 0; i < writes.size(); i++) {
                writes.get(i).changed(rows[i], sink);
            }
        }
    }

    /** One batch's statements in order, and its counter moves per counter and row. */
    private static final class Pending {

        private final List<Write> statements = new ArrayList<>();
        /** The tables the statements write. */
        private final Set<String> tables = new HashSet<>();
        private final Map<Counter, Map<UUID, Long>> counters = new LinkedHashMap<>();
        /** What failed when the batch was sent before a read, to fail the batch with at commit. */
        private RuntimeException failure;

        void add(Write write) {
            write.batch = this;
            statements.add(write);
            tables.add(target(write.sql));
        }

        void add(Counter counter, UUID id, long delta) {
            if (delta != 0) {
                counters.computeIfAbsent(counter, c -> new LinkedHashMap<>()).merge(id, delta, Long::sum);
                tables.add(counter.table());
            }
        }

        void commit(JdbcOperations jdbc) {
            if (failure != null) {
                throw failure;
            }
            write(jdbc);
        }

        void write(JdbcOperations jdbc) {
            runs().forEach(run -> run.send(jdbc, this::add));
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
            tables.clear();
        }

        /**
         * The statements grouped into runs: each joins the last run if that is of its SQL, or,
         * if it concerns only some entities, the latest run of its SQL that no run after it must
         * stay ahead of.
         */
        private List<Run> runs() {
            List<Run> runs = new ArrayList<>();
            for (Write write : statements) {
                Run run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (run != null && !run.sql.equals(write.sql)) {
                    run = write.entities == null ? null : earlierRunOf(runs, write);
                }
                if (run == null) {
                    run = new Run(write.sql);
                    runs.add(run);
                }
                run.add(write);
            }
            return runs;
        }

        private static Run earlierRunOf(List<Run> runs, Write write) {
            for (int i = runs.size() - 1; i >= 0; i--) {
                Run run = runs.get(i);
                if (run.sql.equals(write.sql)) {
                    return run;
                }
                if (run.mustStayAfter(write)) {
                    return null;
                }
            }
            return null;
        }
    }
}
