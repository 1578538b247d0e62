package io.glimpse.processing.eventstore;

import io.glimpse.processing.consistency.AppendedPositions;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Axon's JPA storage engine, with the hot paths in plain JDBC on the transaction's own connection:
 * appending events (and telling a command where they landed), and reading them for the tracking
 * processors (a token's gaps by a query of their own). Loading an aggregate, snapshots, tokens and
 * the schema stay Axon's and Hibernate's. Through Hibernate, one row's persist and flush was half
 * of what appending a like cost the server, and the JPQL machinery two thirds of what the event
 * store's producer thread spent reading the events the processors then handle
 * (benchmark/README.md, "Writes"). The rows are the ones Axon's entity maps.
 */
public class TunedJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String APPENDED = TunedJpaEventStorageEngine.class.getName() + ".appended";
    private static final String EVENT_TABLE = "domain_event_entry";
    /** In the order Axon's {@code fetchTrackedEvents} reads the rows {@link #fetchEvents} answers. */
    private static final String SELECT = "select global_index, type, aggregate_identifier, sequence_number,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data from " + EVENT_TABLE;
    private static final String AFTER = SELECT + " where global_index > ? order by global_index limit ?";
    private static final String IN_GAPS = SELECT + " where global_index = any (?) order by global_index limit ?";

    private final TransactionManager transactionManager;
    private final AppendedPositions appendedPositions;
    private volatile String insertSql;

    public TunedJpaEventStorageEngine(Builder builder, TransactionManager transactionManager,
                                      AppendedPositions appendedPositions) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
        this.appendedPositions = appendedPositions;
    }

    /**
     * One insert per event, each taking its global index from the sequence in the same statement
     * (Axon's entity asks the sequence in a round trip of its own), and the newest index kept for
     * {@link AppendedPositions}. A taken (aggregate, sequence number) fails as Axon's append does.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            long newest;
            try {
                newest = session().doReturningWork(connection -> insert(connection, events, serializer));
            } catch (RuntimeException e) {
                handlePersistenceException(e, events.get(0));
                return;
            }
            tellWhenCommitted(newest);
        });
    }

    private long insert(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        long newest = -1;
        try (PreparedStatement insert = connection.prepareStatement(insertSql(connection), new String[]{"global_index"})) {
            for (EventMessage<?> message : events) {
                // The columns of Axon's entry, without the entry: building one formatted the
                // timestamp a second time (a twentieth of a like's request thread in a profile).
                DomainEventMessage<?> event = asDomainEventMessage(message);
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                insert.setString(1, event.getAggregateIdentifier());
                insert.setString(2, event.getIdentifier());
                insert.setBytes(3, event.serializeMetaData(serializer, byte[].class).getData());
                insert.setBytes(4, payload.getData());
                insert.setString(5, payload.getType().getRevision());
                insert.setString(6, payload.getType().getName());
                insert.setLong(7, event.getSequenceNumber());
                insert.setString(8, DateTimeUtils.formatInstant(event.getTimestamp()));
                insert.setString(9, event.getType());
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    newest = Math.max(newest, key.getLong(1));
                }
            }
        }
        return newest;
    }

    /** The insert in this database's words for the sequence's next value (asked of the first connection). */
    private String insertSql(Connection connection) throws SQLException {
        String sql = insertSql;
        if (sql == null) {
            String next = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                    ? "nextval('domain_event_entry_seq')" : "next value for domain_event_entry_seq";
            sql = "insert into " + EVENT_TABLE + " (global_index, aggregate_identifier, event_identifier, meta_data,"
                    + " payload, payload_revision, payload_type, sequence_number, time_stamp, type)"
                    + " values (" + next + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            insertSql = sql;
        }
        return sql;
    }

    /** Once the root unit of work has committed, the newest index it stored goes to {@link AppendedPositions}. */
    private void tellWhenCommitted(long globalIndex) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<AtomicLong>getOrComputeResource(APPENDED, key -> {
            AtomicLong newest = new AtomicLong(-1);
            root.afterCommit(committed -> appendedPositions.committed(committed.getMessage(), newest.get()));
            return newest;
        }).accumulateAndGet(globalIndex, Math::max);
    }

    /**
     * The events after the token and those in its gaps (indexes a transaction had taken but not
     * committed when the token passed them), in index order, at most a batch. Axon's engine asks
     * {@code globalIndex > :token OR globalIndex IN :gaps}: H2 plans that as a walk of the whole
     * primary key, and PostgreSQL, as Hibernate sends it, as a scan of the whole table even when
     * analysed ({@code benchmark/results/gaps.md}: 63 and 217 ms a fetch at a million events), and
     * under concurrent writes nearly every token has gaps. Asked as two queries, each is a range or
     * a lookup on the primary key. Their union, in index order and cut at the batch size, is what
     * the single query answers; an event that commits between the two is either a gap (and read by
     * the second) or newer than the first's answer (and read by the next fetch, as Axon's own query
     * would once it had committed).
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        long index = token == null ? -1 : token.getIndex();
        Long[] gaps = token == null ? new Long[0] : token.getGaps().toArray(Long[]::new);
        return session().doReturningWork(connection -> {
            List<Object[]> after = select(connection, AFTER, statement -> statement.setLong(1, index));
            if (gaps.length == 0) {
                return after;
            }
            List<Object[]> inGaps = select(connection, IN_GAPS,
                    statement -> statement.setArray(1, connection.createArrayOf("bigint", gaps)));
            // Every gap is below the token's index and every event of the first query above it.
            return Stream.concat(inGaps.stream(), after.stream()).limit(batchSize()).toList();
        });
    }

    private List<Object[]> select(Connection connection, String sql, Condition condition) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            condition.bind(select);
            select.setInt(2, batchSize());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[]{row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getBytes(9), row.getBytes(10)});
                }
            }
            return rows;
        }
    }

    private Session session() {
        return entityManager().unwrap(Session.class);
    }

    /** Binds the first parameter of a select (the second is the batch size). */
    @FunctionalInterface
    private interface Condition {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
