package io.glimpse.processing;

import io.glimpse.processing.cluster.ClusterProperties;
import io.glimpse.processing.cluster.NodeRole;
import io.glimpse.processing.consistency.ProcessorProgress;
import io.glimpse.processing.status.CommandMonitor;
import io.glimpse.processing.status.EventProcessorMonitor;
import io.glimpse.processing.status.PublishedEventsMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** How Axon runs here. docs/architecture.md explains each choice. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Axon 4.13's Jackson 3 serializer cannot read its own replay tokens back (AxonFramework#4160):
     * without this, a reset projection silently never rebuilds. Polymorphic types are allowed for
     * Axon's classes and ours only.
     */
    @Bean
    Jackson3SerializerCustomizer polymorphicTypesOfAxonAndGlimpse() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.glimpse.")
                .build());
    }

    /**
     * Every event processor is a tracking one, with one segment unless {@code glimpse.cluster.segments}
     * gives it more (for scaling out; docs/architecture.md, "Scaling out"). It has at least
     * two threads ({@code glimpse.cluster.threads}), one that claims the segment and one that processes it: with one, Axon's
     * launcher hands the segment to its own thread, and a stop that comes in between (a replay
     * asked for while the last one starts) frees the segment without giving the thread back, so
     * the restarted processor never claims it again (AxonFramework#2848, still in 4.13). It
     * handles up to {@code batchSize} events per transaction while it catches up or replays. Not
     * Axon's pooled streaming processor: its coordinator hands a work package at most 1,024 events
     * and then pauses 100 ms, which capped a replay near 10,000 events per second however fast the
     * handlers were. A tracking processor on the embedded event store is woken by
     * each local commit, so a write's read-your-writes wait is not a polling delay (on a node whose
     * events other nodes store, it polls the storage engine instead: {@link StoragePollingSource}),
     * and it reads that store through {@link ReadAheadEventSource}, which reads and deserializes on a thread of
     * its own. (Axon Server's connector streams ahead by itself.)
     *
     * <p>Stopping a processor waits {@code stopTimeout} for its batch rather than Axon's default
     * 5 s: after that Axon interrupts the thread, and an interrupt during H2's file I/O closes the
     * embedded database for the whole application. A failing handler propagates its error, so the
     * processor retries the event with back-off (or dead-letters it) instead of logging and
     * skipping it.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(ProcessorProperties settings, ClusterProperties cluster, NodeRole node,
                                             ObjectProvider<EventStorageEngine> storage, ProcessorProgress progress) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors()
                    .configureDefaultStreamableMessageSource(config -> config.eventStore() instanceof EmbeddedEventStore store
                            ? new ReadAheadEventSource(node.role().seesEveryPosition() ? store
                                    : new StoragePollingSource(store, storage.getObject(), cluster.pollInterval()),
                                    settings.batchSize())
                            : config.eventStore())
                    .registerTrackingEventProcessorConfiguration(config -> tracking(settings, cluster, node, progress, 1))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
            cluster.segments().forEach((name, segments) -> processing.registerTrackingEventProcessorConfiguration(
                    name, config -> tracking(settings, cluster, node, progress, segments)));
        });
    }

    /**
     * A command node builds the processors (their handlers are beans like any other) but never
     * starts them. {@code threads} is at least one more than the segments a node may hold
     * ({@link ClusterProperties}); a node with a free thread looks for unclaimed segments (a dead
     * node's, once its claims are older than the token store's claim timeout) every
     * {@code tokenClaimInterval}.
     */
    private static TrackingEventProcessorConfiguration tracking(ProcessorProperties settings, ClusterProperties cluster,
                                                                NodeRole node, ProcessorProgress progress,
                                                                int segments) {
        return TrackingEventProcessorConfiguration
                .forParallelProcessing(cluster.threads())
                .andInitialSegmentsCount(segments)
                .andBatchSize(settings.batchSize())
                .andAutoStart(node.role().runsProjections())
                .andTokenClaimInterval(cluster.tokenClaimInterval().toMillis(), TimeUnit.MILLISECONDS)
                .andWorkerTerminationTimeout(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .andEventTrackerStatusChangeListener(progress);
    }

    /**
     * Event processors report to {@link EventProcessorMonitor}, the command bus to
     * {@link CommandMonitor} and the event store to {@link PublishedEventsMonitor}, not to Axon's
     * costlier per-message monitors. (The query bus keeps Axon's.)
     */
    @Bean
    ConfigurerModule leanMessageMonitors(MeterRegistry registry) {
        CommandMonitor commands = new CommandMonitor(registry);
        PublishedEventsMonitor events = new PublishedEventsMonitor(registry);
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class, (config, type, name) -> new EventProcessorMonitor(registry, name))
                .configureMessageMonitor(CommandBus.class, (config, type, name) -> commands)
                .configureMessageMonitor(EventStore.class, (config, type, name) -> events);
    }

    /**
     * The query bus as Axon's auto-configuration builds it, but without a transaction around each
     * query: every read model is read through JDBC, which needs none, and opening a JPA transaction
     * (an EntityManager, a connection, a commit) cost a tenth of a timeline read. With Axon Server,
     * its own query bus (and transaction) is used instead.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Retries commands that lost an optimistic-concurrency race on an aggregate; rejections
     * ({@code CommandRejectedException} is non-transient) are never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .backoffFactor(20)
                        .maxRetryCount(5)
                        .build())
                .build();
    }
}
