package io.glimpse.processing.deadletter;

import io.glimpse.processing.UnknownProcessingException;
import io.glimpse.processing.deadletter.DeadLetterConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The dead-letter queues of all processors: listing, retrying and evicting parked events. */
@Component
public class DeadLetters {

    /** At most this many letters in one listing; a queue that long needs a fix, not a longer page. */
    static final int LISTING_LIMIT = 1000;

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;

    DeadLetters(EventProcessingConfiguration processing, TransactionTemplate transactions) {
        this.processing = processing;
        this.transactions = transactions;
    }

    public long count(String processor) {
        return queue(processor).map(queue -> transactions.execute(status -> queue.size())).orElse(0L);
    }

    public List<DeadLetterView> list(Optional<String> processor) {
        List<String> processors = processor.map(List::of).orElseGet(() -> processing.eventProcessors().keySet()
                .stream().sorted().toList());
        List<DeadLetterView> letters = new ArrayList<>();
        for (String name : processors) {
            queue(name).ifPresent(queue -> transactions.executeWithoutResult(status -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        if (letters.size() < LISTING_LIMIT) {
                            letters.add(view(name, letter));
                        }
                    }
                }
            }));
        }
        return letters;
    }

    /**
     * Handles the letter's sequence again from that letter on.
     *
     * @return whether it went through; if not, the letter stays parked with one more failure
     */
    public boolean retry(String processor, String id) {
        require(processor, id);
        return processing.sequencedDeadLetterProcessor(processor).orElseThrow()
                .process(letter -> letter.message().getIdentifier().equals(id));
    }

    /** Retries the first sequence whose first letter matches; see {@link #retry}. */
    boolean retryFirst(String processor, Predicate<DeadLetter<? extends EventMessage<?>>> which) {
        return processing.sequencedDeadLetterProcessor(processor)
                .map(deadLetterProcessor -> deadLetterProcessor.process(which))
                .orElse(false);
    }

    /** Drops the letter for good: the processor will never handle that event. */
    public void evict(String processor, String id) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = requireQueue(processor);
        transactions.executeWithoutResult(status -> queue.evict(requireLetter(queue, processor, id)));
    }

    List<String> processorsWithQueues() {
        return processing.eventProcessors().keySet().stream().filter(name -> queue(name).isPresent()).sorted().toList();
    }

    private void require(String processor, String id) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = requireQueue(processor);
        transactions.executeWithoutResult(status -> requireLetter(queue, processor, id));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> requireQueue(String processor) {
        return queue(processor).orElseThrow(() -> new UnknownProcessingException("No dead letters for " + processor));
    }

    private static DeadLetter<? extends EventMessage<?>> requireLetter(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                      String processor, String id) {
        return find(queue, id).orElseThrow(() -> new UnknownProcessingException("No dead letter " + id + " in " + processor));
    }

    private static Optional<DeadLetter<? extends EventMessage<?>>> find(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                         String id) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(id)) {
                    return Optional.of(letter);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return processing.eventProcessor(processor).isEmpty() ? Optional.empty() : processing.deadLetterQueue(processor);
    }

    private static DeadLetterView view(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        return new DeadLetterView(processor, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null,
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                DeadLetterConfiguration.failures(letter), letter.enqueuedAt(), letter.lastTouched());
    }
}
