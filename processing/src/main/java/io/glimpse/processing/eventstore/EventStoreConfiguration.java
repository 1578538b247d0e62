package io.glimpse.processing.eventstore;

import io.glimpse.processing.consistency.AppendedPositions;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The event store in the application's database, as Axon's Spring Boot starter would make it
 * ({@code JpaEventStoreAutoConfiguration}, the same settings), but with
 * {@link TunedJpaEventStorageEngine}. Not with Axon Server, which is then the event store. The
 * starter's configuration steps aside for any storage engine, and with it goes its registration
 * of Axon's event and snapshot entities, so that is done here.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration axon,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          AppendedPositions appendedPositions) {
        return new TunedJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .entityManagerProvider(entityManagerProvider), transactionManager, appendedPositions);
    }
}
