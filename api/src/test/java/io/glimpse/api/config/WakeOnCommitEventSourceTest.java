package io.glimpse.api.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor reading through the source is told of this instance's events when they are
 * committed, and finds them on its first look; the periodic poll (here: once an hour) plays no part.
 */
class WakeOnCommitEventSourceTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final WakeOnCommitEventSource source = new WakeOnCommitEventSource(eventStore, Duration.ofHours(1));

    @AfterEach
    void stop() {
        source.close();
        eventStore.shutDown();
    }

    @Test
    void aStreamIsToldOfAnEventWhenItsUnitOfWorkCommitsAndFindsItAtOnce() throws Exception {
        publish("before the stream");
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(eventStore.createHeadToken());
        AtomicInteger announcements = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(announcements::incrementAndGet)).as("announces").isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publish("posted");
        assertThat(announcements).as("not before the commit").hasValue(0);
        unitOfWork.commit();

        assertThat(announcements).as("told by the commit").hasValue(1);
        assertThat(stream.hasNextAvailable()).as("the first look finds it").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("posted");
        stream.close();
    }

    @Test
    void anEventPublishedWithoutAUnitOfWorkIsAnnouncedToo() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger announcements = new AtomicInteger();
        stream.setOnAvailableCallback(announcements::incrementAndGet);

        publish("posted");

        assertThat(announcements).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("posted");
        stream.close();
    }

    private void publish(Object event) {
        eventStore.publish(GenericEventMessage.asEventMessage(event));
    }
}
