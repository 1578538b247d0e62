package io.glimpse.processing.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Axon's JPA storage engine, except that a tracking processor's gaps are read by their own query.
 *
 * <p>A processor whose token has gaps (events whose index was taken by a transaction that had not
 * committed yet) asks Axon's engine for {@code globalIndex > :token OR globalIndex IN :gaps},
 * ordered by index. H2 plans that as a walk of the whole primary key, and PostgreSQL, through the
 * prepared statements Hibernate sends, as a scan of the whole table even when it is analysed
 * ({@code benchmark/results/gaps.md}: 63 and 217 ms a fetch at a million events): the cost grows
 * with the event store, for every fetch, and under concurrent writes nearly every token has gaps.
 * Asked as two queries, each is a range or a lookup on the primary key. Their union, in index
 * order and cut at the batch size, is exactly what the single query answers; an event that commits between the two is either a gap
 * (and read by the second) or newer than the first's answer (and read by the next fetch, as
 * Axon's own query would once it had committed).
 */
public class GapsByIndexEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData";

    public GapsByIndexEventStorageEngine(Builder builder) {
        super(builder);
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
