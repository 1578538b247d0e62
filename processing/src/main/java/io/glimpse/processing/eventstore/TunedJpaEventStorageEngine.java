package io.glimpse.processing.eventstore;

import io.glimpse.processing.consistency.AppendedPositions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Axon's JPA storage engine with two changes: a tracking processor's gaps are read by their own
 * query, and a command is told where its events landed.
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

    private final AppendedPositions appendedPositions;

    public TunedJpaEventStorageEngine(Builder builder, AppendedPositions appendedPositions) {
        super(builder);
        this.appendedPositions = appendedPositions;
    }

    /**
     * The entries a unit of work appends are kept, and when it has committed, the newest one's
     * global index (the sequence value Hibernate gave it on insert) goes to
     * {@link AppendedPositions}: the command's read-your-writes then waits for it without asking
     * the table where the aggregate's newest event is.
     */
    @Override
    protected Object createEventEntity(EventMessage<?> event, Serializer serializer) {
        Object entry = super.createEventEntity(event, serializer);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.<List<Object>>getOrComputeResource(APPENDED, key -> {
                List<Object> entries = new ArrayList<>();
                root.afterCommit(committed -> appendedPositions.committed(committed.getMessage(),
                        entries.stream().mapToLong(this::globalIndexOf).max().orElseThrow()));
                return entries;
            }).add(entry);
        }
        return entry;
    }

    private long globalIndexOf(Object entry) {
        return (Long) entityManager().getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entry);
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
