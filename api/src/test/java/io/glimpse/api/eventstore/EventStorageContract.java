package io.glimpse.api.eventstore;

import io.glimpse.api.support.ApiTest;
import io.glimpse.command.CachedCommandTargetResolver;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.like.LikeCommands.UnlikePost;
import io.glimpse.command.like.PostLike;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.processing.consistency.AppendedPositions;
import io.glimpse.processing.eventstore.TunedJpaEventStorageEngine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the storage engine does beyond Axon's: a tracking processor whose token has gaps reads, in
 * index order and each once, the events in its gaps and every event after its token, over as many
 * batches as that takes (what Axon's own query answers, asked apart); a command that stored
 * events is told where the newest landed, for its read-your-writes; and its own append (plain
 * JDBC) stores what Axon's would, refusing a taken sequence number as Axon's does.
 */
abstract class EventStorageContract extends ApiTest {

    @Autowired
    EventStorageEngine engine;

    @Autowired
    CommandGateway commands;

    @Autowired
    AppendedPositions appended;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenStore tokens;

    @Autowired
    Configuration axon;

    @Test
    void theEventStoreIsTheOneThatReadsGapsByTheirIndexAndTheTokensAreAxonsJdbcStore() {
        assertThat(engine).isInstanceOf(TunedJpaEventStorageEngine.class);
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void commandsFindTheirAggregateWithTheResolverThatKeepsWhatItFound() {
        // What Axon's aggregate configuration asks for when the aggregate names no resolver of its own.
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CachedCommandTargetResolver.class);
    }

    @Test
    void aTokenWithGapsReadsItsGapsAndEverythingAfterItInIndexOrder() {
        Account author = register("gaps");
        IntStream.range(0, 130).forEach(i -> post(author, "Post " + i));
        Map<String, Long> indexById = new HashMap<>();
        engine.readEvents(null, false).forEach(event -> indexById.put(event.getIdentifier(), indexOf(event)));
        List<Long> indexes = indexById.values().stream().sorted().toList();
        List<Long> last = indexes.subList(indexes.size() - 130, indexes.size());
        long token = last.get(10);
        Set<Long> gaps = new HashSet<>(last.subList(2, 6));
        long missing = last.get(0) - 1;
        while (indexes.contains(missing)) {
            missing--;
        }
        gaps.add(missing);

        List<Long> read = engine.readEvents(GapAwareTrackingToken.newInstance(token, gaps), false)
                .map(event -> indexById.get(event.getIdentifier())).toList();

        List<Long> expected = indexes.stream().filter(index -> gaps.contains(index) || index > token).toList();
        assertThat(expected).hasSizeGreaterThan(120);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void aCommandThatStoredAnEventIsToldItsGlobalIndexOnce() {
        Like pair = aPostAndAFan();
        CommandMessage<?> like = GenericCommandMessage.asCommandMessage(new LikePost(pair.postId(), pair.fanId()));

        commands.sendAndWait(like);

        long stored = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ?")
                .param(PostLike.idOf(pair.postId(), pair.fanId())).query(Long.class).single();
        assertThat(appended.take(like.getIdentifier())).hasValue(stored);
        assertThat(appended.take(like.getIdentifier())).isEmpty();
    }

    @Test
    void aCommandThatStoredNothingIsToldNothing() {
        Like pair = aPostAndAFan();
        CommandMessage<?> unlike = GenericCommandMessage.asCommandMessage(new UnlikePost(pair.postId(), pair.fanId()));

        commands.sendAndWait(unlike);

        assertThat(appended.take(unlike.getIdentifier())).isEmpty();
    }

    @Test
    void anAppendedEventReadsBackAsItWasWritten() {
        String aggregate = "contract-" + UUID.randomUUID();
        DomainEventMessage<?> written = likeEvent(aggregate, 0).andMetaData(Map.of("origin", "contract"));

        engine.appendEvents(written);

        DomainEventMessage<?> read = engine.readEvents(aggregate).asStream().findFirst().orElseThrow();
        assertThat(read.getIdentifier()).isEqualTo(written.getIdentifier());
        // Stored to the millisecond, as Axon's own entity stores it.
        assertThat(read.getTimestamp()).isEqualTo(written.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        assertThat(read.getType()).isEqualTo("PostLike");
        assertThat(read.getPayload()).isEqualTo(written.getPayload());
        assertThat(read.getMetaData()).containsEntry("origin", "contract");
    }

    @Test
    void anEventAtATakenSequenceNumberIsRefusedAndItsTransactionStoresNothing() {
        String aggregate = "contract-" + UUID.randomUUID();
        engine.appendEvents(likeEvent(aggregate, 0), likeEvent(aggregate, 1));

        assertThatThrownBy(() -> engine.appendEvents(likeEvent(aggregate, 2), likeEvent(aggregate, 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(likeEvent(aggregate, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L);
    }

    private static DomainEventMessage<?> likeEvent(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("PostLike", aggregate, sequenceNumber,
                new PostLiked(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    private record Like(UUID postId, UUID fanId) {
    }

    /** Someone's post and another user, who has not liked it. */
    private Like aPostAndAFan() {
        UUID postId = UUID.fromString(post(register("author"), "A post"));
        return new Like(postId, register("fan").id());
    }

    /** Read from the start, an event's token is at its own index (later, a token with gaps stays at its highest). */
    private static long indexOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
