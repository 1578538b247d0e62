package io.glimpse.processing.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every streaming event processor parks the events its handlers fail on in a sequenced
 * dead-letter queue in the database (Axon's JPA DLQ, table {@code dead_letter_entry}): the failed
 * event and every later event of the same aggregate wait there, in order, while the rest of the
 * stream goes on. Nothing is dropped: the policy always keeps the letter and counts its failures,
 * which {@code DeadLetterRetries} uses to retry a few times by itself before leaving it to an
 * admin. Subscribing processors ({@code axon.eventhandling.processors.NAME.mode=subscribing}, the
 * command-side facts) are not dead-lettered: they handle events in the command's own transaction,
 * whose failure must fail the command.
 *
 * <p>Each processor remembers which of its sequences have letters (Axon's sequence identifier
 * cache), so that an event whose aggregate has none is handled without asking the queue; without
 * it every event cost a query of {@code dead_letter_entry}, a sixth of a replay's time. The cache
 * starts from the queue's contents whenever the processor claims its segment.
 *
 * <p>Axon's JPA DLQ cannot park an event whose handler broke the database transaction itself (a
 * constraint violation, say): the whole batch rolls back and the processor retries it with
 * back-off, so such a failure stalls that processor (visible as ERROR in the admin status).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration implements ConfigurerModule {

    private final ListableBeanFactory beans;
    private final Environment environment;

    DeadLetterConfiguration(ListableBeanFactory beans, Environment environment) {
        this.beans = beans;
        this.environment = environment;
    }

    /** Diagnostics key: how many times handling the letter has failed. */
    public static final String FAILURES = "failures";

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> {
            processing.registerDeadLetterQueueProvider(group -> isSubscribing(group) ? null
                            : config -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(group)
                            .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                            .transactionManager(config.getComponent(TransactionManager.class))
                            .serializer(config.serializer())
                            .eventSerializer(config.eventSerializer())
                            .build())
                    .registerDefaultDeadLetterPolicy(config -> countingFailures());
            processingGroups().forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                    group, (config, invoker) -> invoker.enableSequenceIdentifierCache()));
        });
    }

    private boolean isSubscribing(String group) {
        return "subscribing".equalsIgnoreCase(environment.getProperty("axon.eventhandling.processors." + group + ".mode"));
    }

    /** Axon takes an invoker's settings per processing group only, so every group is named. */
    private Set<String> processingGroups() {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(bean -> beans.findAnnotationOnBean(bean, ProcessingGroup.class).value())
                .collect(Collectors.toSet());
    }

    /** After Axon's Spring Boot module, which would otherwise replace this queue provider with its property-driven one. */
    @Override
    public int order() {
        return 1;
    }

    static EnqueuePolicy<EventMessage<?>> countingFailures() {
        return (letter, cause) -> Decisions.requeue(cause,
                failed -> failed.diagnostics().and(FAILURES, failures(failed) + 1));
    }

    public static int failures(DeadLetter<?> letter) {
        Object failures = letter.diagnostics().get(FAILURES);
        return failures instanceof Number number ? number.intValue() : 0;
    }
}
