package io.glimpse.processing.history;

import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.processing.history.EventHistory.Filter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history through Axon's event store API on a store whose tokens are plain global sequences,
 * as Axon Server's are (an in-memory storage engine). The JPA store's gap-aware path is covered
 * end to end by {@code AdminApiContract} on H2 and PostgreSQL.
 */
class EventHistoryTest {

    private final ObjectMapper json = JsonMapper.builder().build();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private EmbeddedEventStore store;
    private EventHistory history;

    @BeforeEach
    void storeThreeEvents() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(event("User", ann, 0, new UserRegistered(ann, "ann", "ann@example.com", "hash", "Ann")));
        store.publish(event("User", bob, 0, new UserRegistered(bob, "bob", "bob@example.com", "hash", "Bob")));
        store.publish(event("User", ann, 1, new UserProfileUpdated(ann, "Ann A.", "hello")));
        history = new EventHistory(store, json);
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    @Test
    void everyEventComesOnceInOrderWithoutPersonalData() throws IOException {
        List<JsonNode> lines = export(new Filter(-1, null, null, null, null, null));

        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(lines).extracting(line -> line.get("type").asString())
                .containsExactly("UserRegistered", "UserRegistered", "UserProfileUpdated");
        JsonNode first = lines.get(0);
        assertThat(first.get("aggregateType").asString()).isEqualTo("User");
        assertThat(first.get("aggregateId").asString()).isEqualTo(ann.toString());
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("payload").get("username").asString()).isEqualTo("ann");
        assertThat(first.get("payload").get("email").isNull()).isTrue();
        assertThat(first.get("payload").get("passwordHash").isNull()).isTrue();
        assertThat(lines.get(2).get("payload").get("bio").isNull()).isTrue();
    }

    @Test
    void filtersByPositionTypeAggregateAndLimit() throws IOException {
        assertThat(export(new Filter(0, null, null, null, null, null)))
                .extracting(line -> line.get("globalIndex").asLong()).containsExactly(1L, 2L);
        assertThat(export(new Filter(-1, "UserProfileUpdated", null, null, null, null))).hasSize(1);
        assertThat(export(new Filter(-1, UserRegistered.class.getName(), null, null, null, null))).hasSize(2);
        assertThat(export(new Filter(-1, null, ann.toString(), null, null, null)))
                .extracting(line -> line.get("sequence").asLong()).containsExactly(0L, 1L);
        assertThat(export(new Filter(-1, null, null, null, null, 2L))).hasSize(2);
        assertThat(export(new Filter(2, null, null, null, null, null))).isEmpty();
        assertThat(export(new Filter(-1, null, null, Instant.now().plusSeconds(60), null, null))).isEmpty();
        assertThat(export(new Filter(-1, null, null, null, Instant.now().minusSeconds(60), null))).isEmpty();
    }

    @Test
    void anEmptyStoreExportsNothing() throws IOException {
        EmbeddedEventStore empty = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new EventHistory(empty, json).write(new Filter(-1, null, null, null, null, null), out);
            assertThat(out.size()).isZero();
        } finally {
            empty.shutDown();
        }
    }

    private List<JsonNode> export(Filter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        history.write(filter, out);
        return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    }

    private static GenericDomainEventMessage<Object> event(String type, UUID aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate.toString(), sequence, payload);
    }
}
