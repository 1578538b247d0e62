package io.glimpse.processing.eventstore;

import io.glimpse.processing.consistency.AppendedPositions;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Axon's JPA storage engine with three changes: events are appended in plain JDBC, a command is
 * told where its events landed, and a tracking processor's gaps are read by their own query.
 *
 * <p>A processor whose token has gaps (events whose index was taken by a transaction that had not
 * committed yet) asks Axon's engine for {@code globalIndex > :token OR globalIndex IN :gaps},
 * ordered by index. H2 plans that as a walk of the whole primary key, and PostgreSQL, through the
 * prepared statements Hibernate sends, as a scan of the whole table even when it is analysed
 * ({@code benchmark/results/gaps.md}: 63 and 217 ms a fetch at a million events): the cost grows
 * with the event store, for every fetch, and under concurrent writes nearly every token has gaps.
 * Asked as two queries, each is a range or a lookup on the primary key. Their union, in index
 * order and cut at the batch size, is exactly what the single query answers; an event that
 * commits between the two is either a gap (and read by the second) or newer than the first's
 * answer (and read by the next fetch, as Axon's own query would once it had committed).
 */
public class TunedJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData";
    private static final String APPENDED = TunedJpaEventStorageEngine.class.getName() + ".appended";
    private static final String EVENT_TABLE = "domain_event_entry";

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
     * Inserts the events through the session's own JDBC connection, in the command's transaction,
     * each with its global index from the sequence in the same statement, and remembers the
     * newest index for {@link AppendedPositions}. Axon's engine persists an entity per event
     * instead: Hibernate's persist and flush of one row, and a round trip of its own for the
     * sequence value, were half of what appending a like cost the server (benchmark/README.md,
     * "Writes"). The rows are the ones Axon's entity maps (its serialized form, {@link
     * DomainEventEntry}); a taken (aggregate, sequence number) fails as Axon's own append does.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            long newest;
            try {
                newest = entityManager().unwrap(Session.class)
                        .doReturningWork(connection -> insert(connection, events, serializer));
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
            for (EventMessage<?> event : events) {
                DomainEventEntry entry = (DomainEventEntry) createEventEntity(event, serializer);
                insert.setString(1, entry.getAggregateIdentifier());
                insert.setString(2, entry.getEventIdentifier());
                insert.setBytes(3, entry.getMetaData().getData());
                insert.setBytes(4, entry.getPayload().getData());
                insert.setString(5, entry.getPayload().getType().getRevision());
                insert.setString(6, entry.getPayload().getType().getName());
                insert.setLong(7, entry.getSequenceNumber());
                insert.setString(8, DateTimeUtils.formatInstant(entry.getTimestamp()));
                insert.setString(9, entry.getType());
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

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        List<Object[]> after = super.fetchEvents(GapAwareTrackingToken.newInstance(token.getIndex(), Set.of()));
        List<Object[]> gaps = entityManager()
                .createQuery("SELECT " + COLUMNS + " FROM " + domainEventEntryEntityName() + " e "
                        + "WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC", Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList();
        // Every gap is below the token's index and every event of the first query above it.
        return Stream.concat(gaps.stream(), after.stream()).limit(batchSize()).toList();
    }
}
